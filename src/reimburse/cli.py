"""`reimburse` command: serve, analyze, token."""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from reimburse.config import load_settings


def _cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from reimburse.container import build_container, stop_resource_tracker
    from reimburse.http.app import create_app
    from reimburse.http.startup import check_startup
    from reimburse.logging_setup import configure_logging

    settings = load_settings()
    configure_logging(settings.log_level, settings.log_dir)
    check_startup(settings)
    if args.workers > 1:
        return _serve_replicas(args, settings)
    container = build_container(settings)
    executor = container.executor()  # held here too, so it is stopped even if uvicorn skips the lifespan
    # One process: the embedded Qdrant Edge shard is single-process (scale out with QDRANT_URL).
    config = uvicorn.Config(
        create_app(container),
        host=args.host or settings.host,
        port=args.port or settings.port,
        workers=1,
        log_level=settings.log_level.lower(),
        log_config=None,  # keep the structlog JSON handlers configured above
        proxy_headers=False,
        # SIGTERM/SIGINT: stop accepting, let requests in flight finish this long, then cancel them
        timeout_graceful_shutdown=settings.shutdown_grace_seconds,
    )
    server = uvicorn.Server(config)
    # uvicorn re-raises the stop signal after its graceful shutdown, which would end us by the
    # signal (-15) instead of exit 0; routed to the server instead, it also stops a server whose
    # own handlers are not installed yet.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, server.handle_exit)
    server.run()
    if executor is not None:  # already stopped by the lifespan unless a second Ctrl-C forced the exit
        executor.shutdown(wait=True, cancel_futures=True)
    stop_resource_tracker()
    return 0 if server.started else 3  # 3: uvicorn's startup-failure code


def replica_app() -> Any:
    """One API process of `serve --workers N` (uvicorn imports this in each): its own container,
    store client and PDF workers, configured from the environment like the parent."""
    from reimburse.container import build_container
    from reimburse.http.app import create_app
    from reimburse.logging_setup import configure_logging

    settings = load_settings()
    configure_logging(settings.log_level, settings.log_dir)
    return create_app(build_container(settings))


def _serve_replicas(args: argparse.Namespace, settings: Any) -> int:
    import uvicorn

    if not settings.qdrant_url:
        sys.stderr.write(
            f"reimburse serve: --workers {args.workers} needs a Qdrant server (set QDRANT_URL). The embedded "
            "store, Qdrant Edge, has a single writer: one process owns DATA_DIR. Run one process, or "
            "point QDRANT_URL at a Qdrant server (see docs/deployment.md).\n"
        )
        return 2
    if not settings.redis_url:
        sys.stderr.write("reimburse serve: no REDIS_URL, so each of the processes keeps its own rate limit\n")
    # uvicorn's supervisor: one listening socket, N processes; SIGTERM/SIGINT stop them all gracefully
    uvicorn.run(
        "reimburse.cli:replica_app",
        factory=True,
        host=args.host or settings.host,
        port=args.port or settings.port,
        workers=args.workers,
        log_level=settings.log_level.lower(),
        log_config=None,
        proxy_headers=False,
        timeout_graceful_shutdown=settings.shutdown_grace_seconds,
    )
    return 0


def _progress(done: int, total: int, name: str) -> None:
    width = 30
    filled = int(width * done / max(total, 1))
    bar = "#" * filled + "-" * (width - filled)
    sys.stderr.write(f"\r[{bar}] {done}/{total} {name[:40]:<40}")
    sys.stderr.flush()


def _table(summary: Any) -> str:
    rows = [("file", "status", "total", "reimbursed", "date", "review")]
    for r in sorted(summary.results, key=lambda r: r.filename):
        rows.append(
            (
                r.filename,
                r.status,
                f"{r.total_amount} {r.currency}",
                f"{r.reimbursement_amount} {r.currency}",
                r.invoice_date.isoformat() if r.invoice_date else "-",
                ",".join(f.code for f in r.flags) or "-",
            )
        )
    for e in summary.processing_errors:
        rows.append((e.filename, f"error: {e.error}", "-", "-", "-", e.message[:60]))
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append("")
    lines.append(summary.message)
    return "\n".join(lines)


async def _analyze(args: argparse.Namespace) -> int:
    from reimburse.application.analyze_batch import BatchRequest
    from reimburse.application.results import BatchDone, InvoiceFailed, InvoiceJudged
    from reimburse.container import build_container, close_container, open_container, stop_resource_tracker
    from reimburse.domain.errors import DomainError
    from reimburse.http.wire import encoder

    scratch = tempfile.TemporaryDirectory(prefix="reimburse-") if args.no_store else None
    data_dir = scratch.name if scratch else args.data_dir
    overrides: dict[str, Any] = {"data_dir": data_dir} if data_dir else {}
    if scratch:
        overrides["qdrant_url"] = ""  # a throwaway embedded store, whatever is configured
    settings = load_settings(**overrides)
    container = build_container(settings)
    request = BatchRequest(
        employee_name=args.employee,
        policy_bytes=Path(args.policy).read_bytes(),
        policy_filename=Path(args.policy).name,
        archive=Path(args.invoices),
        submitted_on=date.fromisoformat(args.submitted_on) if args.submitted_on else None,
        employee_grade=args.employee_grade,
        location=args.location,
    )
    try:
        await open_container(container)
        use_case = container.analyze_batch()
        batch = use_case.start(request)
        done = 0
        summary = None
        async for event in use_case.stream(batch):
            if isinstance(event, InvoiceJudged | InvoiceFailed):
                done += 1
                name = event.result.filename if isinstance(event, InvoiceJudged) else event.error.filename
                if not args.json:
                    _progress(done, batch.total, name)
            elif isinstance(event, BatchDone):
                summary = event.summary
    except DomainError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        await close_container(container)  # also on Ctrl-C: it waits for the PDF workers to exit
        stop_resource_tracker()
        if scratch is not None:
            scratch.cleanup()
    assert summary is not None
    if args.json:
        sys.stdout.buffer.write(encoder.encode(summary) + b"\n")
    else:
        sys.stderr.write("\n")
        print(_table(summary))
    return 0 if summary.success else 1


def _cmd_token(args: argparse.Namespace) -> int:
    from reimburse.container import build_container
    from reimburse.domain.access import Role

    settings = load_settings()
    if len(settings.secret_key) < 32:
        print("error: SECRET_KEY must be set (32+ characters) to mint tokens", file=sys.stderr)
        return 2
    ttl = _parse_ttl(args.ttl)
    print(build_container(settings).tokens().mint(args.sub, Role(args.role), ttl))
    return 0


def _parse_ttl(text: str) -> timedelta:
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    text = text.strip().lower()
    if text[-1:] in units:
        return timedelta(seconds=float(text[:-1]) * units[text[-1]])
    return timedelta(seconds=float(text))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reimburse", description="Invoice reimbursement service")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="serve the HTTP API")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        help="API processes (more than 1 needs QDRANT_URL; share limits with REDIS_URL)",
    )
    serve.set_defaults(run=_cmd_serve)

    analyze = sub.add_parser("analyze", help="analyse a ZIP of invoices against a policy PDF")
    analyze.add_argument("--policy", required=True, help="policy PDF")
    analyze.add_argument("--invoices", required=True, help="ZIP of invoice PDFs")
    analyze.add_argument("--employee", required=True, help="employee name")
    analyze.add_argument("--submitted-on", help="YYYY-MM-DD the deadline is judged against (default today)")
    analyze.add_argument("--employee-grade", help="grade, band or level, for limits that depend on it")
    analyze.add_argument("--location", help="city class, zone, region or domestic/international of the trip")
    analyze.add_argument("--json", action="store_true", help="print the API's JSON response body only")
    analyze.add_argument("--data-dir", help="where results are stored (default DATA_DIR)")
    analyze.add_argument("--no-store", action="store_true", help="keep results only for this run")
    analyze.set_defaults(run=lambda a: asyncio.run(_analyze(a)))

    token = sub.add_parser("token", help="mint a bearer token (reads SECRET_KEY)")
    token.add_argument("--sub", required=True, help="subject: the employee name, or a reviewer/admin id")
    token.add_argument("--role", required=True, choices=["employee", "reviewer", "admin"])
    token.add_argument("--ttl", default="12h", help="lifetime, e.g. 3600, 30m, 12h, 7d")
    token.set_defaults(run=_cmd_token)

    from reimburse.cli_ops import register

    register(sub)  # backup, verify-backup, restore, migrate, erase-employee, apply-retention
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:  # Ctrl-C: everything was closed on the way out; no traceback
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())

"""Operator commands: backup, verify-backup, restore, migrate, erase-employee, apply-retention.

Kept apart from cli.py, which only registers them. Each prints a short summary (or the report
as JSON with --json) and exits 2 with a clear message when the operation is refused.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any

import msgspec

from reimburse.config import Settings, load_settings
from reimburse.domain.errors import DomainError


def _settings(args: argparse.Namespace, **extra: Any) -> Settings:
    overrides: dict[str, Any] = dict(extra)
    if getattr(args, "data_dir", None):
        overrides["data_dir"] = args.data_dir
    return load_settings(**overrides)


def _emit(args: argparse.Namespace, report: msgspec.Struct, lines: list[str]) -> None:
    if args.json:
        sys.stdout.buffer.write(msgspec.json.encode(report) + b"\n")
    else:
        print("\n".join(lines))


def _refused(exc: Exception) -> int:
    print(f"error: {exc}", file=sys.stderr)
    return 2


def _counts(collections: dict[str, int]) -> str:
    return ", ".join(f"{name}={n}" for name, n in sorted(collections.items())) or "no collections"


def _cmd_backup(args: argparse.Namespace) -> int:
    from reimburse.container import build_container

    backup = build_container(_settings(args)).store_backup()
    try:
        report = asyncio.run(backup.backup(Path(args.dest)))
    except (DomainError, OSError) as exc:
        return _refused(exc)
    m = report.manifest
    _emit(
        args,
        report,
        [
            f"backup written: {report.path} ({report.size_bytes / 1e6:.1f} MB, {len(m.files)} files)",
            f"collections: {_counts(m.collections)}",
            f"took {report.seconds:.2f} s; writers waited {report.writes_paused_seconds * 1000:.0f} ms",
        ],
    )
    return 0


def _cmd_verify(args: argparse.Namespace) -> int:
    from reimburse.container import build_container

    backup = build_container(_settings(args)).store_backup()
    try:
        manifest = asyncio.run(backup.verify(Path(args.src)))
    except (DomainError, OSError) as exc:
        return _refused(exc)
    _emit(
        args,
        manifest,
        [
            f"backup OK: {args.src} ({manifest.store}, made {manifest.created_at.isoformat()})",
            f"collections: {_counts(manifest.collections)}; {len(manifest.files)} files match their SHA-256",
        ],
    )
    return 0


def _cmd_restore(args: argparse.Namespace) -> int:
    from reimburse.container import build_container

    settings = _settings(args)
    backup = build_container(settings).store_backup()
    try:
        report = asyncio.run(backup.restore(Path(args.src), force=args.force))
    except (DomainError, OSError) as exc:
        return _refused(exc)
    where = settings.qdrant_url or settings.data_dir
    _emit(
        args,
        report,
        [
            f"restored {args.src} into {where} in {report.seconds:.2f} s"
            + (" (replaced what was there)" if report.replaced_existing else ""),
            f"collections: {_counts(report.manifest.collections)} (counts verified)",
        ],
    )
    return 0


def _cmd_migrate(args: argparse.Namespace) -> int:
    from reimburse.container import store_migration

    settings = _settings(args, qdrant_url="")
    api_key = args.api_key if args.api_key is not None else settings.qdrant_api_key
    migration = store_migration(settings, args.to, api_key)

    async def run() -> Any:
        try:
            return await migration.migrate(batch_size=args.batch_size, sample=args.sample)
        finally:
            await migration.close()

    try:
        report = asyncio.run(run())
    except DomainError as exc:
        return _refused(exc)
    lines = [f"migrated {settings.data_dir} -> {report.target} in {report.seconds:.2f} s"]
    for c in report.collections:
        again = " (resumed)" if c.resumed else ""
        lines.append(
            f"  {c.name}: {c.source_points} points, {c.target_points} on the server, "
            f"{c.copied_this_run} copied this run{again}"
        )
    lines.append(f"counts match; {report.sampled} sampled records identical. Now set QDRANT_URL={args.to}")
    _emit(args, report, lines)
    return 0


async def _with_stores(settings: Settings, use: str, *call: Any) -> Any:
    from reimburse.container import build_container, close_connections

    container = build_container(settings)
    try:
        return await getattr(container, use)()(*call)
    finally:
        for provider in (container.invoice_store, container.chat_store):
            await provider().close()
        await close_connections(container)


def _cmd_erase(args: argparse.Namespace) -> int:
    from reimburse.domain.access import Role, Viewer

    if not args.yes:
        print("error: erasure cannot be undone (backups aside); pass --yes to confirm", file=sys.stderr)
        return 2
    try:
        report = asyncio.run(
            _with_stores(_settings(args), "erase_employee", Viewer(None, Role.ADMIN), args.name)
        )
    except DomainError as exc:
        return _refused(exc)
    _emit(
        args,
        report,
        [
            f"erased ({report.erasure_id}): {report.invoices_removed} invoices, "
            f"{report.chat_messages_removed} chat messages",
            "backups taken before now still hold this data: rotate them out per your retention policy",
        ],
    )
    return 0


def _cmd_retention(args: argparse.Namespace) -> int:
    extra = {"retention_days": args.days} if args.days is not None else {}
    settings = _settings(args, **extra)
    if settings.retention_days <= 0:
        return _refused(ValueError("retention is off: set RETENTION_DAYS or pass --days"))
    try:
        report = asyncio.run(_with_stores(settings, "apply_retention"))
    except DomainError as exc:
        return _refused(exc)
    _emit(
        args,
        report,
        [
            f"removed records older than {report.cutoff.isoformat()}: {report.invoices_removed} invoices, "
            f"{report.chat_messages_removed} chat messages"
        ],
    )
    return 0


def register(sub: Any) -> None:
    """Adds the operator subcommands to the `reimburse` parser."""

    def command(name: str, help_text: str, run: Any) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = sub.add_parser(name, help=help_text)
        p.add_argument("--json", action="store_true", help="print the report as JSON")
        p.add_argument("--data-dir", help="the embedded store's directory (default DATA_DIR)")
        p.set_defaults(run=run)
        return p

    backup = command("backup", "back up everything the service keeps, while it serves", _cmd_backup)
    backup.add_argument("dest", help="backup file to write, or a directory to write a dated file in")

    verify = command("verify-backup", "check a backup file against its manifest", _cmd_verify)
    verify.add_argument("src", help="backup file")

    restore = command("restore", "restore a backup into DATA_DIR (or the Qdrant server)", _cmd_restore)
    restore.add_argument("src", help="backup file")
    restore.add_argument("--force", action="store_true", help="replace a DATA_DIR that holds data")

    migrate = command("migrate", "copy the embedded store into a Qdrant server", _cmd_migrate)
    migrate.add_argument(
        "--to", required=True, metavar="QDRANT_URL", help="the server, e.g. http://qdrant:6333"
    )
    migrate.add_argument("--api-key", help="the server's API key (default QDRANT_API_KEY)")
    migrate.add_argument("--batch-size", type=int, default=512)
    migrate.add_argument("--sample", type=int, default=50, help="records compared one by one per collection")

    erase = command("erase-employee", "erase one employee's invoices and chat sessions", _cmd_erase)
    erase.add_argument("name", help="the employee's name (matched case- and space-insensitively)")
    erase.add_argument("--yes", action="store_true", help="confirm: this cannot be undone")

    retention = command("apply-retention", "remove records older than RETENTION_DAYS, once", _cmd_retention)
    retention.add_argument("--days", type=int, help="override RETENTION_DAYS for this run")

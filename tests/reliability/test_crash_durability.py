"""SIGKILL the real server in the middle of a streamed batch, restart it, and find every result it sent.

The streaming endpoint stores (and flushes) each result before sending it, so a result a client
has seen must survive any crash. Each run kills the server after a random number of `result`
events (plus a random few milliseconds, so the kill lands at different points of the next write),
restarts it on the same DATA_DIR, and checks every result streamed so far in every run. The kill hits
the server alone, as the OOM killer would: its PDF workers must notice and exit by themselves.
"""

from __future__ import annotations

import contextlib
import os
import random
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import analysis_files
from tests.reliability.workload import EMPLOYEE, SUBMITTED_ON, invoice_batch, record_figures, sse_events
from tests.server_process import ServerProcess

pytestmark = pytest.mark.slow

RUNS = 5
BATCH_SIZE = 40
SEED = int(os.environ.get("CRASH_SEED", "20241231"))
LOCK_WORDS = ("in use by another process", "StoreLocked", "single-process")


def _stream_until_kill(
    server: ServerProcess, zip_bytes: bytes, kill_after: int, delay: float
) -> tuple[list[Any], float | None]:
    """Streams the batch, SIGKILLs the server (alone) after `kill_after` results; returns the results
    seen and the seconds until its PDF workers had exited by themselves (None: not within 15 s)."""
    form = {"employee_name": EMPLOYEE, "submitted_on": SUBMITTED_ON}
    seen: list[dict[str, Any]] = []
    workers_gone: float | None = None
    with contextlib.ExitStack() as stack:
        response = stack.enter_context(
            httpx.stream(
                "POST",
                f"{server.base}/api/v1/analyze-invoices-stream",
                data=form,
                files=analysis_files(zip_bytes),
                timeout=120,
            )
        )
        assert response.status_code == 200, response.read()
        for event in sse_events(response.iter_lines()):
            assert event["type"] != "done", "the batch finished before the kill point"
            if event["type"] == "result":
                seen.append(event["data"])
                if len(seen) == kill_after:
                    time.sleep(delay)
                    workers_gone = server.kill()
                    break
        stack.pop_all()
        with contextlib.suppress(httpx.HTTPError):
            response.close()
    return seen, workers_gone


def _assert_opened_cleanly(server: ServerProcess) -> None:
    """The new process holds every shard lock (the dead one's flock went with it) and is healthy."""
    locks = sorted(server.data_dir.rglob("*.lock"))
    names = {lock.stem for lock in locks}
    assert names == {"invoices", "policies", "chat_messages", "invoice_history"}, locks
    for lock in locks:
        assert lock.read_text().strip() == str(server.pid), f"{lock} is not held by the new server"
    health = httpx.get(f"{server.base}/api/v1/health", timeout=30).json()
    store = next(s for s in health["services"] if s["name"] == "vector_store")
    assert store["status"] == "healthy", health


def _stored(base: str, invoice_id: str) -> dict[str, Any] | None:
    response = httpx.get(f"{base}/api/v1/invoices/{invoice_id}", timeout=30)
    if response.status_code == 404:
        return None
    assert response.status_code == 200, response.text
    return dict(response.json())


def _listing(base: str) -> tuple[int, list[str]]:
    ids: list[str] = []
    total = 0
    offset = 0
    while True:
        page = httpx.get(f"{base}/api/v1/invoices", params={"limit": 500, "offset": offset}, timeout=30)
        assert page.status_code == 200, page.text
        body = page.json()
        total = body["total"]
        ids += [item["invoice_id"] for item in body["items"]]
        offset += len(body["items"])
        if not body["items"] or offset >= total:
            return total, ids


def test_every_streamed_result_survives_sigkill(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    data_dir = tmp_path / "data"
    server = ServerProcess(data_dir)
    startup = [server.start(timeout=60)]
    streamed: dict[str, dict[str, Any]] = {}  # invoice_id -> the result as streamed
    runs: list[dict[str, Any]] = []
    first_batch = b""
    resent_total = 0
    try:
        for run in range(RUNS):
            kill_after = rng.randint(1, BATCH_SIZE - 2)
            delay = rng.uniform(0.0, 0.05)
            batch = invoice_batch(rng, f"run{run}", BATCH_SIZE)
            if run == 0:
                first_batch = batch
            seen, workers_gone = _stream_until_kill(server, batch, kill_after, delay)
            assert len(seen) == kill_after
            assert workers_gone is not None, f"run {run}: the killed server's workers outlived it by 15 s"
            for result in seen:
                streamed[result["invoice_id"]] = result

            server = ServerProcess(data_dir)  # same DATA_DIR, new port
            startup.append(server.start(timeout=60))
            log = server.log_text()
            assert not any(word in log for word in LOCK_WORDS), log[-2000:]
            _assert_opened_cleanly(server)

            missing, changed = [], []
            for invoice_id, result in streamed.items():
                stored = _stored(server.base, invoice_id)
                if stored is None:
                    missing.append(invoice_id)
                elif stored != result:
                    changed.append(
                        {k: (result[k], stored.get(k)) for k in result if stored.get(k) != result[k]}
                    )
            total, ids = _listing(server.base)
            runs.append(
                {
                    "run": run,
                    "kill_after_results": kill_after,
                    "kill_delay_ms": round(delay * 1000, 1),
                    "streamed_total": len(streamed),
                    "stored_total": total,
                    "missing": len(missing),
                    "changed": len(changed),
                    "restart_seconds": round(startup[-1], 2),
                    "workers_gone_seconds": round(workers_gone, 2),
                }
            )
            assert not missing, f"run {run}: streamed results lost after SIGKILL: {missing}"
            assert not changed, f"run {run}: stored results differ from what was streamed: {changed}"
            assert len(ids) == len(set(ids)) == total, "the listing repeats an invoice"
            assert total >= len(streamed)
            assert {r["policy_id"] for r in seen} and all(
                httpx.get(f"{server.base}/api/v1/policies/{pid}", timeout=30).status_code == 200
                for pid in {r["policy_id"] for r in seen}
            )

        # After five crashes the store still takes a whole batch, and re-sending the batch cut
        # short in run 0 stores the rest of it without duplicating what is already there.
        _, before = _listing(server.base)
        with httpx.stream(
            "POST",
            f"{server.base}/api/v1/analyze-invoices-stream",
            data={"employee_name": EMPLOYEE, "submitted_on": SUBMITTED_ON},
            files=analysis_files(first_batch),
            timeout=120,
        ) as response:
            events = list(sse_events(response.iter_lines()))
        assert events[-1]["type"] == "done"
        assert events[-1]["data"]["processed_invoices"] == BATCH_SIZE
        resent = {e["data"]["invoice_id"] for e in events if e["type"] == "result"}
        total, after = _listing(server.base)
        assert len(after) == len(set(after)) == total
        assert set(after) == set(before) | resent
        resent_total = total
    finally:
        server.stop()

    record_figures(
        "crash_durability",
        {
            "seed": SEED,
            "runs": runs,
            "batch_size": BATCH_SIZE,
            "results_streamed_before_kills": len(streamed),
            "results_lost": 0,
            "startup_seconds": [round(s, 2) for s in startup],
            "stored_after_resending_run0": resent_total,
        },
    )

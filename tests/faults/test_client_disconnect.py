"""A client that hangs up in the middle of a streamed batch, against a real uvicorn on loopback.

(Litestar's TestClient buffers whole responses, so it cannot hang up early; a socket can.)
Expected: the remaining work stops (the extraction in flight is cancelled, none completes after
the hang-up), nothing half-decided is stored, and the server goes on serving. Results come only
after every file is read (a batch is decided in invoice-date order, issue 13), so the client hangs
up on a progress event, while files are still being read.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from dependency_injector import providers

from reimburse.adapters.heuristic.invoice_extractor import HeuristicInvoiceExtractor
from reimburse.container import Container
from reimburse.http.app import create_app
from tests.conftest import analysis_files, make_settings, offline_container
from tests.fakes.memory_stores import InMemoryChatStore, InMemoryInvoiceStore, InMemoryPolicyStore
from tests.faults.fault_fakes import PacedExtractor
from tests.faults.harness import ANALYZE, ANALYZE_STREAM, FORM, good_batch, numbered_batch, record_figures
from tests.server_process import free_port

pytestmark = pytest.mark.timeout(90)
BATCH = 12
# 2 extractions at a time (WORKERS=1): the first is quick, so the third file starts (a progress
# event) while the second still has a second to go when the client hangs up; the whole batch would
# take ~6 s.
FIRST, PACE = 0.05, 1.0


@contextmanager
def live_server(container: Container) -> Iterator[str]:
    port = free_port()
    config = uvicorn.Config(
        create_app(container), host="127.0.0.1", port=port, lifespan="on", log_config=None, access_log=False
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="uvicorn-under-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)


def settled(extractor: PacedExtractor, quiet: float = 1.2, limit: float = 15.0) -> int:
    """Extractions started, once no new one has started for `quiet` seconds."""
    deadline = time.monotonic() + limit
    seen, since = extractor.started, time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.1)
        if extractor.started != seen:
            seen, since = extractor.started, time.monotonic()
        elif time.monotonic() - since >= quiet:
            break
    return seen


def test_hanging_up_mid_stream_stops_the_work_and_keeps_what_was_sent(tmp_path: Path) -> None:
    store = InMemoryInvoiceStore()
    extractor = PacedExtractor(HeuristicInvoiceExtractor(), PACE, first_delay=FIRST)
    container = offline_container(make_settings(tmp_path, workers=1, rate_limit_per_minute=100_000))
    container.invoice_store.override(providers.Object(store))
    container.policy_store.override(providers.Object(InMemoryPolicyStore()))
    container.chat_store.override(providers.Object(InMemoryChatStore()))
    container.extractor.override(providers.Object(extractor))

    with live_server(container) as base, httpx.Client(base_url=base, timeout=30) as client:
        received: list[dict[str, Any]] = []
        with client.stream(
            "POST", ANALYZE_STREAM, data=FORM, files=analysis_files(numbered_batch(BATCH))
        ) as r:
            assert r.status_code == 200
            for line in r.iter_lines():
                if line.startswith("data: "):
                    event = json.loads(line[len("data: ") :])
                    if event["type"] == "result":
                        received.append(event["data"])
                    if event["type"] == "progress" and event["data"]["current_invoice"] >= 3:
                        break  # hang up once the first file is read and the third has started
        finished_at_hang_up = extractor.finished

        started = settled(extractor)
        assert not received and finished_at_hang_up == 1
        assert extractor.cancelled >= 1, "the extraction in flight was not cancelled"
        assert extractor.finished == finished_at_hang_up, "work went on after the client left"
        assert started < BATCH
        assert not store.records  # nothing was decided, so nothing half-decided was stored
        record_figures(
            "client_disconnect",
            {
                "batch": BATCH,
                "results_received_before_hang_up": len(received),
                "extractions_started": started,
                "extractions_finished": extractor.finished,
                "extractions_cancelled": extractor.cancelled,
                "received_results_stored": len(received),
            },
        )

        # the server is unharmed: health, and a whole batch afterwards
        assert client.get("/api/v1/health/quick").status_code == 200
        extractor.delay = 0
        after = client.post(ANALYZE, data=FORM, files=analysis_files(good_batch(2)))
        assert after.status_code == 200, after.text
        assert after.json()["processed_invoices"] == 2

"""A caller that reaches the aggregate table after its load finished, but before the load's
done-callback ran, gets the table instead of spinning the event loop forever.

Awaiting a task that is already done returns without yielding to the loop, and the callback that
installs the table runs only on the loop's next turn. `_loaded` used to wait for that callback in a
loop that never yielded: the server stopped answering anything (found by a 20-client load test,
with py-spy showing the main thread in `_loaded`). The scenario below is that moment, made exact.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from reimburse.adapters.qdrant_edge import QdrantEdgeInvoiceStore
from reimburse.adapters.qdrant_edge.figures import EdgeFiguresTable
from reimburse.adapters.qdrant_shared.codec import invoice_point_id
from reimburse.domain.figures import InvoiceFigures, figures_of
from tests.chat_dataset import records

TIMEOUT_SECONDS = 30  # a bound for the failure case only: the fixed code returns at once


def _in_a_thread(scenario: asyncio.Future[object] | object) -> tuple[bool, list[object]]:
    """Runs the coroutine on its own event loop in a daemon thread; a spinning loop cannot be
    interrupted from inside, so the test waits from outside and reports whether it finished."""
    outcome: list[object] = []

    def run() -> None:
        outcome.append(asyncio.run(scenario))  # type: ignore[arg-type]

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(TIMEOUT_SECONDS)
    return not thread.is_alive(), outcome


def test_a_load_done_before_its_callback_ran_is_used_not_spun_on(tmp_path: Path) -> None:
    stored = records(3)
    expected = {invoice_point_id(r.invoice_id): figures_of(r) for r in stored}

    async def scenario() -> list[InvoiceFigures]:
        store = QdrantEdgeInvoiceStore(tmp_path)
        try:
            table: EdgeFiguresTable = store._figures

            async def read() -> dict[str, InvoiceFigures]:
                return dict(expected)

            load = asyncio.ensure_future(read())
            await load  # the load is done ...
            table._loading = load
            load.add_done_callback(table._load_done)  # ... and its callback is only scheduled
            return await table.matching(None)  # no await in between: the callback has not run
        finally:
            await store.close()

    finished, outcome = _in_a_thread(scenario())
    assert finished, "the event loop spun in EdgeFiguresTable._loaded"
    assert sorted(f.invoice_id for f in outcome[0]) == sorted(r.invoice_id for r in stored)  # type: ignore[attr-defined]


def test_a_load_lost_to_a_failed_write_is_read_again(tmp_path: Path) -> None:
    async def scenario() -> list[InvoiceFigures]:
        store = QdrantEdgeInvoiceStore(tmp_path)
        try:
            await store.upsert(records(2))
            table: EdgeFiguresTable = store._figures

            async def stale() -> dict[str, InvoiceFigures]:
                return {}

            load = asyncio.ensure_future(stale())
            await load
            table._loading = load
            table.forget()  # a write failed during this load: its result cannot be trusted
            load.add_done_callback(table._load_done)
            return await table.matching(None)  # read again from the shard
        finally:
            await store.close()

    finished, outcome = _in_a_thread(scenario())
    assert finished, "the event loop spun in EdgeFiguresTable._loaded"
    assert sorted(f.invoice_id for f in outcome[0]) == sorted(r.invoice_id for r in records(2))  # type: ignore[attr-defined]

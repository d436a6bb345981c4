"""A cancelled upsert still lands (the write is shielded); the aggregate table must not miss it.

A client that disconnects cancels its upsert, but the write goes on. The table forgets itself at the
cancel; a chat that reloads it before the write is applied would keep a table without that write
for good, unless the table forgets again when the write ends.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import qdrant_edge as qe

from reimburse.adapters.qdrant_edge import QdrantEdgeInvoiceStore
from reimburse.adapters.qdrant_edge.collection import EdgeCollection
from reimburse.domain.filters import InvoiceFilter
from tests.chat_dataset import records


class HeldShard:
    """The real shard, whose updates wait until the test lets them through."""

    def __init__(self, shard: qe.EdgeShard) -> None:
        self._shard = shard
        self.go = threading.Event()
        self.waiting = threading.Event()

    def update(self, op: qe.UpdateOperation) -> None:
        self.waiting.set()
        self.go.wait(30)
        self._shard.update(op)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._shard, name)


async def test_a_table_loaded_while_a_cancelled_write_ran_is_read_again(tmp_path: Path) -> None:
    first, late = records(4)[:3], records(4)[3]
    store = QdrantEdgeInvoiceStore(tmp_path)
    col: EdgeCollection = store._col
    try:
        await store.upsert(first)
        assert len(await store.figures(InvoiceFilter())) == 3  # the table is loaded
        held = HeldShard(col._require())
        col._shard = held  # type: ignore[assignment]
        upsert = asyncio.ensure_future(store.upsert([late]))
        assert await asyncio.to_thread(held.waiting.wait, 30)  # the write is under way, held
        upsert.cancel()  # the client went away
        await asyncio.gather(upsert, return_exceptions=True)
        stale = await store.figures(InvoiceFilter())  # reloaded before the write is applied
        assert {f.invoice_id for f in stale} == {r.invoice_id for r in first}
        applied = col._applied
        held.go.set()
        while col._applied == applied:  # the shielded write goes on and lands
            await asyncio.sleep(0.01)
        await asyncio.sleep(0)  # its done-callbacks run
        after = await store.figures(InvoiceFilter())
        assert {f.invoice_id for f in after} == {r.invoice_id for r in [*first, late]}
    finally:
        col._shard = getattr(col._shard, "_shard", col._shard)
        await store.close()

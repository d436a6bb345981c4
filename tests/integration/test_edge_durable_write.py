"""An embedded write is durable without a flush of the shard; the flush is a rare checkpoint.

`qdrant_edge` holds the GIL for the whole of `shard.flush()` (some 200 fsyncs and msyncs), which
stopped the whole server for as long as the disk took, once per write. A write now fsyncs only the
write-ahead log's files, from Python (the GIL released); the flush runs as a checkpoint. These tests
pin the behaviour that makes that safe: what a write acknowledged survives a SIGKILL that comes
before any flush, a checkpoint flushes once for many writes and before close, and a backup taken
before the checkpoint holds every acknowledged write.
"""

from __future__ import annotations

import asyncio
import textwrap
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import qdrant_edge as qe

from reimburse.adapters.qdrant_edge import QdrantEdgeChatStore, QdrantEdgeInvoiceStore
from reimburse.adapters.qdrant_edge.collection import EdgeCollection
from reimburse.adapters.qdrant_edge.invoice_store import _upsert_operations
from reimburse.adapters.qdrant_edge.snapshot import EdgeStoreBackup
from reimburse.domain.chat.session import ChatMessage
from reimburse.domain.filters import InvoiceFilter
from tests.chat_dataset import records
from tests.sigkilled_child import lines_before_sigkill

WRITES = 4


class CountingShard:
    """The real shard, with its flushes counted."""

    def __init__(self, shard: qe.EdgeShard) -> None:
        self._shard = shard
        self.flushes = 0

    def flush(self) -> None:
        self.flushes += 1
        self._shard.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._shard, name)


def _counting(store: QdrantEdgeInvoiceStore) -> tuple[EdgeCollection, CountingShard]:
    col: EdgeCollection = store._col
    shard = CountingShard(col._require())
    col._shard = shard  # type: ignore[assignment]
    return col, shard


async def _stored_ids(data_dir: Path) -> list[str]:
    """The invoice ids a store opened afresh on `data_dir` holds."""
    store = QdrantEdgeInvoiceStore(data_dir)
    try:
        page = await store.find(InvoiceFilter(), limit=100, offset=0)
        return sorted(r.invoice_id for r in page.items)
    finally:
        await store.close()


async def test_writes_return_without_a_flush_and_one_checkpoint_flushes_them_all(tmp_path: Path) -> None:
    store = QdrantEdgeInvoiceStore(tmp_path)
    col, shard = _counting(store)
    batch = records(WRITES * 2)
    try:
        for i in range(WRITES):
            await store.upsert(batch[2 * i : 2 * i + 2])
        assert shard.flushes == 0  # every write returned durable (its WAL fsynced), none flushed
        assert col._synced == col._applied == WRITES
        assert await store.count(InvoiceFilter()) == 2 * WRITES  # and readable at once
        timer = col._checkpoint
        assert timer is not None  # one checkpoint waits for them all
        timer.cancel()
        await asyncio.to_thread(col._checkpoint_now)  # its minute is up
        assert shard.flushes == 1
    finally:
        await store.close()
    assert shard.flushes == 2  # close flushes as well


async def test_the_wal_fsync_covers_every_file_a_write_changes(tmp_path: Path) -> None:
    """Pins the WAL layout the fsync relies on (qdrant-edge-py 0.9): if an upgrade put a write's
    entries anywhere else, this fails instead of durability quietly going away."""
    store = QdrantEdgeInvoiceStore(tmp_path)
    col: EdgeCollection = store._col
    try:
        assert col._wal is not None, "the shard's WAL is not laid out as wal/open-N"
        shard = col._require()

        def contents() -> dict[Path, bytes]:
            return {f: f.read_bytes() for f in col.path.rglob("*") if f.is_file()}

        await store.upsert(records(2))  # the shard's first segments exist
        before = contents()
        for op in _upsert_operations(records(6)[2:], [{} for _ in range(4)]):
            shard.update(op)  # applied only: nothing synced or flushed yet
        changed = {f for f, data in contents().items() if before.get(f) != data}
        wal_changed = {f for f in changed if f.parent == col.path / "wal"}
        assert wal_changed, "a write left the WAL unchanged"
        assert wal_changed <= set(col.wal_files())
    finally:
        await store.close()


CHILD = textwrap.dedent(
    """
    import asyncio, sys, time
    from reimburse.adapters.qdrant_edge import QdrantEdgeChatStore, QdrantEdgeInvoiceStore
    from reimburse.adapters.qdrant_edge.collection import EdgeCollection
    from tests.chat_dataset import records

    class NoFlush:  # the real shard, whose flush fails: durability must come from the WAL alone
        def __init__(self, shard):
            self._shard = shard

        def flush(self):
            raise OSError("this test allows no flush")

        def __getattr__(self, name):
            return getattr(self._shard, name)

    async def main(data_dir, writes):
        store = QdrantEdgeInvoiceStore(data_dir)
        EdgeCollection._checkpoint_later = lambda self: None  # no checkpoint either
        store._col._shard = NoFlush(store._col._shard)
        batch = records(writes * 2)
        for i in range(writes):
            await store.upsert(batch[2 * i : 2 * i + 2])
            print(f"written {i}", flush=True)
        print("ready", flush=True)
        time.sleep(600)

    asyncio.run(main(sys.argv[1], int(sys.argv[2])))
    """
)


def test_every_acknowledged_write_survives_sigkill_before_any_flush(tmp_path: Path) -> None:
    assert lines_before_sigkill(CHILD, str(tmp_path), str(WRITES)) == [f"written {i}" for i in range(WRITES)]

    assert asyncio.run(_stored_ids(tmp_path)) == sorted(r.invoice_id for r in records(WRITES * 2))


async def test_a_backup_before_the_checkpoint_restores_every_acknowledged_write(tmp_path: Path) -> None:
    data, restored = tmp_path / "data", tmp_path / "restored"
    store = QdrantEdgeInvoiceStore(data)
    _, shard = _counting(store)
    written = records(WRITES)
    try:
        await store.upsert(written)
        assert shard.flushes == 0  # the backup below copies a shard whose writes are only in its WAL
        report = await EdgeStoreBackup(data).backup(tmp_path / "backups")
    finally:
        await store.close()
    assert report.manifest.collections["invoices"] == WRITES  # the backup's own count, on its copy
    await EdgeStoreBackup(restored).restore(Path(report.path), force=False)
    again = QdrantEdgeInvoiceStore(restored)
    try:
        page = await again.find(InvoiceFilter(), limit=100, offset=0)
        assert sorted(r.invoice_id for r in page.items) == sorted(r.invoice_id for r in written)
    finally:
        await again.close()


def test_a_store_written_under_one_event_loop_closes_under_another(tmp_path: Path) -> None:
    """The in-process ASGI client and tests write from one loop and close from another; a logged
    write's fsync left pending in a loop that stopped must not make close() fail."""
    chat = QdrantEdgeChatStore(tmp_path)
    at = datetime(2024, 1, 1, tzinfo=UTC)
    first = asyncio.new_event_loop()
    try:
        first.run_until_complete(chat.append(ChatMessage("m0", "s", "user", "hello", at)))
        first.run_until_complete(chat.append_turn([ChatMessage("q1", "s", "user", "again", at)]))
        # the loop stops here with the turn's fsync still pending in it
        asyncio.run(chat.close())
    finally:
        first.close()

    async def history() -> list[str]:
        again = QdrantEdgeChatStore(tmp_path)
        try:
            return [m.message_id for m in await again.history("s")]
        finally:
            await again.close()

    assert asyncio.run(history()) == ["m0", "q1"]


def test_concurrent_writes_under_one_event_loop_then_another(tmp_path: Path) -> None:
    """Writes that wait for each other's WAL fsync in one loop, then in a second loop: the wait must
    not tie the store to the first loop (an asyncio.Lock binds to the first loop that waits on it)."""
    store = QdrantEdgeInvoiceStore(tmp_path)
    batch = records(8)

    async def two_at_once(part: int) -> None:
        await asyncio.gather(
            store.upsert(batch[4 * part : 4 * part + 2]), store.upsert(batch[4 * part + 2 : 4 * part + 4])
        )

    try:
        for part in range(2):
            asyncio.run(two_at_once(part))
    finally:
        asyncio.run(store.close())

    assert asyncio.run(_stored_ids(tmp_path)) == sorted(r.invoice_id for r in batch)

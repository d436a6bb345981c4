"""One Qdrant Edge shard = one collection, on disk under DATA_DIR/qdrant/<name>.

Opens or creates the shard under an exclusive directory lock, keeps payload indexes in place,
and makes every write durable (flush) before it returns. Reads are synchronous here; the stores
call them from a worker thread (at 100k points a read can take tens of ms, and the event loop must
never wait on it). Writes and flushes (an fsync) run in a worker thread, and concurrent writers
share one flush (group commit). `write` returns once the flush is done; `write_logged` returns once
the operations are applied, i.e. in the shard's write-ahead log, which a crash of this process
cannot lose (Qdrant replays it on load), and flushes within LOGGED_FLUSH_DELAY, one flush for every
such write meanwhile. That matters beyond the fsync's latency: qdrant_edge holds the GIL for the
whole flush (~14 ms on a quiet disk, hundreds on a busy one), so a flush in a worker thread still
stops the event loop; flushing chat turns once a second instead of once each keeps that rare.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import qdrant_edge as qe

from reimburse.adapters.qdrant_edge.lock import DirectoryLock, StoreLocked
from reimburse.adapters.qdrant_edge.write_gate import WriteGate
from reimburse.adapters.qdrant_shared.codec import DENSE_VECTOR, SPARSE_VECTOR, IndexType
from reimburse.domain.errors import StoreUnavailable

T = TypeVar("T")
log = logging.getLogger(__name__)

_SCHEMA = {
    IndexType.KEYWORD: qe.PayloadSchemaType.Keyword,
    IndexType.FLOAT: qe.PayloadSchemaType.Float,
    IndexType.DATETIME: qe.PayloadSchemaType.Datetime,
}

LOGGED_FLUSH_DELAY = 1.0  # seconds a `write_logged` may wait for its flush: what a power loss can lose
SCROLL_PAGE = 2048  # fewer round trips; one page of payloads is a few MB at most


class EdgeCollection:
    def __init__(
        self, data_dir: str | Path, name: str, indexes: dict[str, IndexType], dense_size: int | None
    ) -> None:
        root = Path(data_dir) / "qdrant"
        self.path = root / name
        self._lock = DirectoryLock(root / f"{name}.lock", self.path)
        self._gate = WriteGate(data_dir)  # a backup copies only between whole writes
        self._lock.acquire()
        try:
            with self._gate.shared_sync():
                self._shard: qe.EdgeShard | None = self._open(dense_size)
                self._ensure_indexes(indexes)
        except Exception as exc:
            self._lock.release()
            if isinstance(exc, StoreLocked):
                raise
            raise StoreUnavailable(f"cannot open the embedded store at {self.path}: {exc}") from exc
        self._applied = 0  # writes applied to the shard
        self._flushed = 0  # writes known to be on disk
        self._flush_lock = asyncio.Lock()
        self._background: set[asyncio.Task[None]] = set()  # writes whose flush is still running
        self._hurry: asyncio.Event | None = None  # set: flush the logged writes now (closing)
        self._hurry_loop: asyncio.AbstractEventLoop | None = None

    def _open(self, dense_size: int | None) -> qe.EdgeShard:
        sparse = {SPARSE_VECTOR: qe.EdgeSparseVectorParams(modifier=qe.Modifier.Idf)}
        dense = (
            {DENSE_VECTOR: qe.EdgeVectorParams(size=dense_size, distance=qe.Distance.Cosine)}
            if dense_size is not None
            else None
        )
        # payload_memory=Cached: listings and aggregates read whole payloads; keep them in page cache.
        config = qe.EdgeConfig(vectors=dense, sparse_vectors=sparse, payload_memory=qe.Memory.Cached)
        if not self.path.is_dir() or not any(self.path.iterdir()):
            self.path.mkdir(parents=True, exist_ok=True)
            return qe.EdgeShard.create(str(self.path), config)
        try:
            return qe.EdgeShard.load(str(self.path), config)
        except Exception:
            if dense_size is None:
                raise
        # An existing shard written without an embedder: add the dense vector; older points
        # stay reachable through BM25 and gain a dense vector when they are next written.
        shard = qe.EdgeShard.load(str(self.path))
        shard.update(qe.UpdateOperation.create_dense_vector(DENSE_VECTOR, dense_size, qe.Distance.Cosine))
        shard.flush()
        return shard

    def _ensure_indexes(self, indexes: dict[str, IndexType]) -> None:
        shard = self._require()
        present = shard.info().payload_schema
        missing = [(k, t) for k, t in indexes.items() if k not in present]
        for key, kind in missing:
            shard.update(qe.UpdateOperation.create_field_index(key, _SCHEMA[kind]))
        if missing:
            shard.flush()

    def _require(self) -> qe.EdgeShard:
        if self._shard is None:
            raise StoreUnavailable(f"the embedded store at {self.path} is closed")
        return self._shard

    def read(self, fn: Callable[[qe.EdgeShard], T]) -> T:
        shard = self._require()
        try:
            return fn(shard)
        except StoreUnavailable:
            raise
        except Exception as exc:
            raise StoreUnavailable(f"embedded store read failed ({self.path.name}): {exc}") from exc

    async def write(self, operations: list[qe.UpdateOperation]) -> None:
        """Apply the operations, then return only once they are flushed to disk."""
        if not operations:
            return
        shard = self._require()
        # Shielded: once started, the write is flushed and the gate released even if the caller
        # is cancelled, so a backup never waits on, or copies, a write left half-done.
        task = asyncio.ensure_future(self._gated_write(shard, operations, None))
        task.add_done_callback(lambda t: t.cancelled() or t.exception())  # retrieved, never "lost"
        await asyncio.shield(task)

    async def write_logged(self, operations: list[qe.UpdateOperation]) -> None:
        """Apply the operations and return once they are applied: readable, and in the shard's
        write-ahead log, so a crash (even SIGKILL) of this process cannot lose them. The flush (an
        fsync, against a power loss) follows within LOGGED_FLUSH_DELAY, shared with every write
        meanwhile; the write gate stays held until it is done, so a backup copies only flushed writes."""
        if not operations:
            return
        shard = self._require()
        applied: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        task = asyncio.ensure_future(self._gated_write(shard, operations, applied))
        self._background.add(task)
        task.add_done_callback(self._background_done)
        await asyncio.shield(applied)

    def _background_done(self, task: asyncio.Task[None]) -> None:
        self._background.discard(task)
        if not task.cancelled() and (exc := task.exception()) is not None:
            # the caller already has its answer; the next write or close() flushes again
            log.warning("background flush of %s failed: %s", self.path.name, exc)

    def _hurry_event(self) -> asyncio.Event:
        # one per event loop: an Event binds to the loop that first waits on it
        loop = asyncio.get_running_loop()
        if self._hurry is None or self._hurry_loop is not loop:
            self._hurry, self._hurry_loop = asyncio.Event(), loop
        return self._hurry

    async def settle(self) -> None:
        """Flush the logged writes now and wait for it (before closing the shard)."""
        hurry = self._hurry_event()
        hurry.set()
        try:
            while self._background:
                await asyncio.gather(*self._background, return_exceptions=True)
        finally:
            hurry.clear()

    async def _gated_write(
        self,
        shard: qe.EdgeShard,
        operations: list[qe.UpdateOperation],
        applied: asyncio.Future[None] | None,
    ) -> None:
        def enter_and_apply() -> int:  # one thread hop for the gate and the apply
            fd = self._gate.enter_shared()
            try:
                for op in operations:
                    shard.update(op)
            except BaseException:
                self._gate.leave(fd)
                raise
            return fd

        pending = asyncio.ensure_future(asyncio.to_thread(enter_and_apply))
        try:
            fd = await asyncio.shield(pending)
        except asyncio.CancelledError:
            # the thread may still get the gate after we stop waiting: release it when it does
            pending.add_done_callback(
                lambda f: f.cancelled() or f.exception() or self._gate.leave(f.result())
            )
            if applied is not None:
                applied.cancel()
            raise
        except Exception as exc:
            error = StoreUnavailable(f"embedded store write failed ({self.path.name}): {exc}")
            if applied is None:
                raise error from exc
            error.__cause__ = exc
            applied.set_exception(error)  # the caller raises it; nothing was applied, nothing to flush
            return
        try:
            self._applied += 1
            seq = self._applied
            if applied is not None:
                if not applied.done():
                    applied.set_result(None)
                with contextlib.suppress(TimeoutError):  # the first to wake flushes for all of them
                    await asyncio.wait_for(self._hurry_event().wait(), LOGGED_FLUSH_DELAY)
            await self._flush_through(seq)
        finally:
            self._gate.leave(fd)

    async def _flush_through(self, seq: int) -> None:
        async with self._flush_lock:
            if self._flushed >= seq:
                return  # another writer's flush already covered this write
            target = self._applied
            shard = self._require()
            try:
                await asyncio.to_thread(shard.flush)
            except Exception as exc:
                raise StoreUnavailable(f"embedded store flush failed ({self.path.name}): {exc}") from exc
            self._flushed = target

    def count(self, flt: qe.Filter | None) -> int:
        return self.read(lambda s: s.count(qe.CountRequest(exact=True, filter=flt)))

    def query(self, request: qe.QueryRequest) -> list[qe.ScoredPoint]:
        return self.read(lambda s: s.query(request))

    def scroll_payloads(
        self, flt: qe.Filter | None, page: int = SCROLL_PAGE, keys: list[str] | None = None
    ) -> Iterator[dict[str, Any]]:
        """Every matching payload (all keys, or only `keys`), one page of `page` points at a time."""
        offset: qe.PointId | None = None
        while True:
            payloads, offset = self.scroll_page(flt, offset, page, keys)
            yield from payloads
            if offset is None:
                return

    def scroll_page(
        self, flt: qe.Filter | None, offset: qe.PointId | None, page: int, keys: list[str] | None = None
    ) -> tuple[list[dict[str, Any]], qe.PointId | None]:
        """One page of matching payloads from `offset`, and the offset of the next (None: the end)."""
        selector: qe.WithPayloadType = True if keys is None else qe.PayloadSelector.Include(keys)
        request = qe.ScrollRequest(
            offset=offset, limit=page, filter=flt, with_payload=selector, with_vector=False
        )
        records, after = self._scroll(request)
        payloads = (rec.payload for rec in records)  # a property converting from Rust: read once
        return [p for p in payloads if p is not None], after

    def matching_ids(self, flt: qe.Filter | None, page: int = 8 * SCROLL_PAGE) -> list[str]:
        """The ids of every matching point, without their payloads."""
        ids: list[str] = []
        offset: qe.PointId | None = None
        while True:
            request = qe.ScrollRequest(
                offset=offset, limit=page, filter=flt, with_payload=False, with_vector=False
            )
            records, offset = self._scroll(request)
            ids.extend(str(rec.id) for rec in records)
            if offset is None:
                return ids

    def _scroll(self, request: qe.ScrollRequest) -> tuple[list[qe.Record], qe.PointId | None]:
        return self.read(lambda s: s.scroll(request))

    def retrieve_payloads(self, ids: list[str], keys: list[str] | None = None) -> list[dict[str, Any]]:
        """Payloads of the points that exist (all keys, or only `keys`)."""
        selector: qe.WithPayloadType = True if keys is None else qe.PayloadSelector.Include(keys)
        records = self.read(lambda s: s.retrieve(list(ids), selector, False))
        payloads = (r.payload for r in records)
        return [p for p in payloads if p is not None]

    def facet(self, key: str, limit: int) -> list[tuple[Any, int]]:
        response = self.read(lambda s: s.facet(qe.FacetRequest(key, limit=limit, exact=True)))
        return [(hit.value, hit.count) for hit in response.hits]

    def ping(self) -> None:
        self.read(lambda s: s.info())

    def close(self) -> None:
        shard, self._shard = self._shard, None
        if shard is None:
            return
        try:
            with self._gate.shared_sync():
                shard.flush()
                shard.close()
        finally:
            self._lock.release()

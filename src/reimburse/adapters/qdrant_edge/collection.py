"""One Qdrant Edge shard = one collection, on disk under DATA_DIR/qdrant/<name>.

Opens or creates the shard under an exclusive directory lock, keeps payload indexes in place, and
makes every write durable before it returns. Reads are synchronous here; the stores call them from a
worker thread (at 100k points a read can take tens of ms, and the event loop must never wait on it).

Durability without stopping the server. qdrant_edge holds the GIL inside every call, and a
`shard.flush()` is some 200 fsyncs and msyncs (the segment, each payload index, the WAL): tens of ms
on a quiet disk, seconds on a congested one, and for all of it no other thread of this process runs,
the event loop included. So writes do not flush. A write is applied (into the shard's write-ahead log,
which Qdrant replays on load, and its segments), then the WAL's files are fsynced from Python, which
releases the GIL while the disk works: that makes the write survive a crash of the process and a
power loss alike. `write` returns after that fsync; `write_logged` returns once applied (a crash of the
process cannot lose it) and fsyncs within LOGGED_FLUSH_DELAY, one fsync for every write meanwhile.
Concurrent writers share one fsync (group commit). The flush itself, which lets Qdrant truncate its
WAL, becomes a checkpoint: at most once per CHECKPOINT_SECONDS after a write, and on close.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import threading
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import qdrant_edge as qe

from reimburse.adapters.fsync import fsync_path
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

LOGGED_FLUSH_DELAY = 1.0  # seconds a `write_logged` may wait for its WAL fsync: what a power loss can lose
CHECKPOINT_SECONDS = 60.0  # how long written operations wait for a flush; bounds the WAL replayed on load
SCROLL_PAGE = 2048  # fewer round trips; one page of payloads is a few MB at most
WAL_LISTINGS = 5  # tries to list the WAL without a segment renamed or removed under the listing


def _is_segment(entry: os.DirEntry[str]) -> bool:
    # tmp-*: a segment Qdrant is still preparing; it holds no entry until it is renamed open-N
    return not entry.name.startswith("tmp-") and entry.is_file(follow_symlinks=False)


def _open_files(directory: Path) -> list[int] | None:
    """Descriptors of the WAL's segment files, or None if one vanished (renamed or removed by a
    concurrent write or checkpoint) between the listing and its open."""
    descriptors: list[int] = []
    try:
        with os.scandir(directory) as entries:
            for entry in entries:
                if _is_segment(entry):
                    descriptors.append(os.open(entry.path, os.O_RDONLY))
    except FileNotFoundError:
        for fd in descriptors:
            os.close(fd)
        return None
    return descriptors


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
        # Qdrant Edge 0.9 keeps its WAL as wal/open-N and wal/closed-N files; a shard laid out
        # otherwise is flushed on every write instead (correct, only slower).
        wal = self.path / "wal"
        self._wal = wal if any(wal.glob("open-*")) else None
        self._shard_lock = threading.Lock()  # a checkpoint's flush and close() never overlap
        self._applied = 0  # writes applied to the shard
        self._synced = 0  # writes whose WAL entries are known to be on disk
        # one lock per event loop: an asyncio.Lock binds to the first loop that waits on it, and a
        # store may be written from several loops (tests, the in-process ASGI client)
        self._sync_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )
        # The checkpoint is a timer thread, not a task: a task binds to one event loop, and a store
        # may be written from one loop and closed from another (tests, the in-process ASGI client).
        self._checkpoint: threading.Timer | None = None
        self._checkpoint_lock = threading.Lock()
        self._background: set[asyncio.Task[None]] = set()  # logged writes whose fsync is pending
        self._hurry: asyncio.Event | None = None  # set: sync the logged writes now (closing)
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
            shard = qe.EdgeShard.create(str(self.path), config)
            for made in (self.path / "wal", self.path, self.path.parent):  # Qdrant syncs none of them
                if made.is_dir():
                    fsync_path(made)
            return shard
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

    async def write(
        self, operations: list[qe.UpdateOperation], *, ended: Callable[[], None] | None = None
    ) -> None:
        """Apply the operations, then return only once their WAL entries are on disk. `ended` runs
        when a write whose caller was cancelled finally ends (what it left is known only then)."""
        if not operations:
            return
        shard = self._require()
        # Shielded: once started, the write is synced and the gate released even if the caller
        # is cancelled, so a backup never waits on, or copies, a write left half-done.
        task = asyncio.ensure_future(self._gated_write(shard, operations, None))
        task.add_done_callback(lambda t: t.cancelled() or t.exception())  # retrieved, never "lost"
        try:
            await asyncio.shield(task)
        except asyncio.CancelledError:
            if ended is not None:
                task.add_done_callback(lambda _: ended())
            raise

    async def write_logged(self, operations: list[qe.UpdateOperation]) -> None:
        """Apply the operations and return once they are applied: readable, and in the shard's
        write-ahead log, so a crash (even SIGKILL) of this process cannot lose them. The WAL's fsync
        (against a power loss) follows within LOGGED_FLUSH_DELAY, shared with every write meanwhile;
        the write gate stays held until it is done, so a backup copies only synced writes."""
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
            # the caller already has its answer; the next write or close() syncs again
            log.warning("background sync of %s failed: %s", self.path.name, exc)

    def _hurry_event(self) -> asyncio.Event:
        # one per event loop: an Event binds to the loop that first waits on it
        loop = asyncio.get_running_loop()
        if self._hurry is None or self._hurry_loop is not loop:
            self._hurry, self._hurry_loop = asyncio.Event(), loop
        return self._hurry

    async def settle(self) -> None:
        """Sync the logged writes of this event loop now and wait for them (before closing the
        shard, which flushes). A pending write of another loop cannot be awaited from here; its
        operations are applied and in the WAL, and close() flushes them."""
        loop = asyncio.get_running_loop()
        hurry = self._hurry_event()
        hurry.set()
        try:
            while mine := [t for t in self._background if t.get_loop() is loop]:
                await asyncio.gather(*mine, return_exceptions=True)
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
            # the caller raises it; whatever was applied is synced by the next write or close()
            applied.set_exception(error)
            return
        try:
            self._applied += 1
            seq = self._applied
            if applied is not None:
                if not applied.done():
                    applied.set_result(None)
                with contextlib.suppress(TimeoutError):  # the first to wake syncs for all of them
                    await asyncio.wait_for(self._hurry_event().wait(), LOGGED_FLUSH_DELAY)
            await self._sync_through(seq)
        finally:
            self._gate.leave(fd)
        self._checkpoint_later()

    async def _sync_through(self, seq: int) -> None:
        lock = self._sync_locks.setdefault(asyncio.get_running_loop(), asyncio.Lock())
        async with lock:
            if self._synced >= seq:
                return  # another writer's fsync already covered this write
            target = self._applied
            shard = self._require()
            try:
                await asyncio.to_thread(self._sync_wal, shard)
            except Exception as exc:
                raise StoreUnavailable(f"embedded store sync failed ({self.path.name}): {exc}") from exc
            self._synced = max(self._synced, target)  # another loop's sync may have gone further

    def _sync_wal(self, shard: qe.EdgeShard) -> None:
        """fsync the write-ahead log's files and its directory. os.fsync releases the GIL, so the
        server keeps answering while the disk works."""
        if self._wal is None:
            shard.flush()
            return
        for _ in range(WAL_LISTINGS):
            descriptors = _open_files(self._wal)
            if descriptors is None:
                continue  # a segment was renamed or removed while listed: list again
            try:
                for fd in descriptors:  # an open descriptor follows its file through a rename
                    os.fsync(fd)
            finally:
                for fd in descriptors:
                    os.close(fd)
            fsync_path(self._wal)  # a new or renamed segment is durable only with its directory entry
            return
        shard.flush()  # the WAL kept changing under every listing: flush instead

    def wal_files(self) -> list[Path]:
        """The files _sync_wal fsyncs now (for the test that pins Qdrant's WAL layout)."""
        if self._wal is None:
            return []
        return sorted(Path(e.path) for e in os.scandir(self._wal) if _is_segment(e))

    def _checkpoint_later(self) -> None:
        """Flush within CHECKPOINT_SECONDS (or on close), once for all the writes meanwhile."""
        with self._checkpoint_lock:
            if self._checkpoint is None:
                timer = threading.Timer(CHECKPOINT_SECONDS, self._checkpoint_now)
                timer.daemon = True
                self._checkpoint = timer
                timer.start()

    def _checkpoint_now(self) -> None:
        """The timer's flush, under the write gate (a backup never copies a half-written flush).
        It holds the GIL from start to end, which is why it runs this rarely."""
        with self._checkpoint_lock:
            self._checkpoint = None
        try:
            with self._gate.shared_sync(), self._shard_lock:
                if self._shard is not None:  # close() flushes, and sets it to None first
                    self._shard.flush()
        except Exception as exc:  # the writes are in the WAL; the next checkpoint or close() flushes
            log.warning("checkpoint flush of %s failed: %s", self.path.name, exc)

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
        with self._checkpoint_lock:
            timer, self._checkpoint = self._checkpoint, None
        if timer is not None:
            timer.cancel()  # close() flushes; a timer already running finds the shard closed
        shard, self._shard = self._shard, None
        if shard is None:
            return
        try:
            with self._gate.shared_sync(), self._shard_lock:
                shard.flush()
                shard.close()
        finally:
            self._lock.release()

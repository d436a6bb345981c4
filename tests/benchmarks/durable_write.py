"""10. A durable write and the event loop: the WAL's fsync against a flush of the shard.

`qdrant_edge` holds the GIL inside every call, so while `shard.flush()` runs no other thread of the
process runs, the event loop included. Each write of the embedded store used to flush before it
returned; now it fsyncs the write-ahead log's files from Python (which releases the GIL) and
leaves the flush to a checkpoint. Both durability steps are measured on the same writes, in the
same process, while a pure-Python thread ticks every millisecond: its longest gap during a step
is how long that step stopped everything else.
"""

from __future__ import annotations

import asyncio
import itertools
import threading
import time
from collections.abc import Callable
from pathlib import Path

from reimburse.adapters.qdrant_edge.invoice_store import QdrantEdgeInvoiceStore
from tests.benchmarks.harness import Profile, Section, log, percentile
from tests.chat_dataset import records

WRITES_PER_RUN = 20
INVOICES_PER_WRITE = 5


class Ticker:
    """A thread that notes the time every millisecond; a gap is a stretch it could not run."""

    def __init__(self) -> None:
        self.ticks: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.ticks.append(time.perf_counter())
            time.sleep(0.001)

    def __enter__(self) -> Ticker:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def longest_gap_ms(self, start: float, end: float) -> float:
        inside = [t for t in self.ticks if start <= t <= end]
        points = [start, *inside, end]
        return max(b - a for a, b in itertools.pairwise(points)) * 1000


async def _step(ticker: Ticker, fn: Callable[[], object]) -> tuple[float, float]:
    """Runs fn in a worker thread, as the store does; returns (wall ms, longest stall ms)."""
    started = time.perf_counter()
    await asyncio.to_thread(fn)
    ended = time.perf_counter()
    return (ended - started) * 1000, ticker.longest_gap_ms(started, ended)


async def _one_run(work: Path, run: int, section: Section) -> None:
    store = QdrantEdgeInvoiceStore(work / f"run{run}")
    col = store._col
    shard = col._require()
    pool = records(WRITES_PER_RUN * INVOICES_PER_WRITE, seed=run)
    wal_wall, wal_stall, flush_wall, flush_stall = [], [], [], []
    try:
        with Ticker() as ticker:
            for i in range(WRITES_PER_RUN):
                batch = pool[i * INVOICES_PER_WRITE : (i + 1) * INVOICES_PER_WRITE]
                await store.upsert(batch)  # applied and its WAL synced (timed below on its own)
                wall, stall = await _step(ticker, lambda: col._sync_wal(shard))
                wal_wall.append(wall)
                wal_stall.append(stall)
                # What each write did before: flush the shard. Measured on the same write, after
                # the sync above, so the flush finds the WAL already on disk (if anything, in its favour).
                wall, stall = await _step(ticker, shard.flush)
                flush_wall.append(wall)
                flush_stall.append(stall)
                await asyncio.sleep(0.01)
    finally:
        await store.close()
    section.get("WAL fsync (now: every write), p50").add(percentile(wal_wall, 50))
    section.get("shard flush (before: every write; now: a checkpoint a minute), p50").add(
        percentile(flush_wall, 50)
    )
    section.get("longest stall of another thread during the WAL fsync, p95").add(percentile(wal_stall, 95))
    section.get("longest stall of another thread during the flush, p95").add(percentile(flush_stall, 95))
    section.get("stall during the flush / stall during the WAL fsync, p95").add(
        percentile(flush_stall, 95) / max(percentile(wal_stall, 95), 1.0)
    )
    log(
        f"10. run {run}: WAL fsync p50 {percentile(wal_wall, 50):.1f} ms (stall p95 "
        f"{percentile(wal_stall, 95):.1f} ms), flush p50 {percentile(flush_wall, 50):.1f} ms (stall p95 "
        f"{percentile(flush_stall, 95):.1f} ms)"
    )


def run(profile: Profile, work: Path) -> Section:
    section = Section(10, "A durable write and the event loop")
    section.figure("WAL fsync (now: every write), p50", "ms")
    section.figure("shard flush (before: every write; now: a checkpoint a minute), p50", "ms")
    section.figure("longest stall of another thread during the WAL fsync, p95", "ms", headline=True)
    section.figure("longest stall of another thread during the flush, p95", "ms")
    section.figure("stall during the flush / stall during the WAL fsync, p95", "x", headline=True)
    for i in range(1, profile.runs + 1):
        asyncio.run(_one_run(work, i, section))
    section.method = [
        f"An embedded invoice store (`QdrantEdgeInvoiceStore`, on this machine's disk). Each run makes "
        f"{WRITES_PER_RUN} writes of {INVOICES_PER_WRITE} invoices (`tests/chat_dataset.py` records) "
        f"through `upsert`, and after each one times two durability steps on the same write, each in a "
        f"worker thread as the store runs them: the fsync of the write-ahead log's files and directory "
        f"that every write now makes before it returns (`EdgeCollection._sync_wal`), and the "
        f"`shard.flush()` that every write made before (now a checkpoint, at most once a minute after "
        f"a write, and on close). Meanwhile a pure-Python thread notes the time every millisecond; its "
        f"longest gap inside a step is how long that step kept every other thread of the process, the "
        f"event loop included, from running. Figures are per run (p50 of the wall times, p95 of the "
        f"stalls) and then the median of the runs.",
        "Why it matters: `qdrant_edge` holds the GIL for the whole of a flush, some 200 fsyncs and "
        "msyncs (the segment, each payload index, the WAL), so a flush per write stopped the server "
        "for as long as the disk took; on a congested disk (50 ms per sync, simulated with an "
        "LD_PRELOAD shim during the change) a write stopped it for about 9 s. `os.fsync` releases "
        "the GIL, so the WAL's fsync costs the writer its time and no one else theirs.",
    ]
    return section

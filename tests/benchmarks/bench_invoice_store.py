"""Invoice store throughput and latency: Qdrant Edge vs qdrant-client local mode.

    .venv/bin/python -m tests.benchmarks.bench_invoice_store --points 5000 --batch 100
    .venv/bin/python -m tests.benchmarks.bench_invoice_store --points 10000 --only edge

Upsert rate includes the durable WAL fsync (Edge) / wait=True (client) of every batch.
Query latencies are medians and p95 over repeated calls with varied filters.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from reimburse.adapters.qdrant_edge import QdrantEdgeInvoiceStore
from reimburse.adapters.qdrant_server import QdrantServerInvoiceStore
from reimburse.adapters.qdrant_server.collection import QdrantConnection
from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import InvoiceRecord
from reimburse.ports.invoice_store import InvoiceStore

EMPLOYEES = [f"Employee {chr(65 + i)}{i}" for i in range(40)]
STATUSES = ["fully_reimbursed", "partially_reimbursed", "declined"]
CATEGORIES = ["meals", "travel", "hotel", "fuel", "office"]
WORDS = [
    "taxi",
    "ride",
    "airport",
    "hotel",
    "night",
    "room",
    "dinner",
    "lunch",
    "breakfast",
    "fuel",
    "petrol",
    "diesel",
    "uber",
    "ola",
    "cab",
    "restaurant",
    "cafe",
    "wine",
    "beer",
    "paneer",
    "pasta",
    "invoice",
    "receipt",
    "gst",
    "tax",
    "total",
    "amount",
    "paid",
    "card",
    "cash",
    "conference",
    "client",
    "meeting",
    "train",
    "flight",
    "ticket",
    "luggage",
    "parking",
    "toll",
    "stationery",
    "printer",
]


def make_records(n: int, seed: int = 7) -> list[InvoiceRecord]:
    rnd = random.Random(seed)
    t0 = datetime(2024, 1, 1, tzinfo=UTC)
    out = []
    for i in range(n):
        total = Decimal(rnd.randint(100, 900_000)) / 100
        out.append(
            InvoiceRecord(
                invoice_id=f"inv-{i:07d}",
                employee_name=rnd.choice(EMPLOYEES),
                batch_id=f"batch-{i // 25}",
                policy_id=f"pol-{i % 3}",
                filename=f"invoice_{i}.pdf",
                file_sha256=f"{i:064x}",
                analyzed_at=t0 + timedelta(seconds=i * 37),
                submitted_on=date(2024, 6, 1),
                status=rnd.choice(STATUSES),
                reason="Capped at the per-meal limit." if i % 2 else "Within policy.",
                total_amount=total,
                reimbursement_amount=total,
                currency="INR",
                categories=(rnd.choice(CATEGORIES),),
                invoice_date=date(2024, 1, 1) + timedelta(days=rnd.randint(0, 364)),
                invoice_number=f"INV-{i:06d}",
                vendor=rnd.choice(["Uber", "Ola", "Marriott", "Taj", "Cafe Coffee Day", "Indian Oil"]),
                text=" ".join(rnd.choice(WORDS) for _ in range(60)),
            )
        )
    return out


def random_filter(rnd: random.Random) -> InvoiceFilter:
    month = rnd.randint(1, 12)
    return InvoiceFilter(
        employee_names=(rnd.choice(EMPLOYEES).upper(),),
        statuses=tuple(rnd.sample(STATUSES, 2)),
        date_from=date(2024, month, 1),
        date_to=date(2024, month, 1) + timedelta(days=90),
    )


async def timed(fn: Callable[[], Awaitable[Any]], repeats: int) -> tuple[float, float]:
    samples = []
    for _ in range(repeats):
        t = time.perf_counter()
        await fn()
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


async def bench(name: str, store: InvoiceStore, records: list[InvoiceRecord], batch: int) -> None:
    t = time.perf_counter()
    for i in range(0, len(records), batch):
        await store.upsert(records[i : i + batch])
    elapsed = time.perf_counter() - t
    print(f"{name:<22} upsert {len(records)} pts in batches of {batch}: {len(records) / elapsed:,.0f} pts/s")
    rnd = random.Random(1)

    async def find() -> Any:
        return await store.find(random_filter(rnd), 20, 0)

    async def find_batch() -> Any:
        return await store.find(InvoiceFilter(batch_id=f"batch-{rnd.randrange(len(records) // 25)}"), 20, 0)

    async def search() -> Any:
        flt = InvoiceFilter(employee_names=(rnd.choice(EMPLOYEES),))
        return await store.search("taxi airport dinner", flt, 10)

    async def search_all() -> Any:
        return await store.search(" ".join(rnd.sample(WORDS, 3)), InvoiceFilter(), 10)

    async def count() -> Any:
        return await store.count(random_filter(rnd))

    async def aggregate() -> Any:
        flt = InvoiceFilter(employee_names=(rnd.choice(EMPLOYEES),), statuses=("declined",))
        return sum([r.total_amount async for r in store.iterate(flt)], Decimal(0))

    async def names() -> Any:
        return await store.employee_names()

    for label, fn, reps in [
        ("find (4 filters)+total", find, 50),
        ("find (1 batch)+total", find_batch, 50),
        ("count (4 filters)", count, 50),
        ("search bm25 +employee", search, 50),
        ("search bm25 unfiltered", search_all, 50),
        ("iterate aggregate", aggregate, 20),
        ("employee_names", names, 20),
    ]:
        med, p95 = await timed(fn, reps)
        print(f"{name:<22} {label:<24} median {med:8.2f} ms   p95 {p95:8.2f} ms")


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--points", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--only", choices=["edge", "memory", "path"], action="append")
    args = parser.parse_args()
    records = make_records(args.points)
    only = set(args.only or ["edge", "memory", "path"])
    with tempfile.TemporaryDirectory() as tmp:
        if "edge" in only:
            edge = QdrantEdgeInvoiceStore(f"{tmp}/edge")
            await bench("edge", edge, records, args.batch)
            await edge.close()
        if "memory" in only:
            mem = QdrantServerInvoiceStore(QdrantConnection(location=":memory:"))
            await bench("qdrant-client :memory:", mem, records, args.batch)
            await mem.close()
        if "path" in only:
            local = QdrantServerInvoiceStore(QdrantConnection(path=f"{tmp}/local"))
            await bench("qdrant-client path", local, records, args.batch)
            await local.close()


if __name__ == "__main__":
    asyncio.run(main())

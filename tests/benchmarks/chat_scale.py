"""3. Chat latency at scale: POST /api/v1/chat (offline answerer) over 1k, 10k and 100k stored invoices.

The stores are seeded once per benchmark run, straight through QdrantEdgeInvoiceStore.upsert in
large batches; a bigger store starts as a copy of the smaller one (the dataset is a seeded random
sequence, so each size is a prefix of the next). One app per size, all open at once, and the
questions go round-robin across sizes, so every size sees the same machine load.
"""

from __future__ import annotations

import asyncio
import shutil
import statistics
import time
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from litestar.testing import TestClient

from reimburse.adapters.qdrant_edge import QdrantEdgeChatStore, QdrantEdgeInvoiceStore, QdrantEdgePolicyStore
from reimburse.config import Settings
from reimburse.domain.chat.session import ChatMessage
from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import InvoiceRecord
from reimburse.http.app import create_app
from reimburse.logging_setup import configure_logging
from tests import chat_dataset
from tests.benchmarks.harness import Figure, Goal, Profile, Section, log, percentile
from tests.chat_app import container_for
from tests.conftest import make_settings

SEED_BATCH = 5_000
CHAT = "/api/v1/chat"
HEALTH = "/api/v1/health/quick"
QUESTIONS = {
    "filtered list": "List Hardik's declined invoices",
    "count": "how many partially reimbursed cab rides were there in Q3 2024?",
    "sum": "how much did we reimburse for meals in December 2024?",
    "free text": "receipts from Barbeque Nation",
}
# What the sum and list questions ask the store for (checked against the answers' match counts),
# so their cost can be taken apart below.
SUM_FILTER = InvoiceFilter(categories=("meals",), date_from=date(2024, 12, 1), date_to=date(2024, 12, 31))
LIST_FILTER = InvoiceFilter(employee_names=("Hardik Patel",), statuses=("declined",))
PAGE = 20


class StoreCosts:
    """Medians, in ms, of the store work behind the sum and list questions, straight on the store."""

    def __init__(
        self, matched: int, listed: int, count_ms: float, read_ms: float, page_ms: float, turns_ms: float
    ) -> None:
        self.matched = matched  # the sum question's matches
        self.listed = listed  # the list question's matches
        self.count_ms = count_ms
        self.read_ms = read_ms
        self.page_ms = page_ms
        self.turns_ms = turns_ms


def store_costs(settings: Settings, repeats: int) -> StoreCosts:
    async def run() -> StoreCosts:
        invoices = QdrantEdgeInvoiceStore(settings.data_dir)
        counts, reads, pages, turns = [], [], [], []
        matched = listed = 0
        try:
            for _ in range(repeats):
                started = time.perf_counter()
                await invoices.count(SUM_FILTER)
                counts.append(time.perf_counter() - started)
                started = time.perf_counter()
                matched = len([r async for r in invoices.iterate(SUM_FILTER)])
                reads.append(time.perf_counter() - started)
                started = time.perf_counter()
                listed = (await invoices.find(LIST_FILTER, PAGE, 0)).total
                pages.append(time.perf_counter() - started)
        finally:
            await invoices.close()
        chats = QdrantEdgeChatStore(settings.data_dir)
        try:
            for i in range(repeats):
                now = datetime.now(UTC)
                pair = [
                    ChatMessage(str(uuid.uuid4()), f"bench-{i}", role, "how much for meals?", now)
                    for role in ("user", "assistant")
                ]
                started = time.perf_counter()
                await asyncio.gather(*(chats.append(m) for m in pair))  # as AnswerQuestion stores a turn
                turns.append(time.perf_counter() - started)
        finally:
            await chats.close()
        ms = [statistics.median(v) * 1000 for v in (counts, reads, pages, turns)]
        return StoreCosts(matched, listed, *ms)

    return asyncio.run(run())


def _seed(data_dir: str, records: Sequence[InvoiceRecord], with_policy: bool) -> None:
    async def run() -> None:
        where = data_dir  # the path container.py gives the Edge stores
        invoices = QdrantEdgeInvoiceStore(where)
        policies = QdrantEdgePolicyStore(where)
        try:
            for i in range(0, len(records), SEED_BATCH):
                await invoices.upsert(records[i : i + SEED_BATCH])
            if with_policy:
                await policies.save(chat_dataset.policy())
        finally:
            await invoices.close()
            await policies.close()

    asyncio.run(run())


def seed_stores(sizes: Sequence[int], work: Path) -> tuple[dict[int, Settings], dict[int, float]]:
    """One seeded data dir per size; returns their settings and the seconds each size took."""
    ordered = sorted(sizes)
    records = chat_dataset.records(ordered[-1])
    settings: dict[int, Settings] = {}
    seconds: dict[int, float] = {}
    previous: int | None = None
    for size in ordered:
        settings[size] = make_settings(
            work / f"chat-{size}", rate_limit_per_minute=10**7, log_level="WARNING"
        )
        started = time.perf_counter()
        if previous is not None:
            shutil.copytree(settings[previous].data_dir, settings[size].data_dir)
        _seed(settings[size].data_dir, records[previous or 0 : size], with_policy=previous is None)
        seconds[size] = time.perf_counter() - started
        log(f"3. seeded {size} invoices in {seconds[size]:.1f} s")
        previous = size
    return settings, seconds


def _timed_post(client: TestClient[Any], path: str, body: dict[str, Any] | None) -> tuple[float, Any]:
    started = time.perf_counter()
    response = client.post(path, json=body) if body is not None else client.get(path)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise AssertionError(f"{path} answered {response.status_code}: {response.text[:300]}")
    return elapsed, response.json()


def run(profile: Profile, work: Path) -> Section:
    sizes = sorted(profile.chat_sizes)
    largest, smallest = sizes[-1], sizes[0]
    section = Section(3, "Chat latency at scale")
    worst_p95 = section.figure(
        f"worst p95 over the 4 questions at {largest:,} invoices",
        "ms",
        Goal("<", 50, "< 50 ms"),
        headline=True,
    )
    growth = section.figure(f"worst p95 at {largest:,} / worst p95 at {smallest:,}", "x", headline=True)
    over_floor = section.figure(f"worst p95 at {largest:,} / p95 of GET /health/quick", "x")
    health = section.figure("GET /health/quick through the same client, p95", "ms")
    p50: dict[tuple[int, str], Figure] = {}
    p95: dict[tuple[int, str], Figure] = {}
    for size in sizes:
        for kind in QUESTIONS:
            p50[size, kind] = section.figure(f"{size:,} invoices, {kind}: p50", "ms")
            p95[size, kind] = section.figure(f"{size:,} invoices, {kind}: p95", "ms")

    configure_logging("WARNING", str(work / "logs"))  # as `reimburse serve` does; no access log on stdout
    settings, seed_seconds = seed_stores(sizes, work)
    understood: dict[tuple[int, str], tuple[str, int | None]] = {}
    clients = {size: TestClient(create_app(container_for(settings[size]))) for size in sizes}
    try:
        for size, client in clients.items():
            client.__enter__()
            for kind, question in QUESTIONS.items():  # warm-up: imports, caches, first reads
                answer = _timed_post(client, CHAT, {"query": question})[1]
                understood[size, kind] = (answer["query_type"], answer.get("matched_documents"))
        first = clients[smallest]
        for i in range(1, profile.runs + 1):
            samples: dict[tuple[int, str], list[float]] = {key: [] for key in p50}
            floor: list[float] = []
            for _ in range(profile.chat_repeats):
                floor.append(_timed_post(first, HEALTH, None)[0])
                for size, client in clients.items():
                    for kind, question in QUESTIONS.items():
                        samples[size, kind].append(_timed_post(client, CHAT, {"query": question})[0])
            for key, values in samples.items():
                p50[key].add(percentile(values, 50))
                p95[key].add(percentile(values, 95))
            top = max(percentile(samples[largest, k], 95) for k in QUESTIONS)
            low = max(percentile(samples[smallest, k], 95) for k in QUESTIONS)
            worst_p95.add(top)
            growth.add(top / low)
            health.add(percentile(floor, 95))
            over_floor.add(top / percentile(floor, 95))
            log(f"3. run {i}: worst p95 {top:.1f} ms at {largest}, {low:.1f} ms at {smallest}")
    finally:
        for client in clients.values():
            client.__exit__(None, None, None)

    # The sum question's store work, taken apart on the stores the apps just released.
    read = {
        size: section.figure(f"sum at {size:,}: InvoiceStore.iterate over its matches", "ms")
        for size in (smallest, largest)
    }
    count_ms = section.figure(f"sum at {largest:,}: InvoiceStore.count of the same filter", "ms")
    page = section.figure(f"list at {largest:,}: InvoiceStore.find (exact count + newest {PAGE})", "ms")
    turns = section.figure("durable write of a chat turn (2 x ChatStore.append, gathered)", "ms")
    matched: dict[int, int] = {}
    listed = 0
    for _ in range(profile.runs):
        for size in (smallest, largest):
            costs = store_costs(settings[size], repeats=3)
            for kind, got in (("sum", costs.matched), ("filtered list", costs.listed)):
                expected = understood[size, kind][1]
                if expected is not None and got != expected:
                    raise AssertionError(f"the {kind} filter matches {got}; the chat answer says {expected}")
            matched[size] = costs.matched
            listed = costs.listed
            read[size].add(costs.read_ms)
            if size == largest:
                count_ms.add(costs.count_ms)
                page.add(costs.page_ms)
                turns.add(costs.turns_ms)

    questions = "; ".join(
        f"{kind}: “{q}” (answered as `{understood[largest, kind][0]}`, {understood[largest, kind][1]} matching invoices at "
        f"{largest:,})"
        for kind, q in QUESTIONS.items()
    )
    seeded = ", ".join(f"{size:,} in {s:.0f} s" for size, s in seed_seconds.items())
    section.method = [
        f"The real app (`create_app`, offline container: deterministic answerer, Qdrant Edge on disk, "
        f"a fixed clock) driven through Litestar's `TestClient`, one app per store size, all open at "
        f"once. Stores hold `tests/chat_dataset.py` records (6 employees, 5 categories, 3 statuses, "
        f"all of 2024), seeded through `QdrantEdgeInvoiceStore.upsert` in batches of {SEED_BATCH:,} "
        f"(seeding, not measured here: {seeded}; each size continues a copy of the previous one).",
        f"Questions ({questions}). Each run asks every question {profile.chat_repeats} times per size, "
        f"round-robin across questions and sizes, each as a new session; p50 and p95 are over those "
        f"{profile.chat_repeats} requests. Every request includes understanding the question, the "
        f"store queries, the answer text and the durable write of both chat turns (an fsync). The "
        f"time is the client's, in the same process, so it includes the TestClient's thread hop, which "
        f"the `GET /health/quick` baseline (no I/O) measures alone.",
    ]
    sum_p50 = p50[largest, "sum"].median
    per_invoice = read[largest].median / max(matched[largest], 1) * 1000
    section.notes = [
        f"**What bounds the sum at {largest:,}.** An exact sum needs the amount of every matching "
        f"invoice and Qdrant has no server-side sum, so the question reads all "
        f"{matched[largest]:,} of its matches: `InvoiceStore.iterate` over them takes "
        f"{read[largest].median:.0f} ms ({per_invoice:.0f} µs per invoice), against "
        f"{count_ms.median:.1f} ms to count them, and it grows with the matches "
        f"({matched[smallest]:,} at {smallest:,}: {read[smallest].median:.1f} ms). That read is "
        f"{read[largest].median / sum_p50:.0%} of the question's p50 ({sum_p50:.0f} ms). The other "
        f"fixed cost, at every size, is the durable write of the two chat turns: "
        f"{turns.median:.0f} ms (one Qdrant Edge flush, which fsyncs the shard's files), i.e. "
        f"{turns.median / p50[smallest, 'count'].median:.0%} of the {p50[smallest, 'count'].median:.0f} ms a "
        f"count takes at {smallest:,}. Listings and counts grow far less, because the store counts "
        f"and pages them: the list question's `InvoiceStore.find` (exact count of its "
        f"{listed:,} matches and the newest {PAGE}) takes {page.median:.0f} ms at {largest:,}; with "
        f"the chat-turn write and the rest of the request that puts them at p50 "
        f"{p50[largest, 'filtered list'].median:.0f} ms / p95 {p95[largest, 'filtered list'].median:.0f} ms "
        f"(list) and {p50[largest, 'count'].median:.0f} / {p95[largest, 'count'].median:.0f} ms (count).",
        "Profile (py-spy, 250 Hz, the app's event-loop thread while it answered this question over "
        "and over at 100k; taken while building this benchmark): 58% of the thread's time in "
        "`QdrantEdgeInvoiceStore.iterate`, of which 19% inside qdrant-edge's `scroll` (reading and "
        "decoding the payloads), about 16% turning each record's payload into a Python dict (the "
        "`payload` property is read twice per record in `EdgeCollection.scroll_payloads`) and 10% in "
        "`payload_to_invoice`; then 5% sorting the records newest first. Asking Qdrant for only the 9 "
        "payload keys an aggregate needs, instead of all 31, cut the read by a third (89 to 60 ms for "
        "1,713 points), so a projection alone does not reach 50 ms.",
        "What would: keep the aggregate columns (currency, amounts, date, category, employee, status) "
        "of every invoice in memory in the store adapter, kept current on upsert the way it already "
        "keeps the employee names (this process is the shard's only writer), and sum from that; the "
        "records shown in the answer (at most a page) would still come from Qdrant. Not done in this "
        "change: the chat and store code were being finished by their owners at the same time. The "
        "figure is left as measured.",
    ]
    return section

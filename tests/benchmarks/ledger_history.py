"""The claim ledger's cost against the employee's stored history (issue 15).

A batch of 200 invoices (December 2024) is decided the way AnalyzeBatch decides it: the ledger is
loaded from a Qdrant Edge store once, then each invoice is judged against it and its grant recorded.
The store holds 0, 2,000 or 10,000 earlier claims of that employee, spread over 2021-2024, under a
policy with a limit per day, per month, per quarter, per year, in any 3-year period and a number of
claims per month. Not a test: a measurement, run by hand.

    .venv/bin/python -m tests.benchmarks.ledger_history [--sizes 0 2000 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from reimburse.adapters.qdrant_edge import QdrantEdgeInvoiceStore
from reimburse.application.ledger import ledger_spans, load_ledger, spanning_categories
from reimburse.domain.record import InvoiceRecord
from reimburse.domain.verdict.decide import Claim, decide, grant
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.policy import CapRule, CapUnit, Category, Period, Policy

EMPLOYEE = "Rani Sharma"
BATCH = 200
CATEGORIES = ("meals", "cab", "hotel", "phone", "laptop")


def policy() -> Policy:
    def cap(category: str, amount: str, period: Period, length: int = 1, claims: int = 0) -> CapRule:
        return CapRule(
            f"cap:{category}:{period.value}",
            category,
            Decimal(amount),
            "INR",
            CapUnit.DAY,
            f"{category} limit",
            period=period,
            period_length=length,
            claims=claims,
        )

    caps = (
        cap("meals", "1500", Period.DAY),
        cap("meals", "20000", Period.MONTH),
        cap("cab", "30000", Period.QUARTER),
        cap("hotel", "400000", Period.YEAR),
        cap("phone", "2000", Period.MONTH, claims=1),
        cap("laptop", "90000", Period.YEAR, length=3),
    )
    categories = tuple(Category(c, (), f"{c} covered") for c in CATEGORIES)
    return Policy("pol_bench", "INR", categories, caps)


def history(n: int, rnd: random.Random) -> list[InvoiceRecord]:
    start, days = date(2021, 1, 1), (date(2024, 11, 30) - date(2021, 1, 1)).days
    out = []
    for i in range(n):
        amount = Decimal(rnd.randrange(100, 300_000)) / 100
        out.append(
            InvoiceRecord(
                invoice_id=f"old_{i}",
                employee_name=EMPLOYEE,
                batch_id="bat_old",
                policy_id="pol_bench",
                filename=f"old_{i}.pdf",
                file_sha256=f"{i:064x}",
                analyzed_at=datetime(2024, 12, 1, tzinfo=UTC),
                submitted_on=date(2024, 12, 1),
                status="fully_reimbursed",
                reason="",
                total_amount=amount,
                reimbursement_amount=amount,
                currency="INR",
                categories=(rnd.choice(CATEGORIES),),
                invoice_date=start + timedelta(days=rnd.randrange(days + 1)),
            )
        )
    return out


def batch(rnd: random.Random) -> list[tuple[Invoice, Claim]]:
    out = []
    for i in range(BATCH):
        invoice = Invoice(
            total=Decimal(rnd.randrange(100, 300_000)) / 100,
            currency="INR",
            category=rnd.choice(CATEGORIES),
            invoice_date=date(2024, 12, 1) + timedelta(days=rnd.randrange(31)),
        )
        out.append((invoice, Claim(EMPLOYEE, date(2024, 12, 31), invoice_id=f"new_{i}")))
    return sorted(out, key=lambda item: item[0].invoice_date or date.max)


async def decide_once(
    store: QdrantEdgeInvoiceStore, pol: Policy, items: list[tuple[Invoice, Claim]], windowed: bool
) -> tuple[float, float]:
    """Seconds to load the ledger, and to decide the batch against it."""
    started = time.perf_counter()
    spans = ledger_spans(pol.caps, [i.invoice_date for i, _ in items if i.invoice_date]) if windowed else None
    ledger = await load_ledger(store, EMPLOYEE, spanning_categories(pol), spans)
    loaded = time.perf_counter()
    for invoice, claim in items:
        verdict = decide(pol, invoice, claim, ledger)
        if (entry := grant(verdict, invoice, claim)) is not None:
            ledger = ledger.record(entry)
    return loaded - started, time.perf_counter() - loaded


async def measure(sizes: list[int], runs: int, windowed: bool) -> dict[int, tuple[float, float]]:
    """Per history size, the fastest run's (load, decide) seconds."""
    pol, rnd = policy(), random.Random(15)
    items = batch(rnd)
    out: dict[int, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory(prefix="ledger-history-") as tmp:
        for n in sizes:
            store = QdrantEdgeInvoiceStore(Path(tmp) / f"n{n}")
            try:
                records = history(n, random.Random(n))
                for i in range(0, len(records), 5_000):
                    await store.upsert(records[i : i + 5_000])
                out[n] = min([await decide_once(store, pol, items, windowed) for _ in range(runs)], key=sum)
            finally:
                await store.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 2_000, 10_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--whole", action="store_true", help="load the whole history (before issue 15)")
    args = parser.parse_args()
    times = asyncio.run(measure(args.sizes, args.runs, not args.whole))
    base = sum(times[min(times)])
    for n, (load, judge) in times.items():
        total = load + judge
        print(
            f"history {n:>6}: batch of {BATCH} in {total * 1000:8.1f} ms ({total / base:.2f}x): "
            f"ledger load {load * 1000:.1f} ms, decisions {judge * 1000:.1f} ms"
        )


if __name__ == "__main__":
    main()

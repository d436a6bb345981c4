"""InvoiceStore.figures: the aggregate columns of every matching record, current with every write
(upsert, reviewer decision, erasure, retention, reopening), on every backend."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from reimburse.domain.figures import InvoiceFigures, figures_of
from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import InvoiceRecord
from reimburse.domain.verdict.review import Review
from tests.contract.store_backends import StoreFactory

T0 = datetime(2024, 6, 1, 9, 0, tzinfo=UTC)


def rec(n: int, **kw: Any) -> InvoiceRecord:
    base: dict[str, Any] = {
        "invoice_id": f"inv-{n:03d}",
        "employee_name": ("Rani Sharma", "Hardik Patel", "Zoë O'Brien")[n % 3],
        "batch_id": f"batch-{n % 2}",
        "policy_id": "pol-1",
        "filename": f"inv-{n:03d}.pdf",
        "file_sha256": f"sha-{n}",
        "analyzed_at": T0 + timedelta(minutes=n),
        "submitted_on": date(2024, 6, 1),
        "status": ("fully_reimbursed", "partially_reimbursed", "declined")[n % 3],
        "reason": "Within policy.",
        "total_amount": Decimal(100 + n) + Decimal("0.25"),
        "reimbursement_amount": Decimal(50 + n),
        "currency": ("INR", "USD")[n % 2],
        "categories": (("meals",), ("cab", "travel"), ())[n % 3],
        "invoice_date": date(2024, 5, 1 + n % 28) if n % 5 else None,
    }
    base.update(kw)
    return InvoiceRecord(**base)


RECORDS = [rec(n) for n in range(24)]


def by_id(figures: list[InvoiceFigures]) -> dict[str, InvoiceFigures]:
    out = {f.invoice_id: f for f in figures}
    assert len(out) == len(figures), "an invoice was listed twice"
    return out


def expected(records: list[InvoiceRecord], keep: Any = lambda r: True) -> dict[str, InvoiceFigures]:
    return {r.invoice_id: figures_of(r) for r in records if keep(r)}


FILTERS = [
    (InvoiceFilter(), lambda r: True),
    (InvoiceFilter(employee_names=("rani sharma",)), lambda r: r.employee_name == "Rani Sharma"),
    (InvoiceFilter(categories=("meals",)), lambda r: "meals" in r.categories),
    (InvoiceFilter(statuses=("declined",)), lambda r: r.status == "declined"),
    (
        InvoiceFilter(date_from=date(2024, 5, 5), date_to=date(2024, 5, 20)),
        lambda r: r.invoice_date is not None and date(2024, 5, 5) <= r.invoice_date <= date(2024, 5, 20),
    ),
    (
        InvoiceFilter(batch_id="batch-1", min_amount=Decimal("110")),
        lambda r: r.batch_id == "batch-1" and r.total_amount >= 110,
    ),
]


@pytest.mark.parametrize("case", range(len(FILTERS)))
async def test_figures_are_the_columns_of_exactly_the_matching_records(
    stores: StoreFactory, case: int
) -> None:
    store = stores.invoices()
    await store.upsert(RECORDS)
    flt, keep = FILTERS[case]
    got = by_id(await store.figures(flt))
    assert got == expected(RECORDS, keep)
    assert got, "the filter should match something"


async def test_figures_follow_every_upsert_after_they_were_first_read(stores: StoreFactory) -> None:
    store = stores.invoices()
    await store.upsert(RECORDS[:10])
    assert by_id(await store.figures(InvoiceFilter())) == expected(RECORDS[:10])  # read (and kept) once

    decided = Review("adjust", Decimal("12.00"), "tip", "Ada", T0 + timedelta(days=1))
    changed = [
        rec(3, total_amount=Decimal("999.99"), currency="EUR", categories=("hotel",)),
        rec(4, review=decided, version=2),
        *RECORDS[10:14],
    ]
    await store.upsert(changed)
    now = [*RECORDS[:3], changed[0], changed[1], *RECORDS[5:14]]
    assert by_id(await store.figures(InvoiceFilter())) == expected(now)

    four = by_id(await store.figures(InvoiceFilter(employee_names=(RECORDS[4].employee_name,))))["inv-004"]
    assert (four.final_amount, four.decided) == (Decimal("12.00"), True)
    assert four.final_status == "partially_reimbursed"
    hotel = await store.figures(InvoiceFilter(categories=("hotel",)))
    assert [f.total_amount for f in hotel] == [Decimal("999.99")]


async def test_figures_follow_erasure_and_retention(stores: StoreFactory) -> None:
    store = stores.invoices()
    if not hasattr(store, "erase_employee"):
        pytest.skip("this backend does not erase (not a RecordEraser)")
    await store.upsert(RECORDS)
    await store.figures(InvoiceFilter())  # kept in memory where the adapter keeps columns
    assert await store.erase_employee("  HARDIK patel ") == 8  # type: ignore[attr-defined]
    left = [r for r in RECORDS if r.employee_name != "Hardik Patel"]
    assert by_id(await store.figures(InvoiceFilter())) == expected(left)

    cutoff = T0 + timedelta(minutes=12)
    removed = await store.erase_before(cutoff)  # type: ignore[attr-defined]
    assert removed == sum(1 for r in left if r.analyzed_at < cutoff)
    assert by_id(await store.figures(InvoiceFilter())) == expected(left, lambda r: r.analyzed_at >= cutoff)


async def test_figures_survive_reopening(stores: StoreFactory) -> None:
    if not stores.persistent:
        pytest.skip("this backend keeps nothing once closed")
    first = stores.invoices()
    await first.upsert(RECORDS)
    await first.figures(InvoiceFilter())
    await first.close()
    again = stores.invoices()
    assert by_id(await again.figures(InvoiceFilter())) == expected(RECORDS)


async def test_no_match_is_an_empty_list(stores: StoreFactory) -> None:
    store = stores.invoices()
    assert await store.figures(InvoiceFilter()) == []
    await store.upsert(RECORDS)
    assert await store.figures(InvoiceFilter(employee_names=("nobody",))) == []

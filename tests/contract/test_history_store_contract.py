"""InvoiceHistory contract (every backend), and the decision fields of stored invoices."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import InvoiceRecord
from reimburse.domain.verdict.review import HistoryEvent, Outcome, Review
from reimburse.ports.invoice_history import InvoiceHistory
from tests.contract.store_backends import StoreFactory

T0 = datetime(2024, 6, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def history(stores: StoreFactory) -> InvoiceHistory:
    return stores.history()


def ev(event_id: str, invoice_id: str, seconds: float, **kw: Any) -> HistoryEvent:
    base: dict[str, Any] = {
        "event_id": event_id,
        "invoice_id": invoice_id,
        "employee_name": "Rani Sharma",
        "event": "analysed",
        "actor": "Rani Sharma",
        "at": T0 + timedelta(seconds=seconds),
        "status": "partially_reimbursed",
        "amount": Decimal("150.50"),
    }
    base.update(kw)
    return HistoryEvent(**base)


async def test_events_round_trip_exactly_oldest_first(history: InvoiceHistory) -> None:
    after = Outcome("declined", Decimal("0"), 2, decided=True)
    before = Outcome("partially_reimbursed", Decimal("150.50"), 1)
    reviewed = ev(
        "e2", "inv-1", 60, event="reviewed", actor="Alex", note="duplicate", action="reject",
        status="declined", amount=Decimal("0"), before=before, after=after,
    )  # fmt: skip
    await history.append([reviewed])
    await history.append([ev("e1", "inv-1", 0, after=before), ev("x1", "inv-2", 30)])
    events = await history.events("inv-1")
    assert [e.event_id for e in events] == ["e1", "e2"]
    assert events[1] == reviewed
    assert events[0].amount == Decimal("150.50")


async def test_same_instant_keeps_append_order(history: InvoiceHistory) -> None:
    await history.append([ev("b", "inv-1", 0, event="analysed")])
    await history.append([ev("a", "inv-1", 0, event="reviewed")])
    assert [e.event for e in await history.events("inv-1")] == ["analysed", "reviewed"]


async def test_unknown_invoice_has_no_events(history: InvoiceHistory) -> None:
    assert await history.events("nope") == []


async def test_appending_never_replaces_an_earlier_event(history: InvoiceHistory) -> None:
    for i in range(5):
        await history.append([ev(f"e{i}", "inv-1", i, event="reviewed", note=f"n{i}")])
    assert [e.note for e in await history.events("inv-1")] == [f"n{i}" for i in range(5)]


async def test_erase_employee_removes_only_theirs(history: InvoiceHistory) -> None:
    await history.append([ev("a", "inv-1", 0), ev("b", "inv-2", 0, employee_name="Alex Kim")])
    assert await history.erase_employee("  rani   SHARMA ") == 1
    assert await history.events("inv-1") == []
    assert len(await history.events("inv-2")) == 1


async def test_erase_before_removes_old_events(history: InvoiceHistory) -> None:
    await history.append([ev("old", "inv-1", 0), ev("new", "inv-1", 3600)])
    assert await history.erase_before(T0 + timedelta(seconds=10)) == 1
    assert [e.event_id for e in await history.events("inv-1")] == ["new"]


async def test_history_outlives_the_store(stores: StoreFactory) -> None:
    if not stores.persistent:
        pytest.skip("in-process backend")
    first = stores.history()
    await first.append([ev("e1", "inv-1", 0)])
    await first.close()
    assert [e.event_id for e in await stores.history().events("inv-1")] == ["e1"]


def rec(invoice_id: str, **kw: Any) -> InvoiceRecord:
    base: dict[str, Any] = {
        "invoice_id": invoice_id,
        "employee_name": "Rani Sharma",
        "batch_id": "batch-1",
        "policy_id": "pol-1",
        "filename": f"{invoice_id}.pdf",
        "file_sha256": "a" * 64,
        "analyzed_at": T0,
        "submitted_on": date(2024, 6, 1),
        "status": "partially_reimbursed",
        "reason": "Capped.",
        "total_amount": Decimal("200.00"),
        "reimbursement_amount": Decimal("150.00"),
        "currency": "INR",
        "review_required": True,
    }
    base.update(kw)
    return InvoiceRecord(**base)


async def test_a_decision_round_trips_and_filters_by_decided(stores: StoreFactory) -> None:
    store = stores.invoices()
    review = Review("adjust", Decimal("120.25"), "receipt cut", "Alex", T0 + timedelta(hours=1))
    await store.upsert([rec("d", review=review, version=3, policy_filename="p.pdf"), rec("u")])
    got = await store.get("d")
    assert got is not None and got.review == review and got.version == 3
    assert got.final_amount == Decimal("120.25") and got.final_status == "partially_reimbursed"
    assert got.policy_filename == "p.pdf"
    undecided = {r.invoice_id async for r in store.iterate(InvoiceFilter(decided=False))}
    decided = {r.invoice_id async for r in store.iterate(InvoiceFilter(decided=True))}
    assert (undecided, decided) == ({"u"}, {"d"})
    assert await store.count(InvoiceFilter(decided=False, review_required=True)) == 1

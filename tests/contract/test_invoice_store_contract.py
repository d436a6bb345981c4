"""InvoiceStore contract: one suite, every backend (fake, Edge, qdrant-client local, real server)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from reimburse.domain.errors import StoreUnavailable
from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import InvoiceRecord
from reimburse.domain.verdict.verdict import AppliedRule, Flag, RuleEffect
from reimburse.ports.invoice_store import InvoiceStore
from tests.contract.store_backends import HYBRID, StoreFactory
from tests.fakes.hash_embedder import HashEmbedder

T0 = datetime(2024, 6, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(stores: StoreFactory) -> InvoiceStore:
    return stores.invoices()


def rec(invoice_id: str, **kw: Any) -> InvoiceRecord:
    base: dict[str, Any] = {
        "invoice_id": invoice_id,
        "employee_name": "Rani Sharma",
        "batch_id": "batch-1",
        "policy_id": "pol-1",
        "filename": f"{invoice_id}.pdf",
        "file_sha256": f"sha-{invoice_id}",
        "analyzed_at": T0,
        "submitted_on": date(2024, 6, 1),
        "status": "fully_reimbursed",
        "reason": "Within policy.",
        "total_amount": Decimal("100.00"),
        "reimbursement_amount": Decimal("100.00"),
        "currency": "INR",
    }
    base.update(kw)
    return InvoiceRecord(**base)


async def ids_of(store: InvoiceStore, flt: InvoiceFilter) -> set[str]:
    return {r.invoice_id async for r in store.iterate(flt)}


# --- round trip and identity -------------------------------------------------------------


async def test_round_trip_is_exact(store: InvoiceStore) -> None:
    full = rec(
        "inv-full",
        employee_name="Zoë  O'Brien",
        analyzed_at=datetime(2024, 6, 2, 14, 30, 15, 123456, tzinfo=UTC),
        submitted_on=date(2024, 6, 3),
        status="partially_reimbursed",
        reason="Capped at ₹1,000 per meal; alcohol removed.",
        total_amount=Decimal("1234.50"),
        reimbursement_amount=Decimal("1000.00"),
        categories=("meals", "travel"),
        policy_violations=("Alcohol is not reimbursable",),
        invoice_date=date(2024, 5, 30),
        invoice_number="INV/2024/0042",
        vendor="Café Müller GmbH",
        review_required=True,
        flags=(Flag("name_mismatch", "Invoice is addressed to someone else."),),
        rules_applied=(AppliedRule("cap_meal", "Meals up to ₹1,000 per meal.", RuleEffect.CAP),),
        names=("Zoe O'Brien", "रानी"),
        text="Line 1: Paneer tikka 450.00\nLine 2: Wine 234.50\n",
        owner="user-7",
        amount_due=Decimal("0.00"),
        extractor="heuristic",
    )
    minimal = rec("inv-min", total_amount=Decimal("0.1"), reimbursement_amount=Decimal("0"))
    await store.upsert([full, minimal])

    got = await store.get("inv-full")
    assert got == full
    assert got is not None and str(got.total_amount) == "1234.50"  # exponent kept, not just equal
    assert str(got.amount_due) == "0.00" and got.extractor == "heuristic"
    assert got.analyzed_at == full.analyzed_at and got.invoice_date == date(2024, 5, 30)
    assert await store.get("inv-min") == minimal
    page = await store.find(InvoiceFilter(), limit=10, offset=0)
    assert set(page.items) == {full, minimal}


async def test_get_unknown_id_is_none(store: InvoiceStore) -> None:
    await store.upsert([rec("a")])
    assert await store.get("nope") is None


async def test_get_many_reads_the_stored_ones_in_the_order_asked(store: InvoiceStore) -> None:
    await store.upsert([rec(i, reason=f"reason {i}") for i in ("a", "b", "c", "d")])
    got = await store.get_many(["c", "nope", "a", "d", "a"])
    # unknown ids left out; the order (and a repeat) as asked: an answer lists them as it ranked them
    assert [r.invoice_id for r in got] == ["c", "a", "d", "a"]
    assert got[0] == await store.get("c")
    assert await store.get_many([]) == []


async def test_reupsert_updates_and_never_duplicates(store: InvoiceStore) -> None:
    await store.upsert([rec("a", status="declined"), rec("b")])
    await store.upsert([rec("a", status="fully_reimbursed", reason="Re-analysed.")])
    assert await store.count(InvoiceFilter()) == 2
    got = await store.get("a")
    assert got is not None and got.status == "fully_reimbursed" and got.reason == "Re-analysed."
    # the same id twice in one batch: last one wins, still one record
    await store.upsert([rec("c", reason="first"), rec("c", reason="second")])
    assert await store.count(InvoiceFilter()) == 3
    c = await store.get("c")
    assert c is not None and c.reason == "second"


async def test_empty_upsert_is_a_no_op(store: InvoiceStore) -> None:
    await store.upsert([])
    assert await store.count(InvoiceFilter()) == 0
    assert (await store.find(InvoiceFilter(), 10, 0)).total == 0


# --- filters ---------------------------------------------------------------------------------

DATASET = [
    rec("r1", employee_name="Rani Sharma", status="fully_reimbursed", categories=("meals",),
        invoice_date=date(2024, 1, 5), total_amount=Decimal("250.00"), batch_id="b1", policy_id="p1"),
    rec("r2", employee_name="rani  SHARMA", status="declined", categories=("travel",),
        invoice_date=date(2024, 1, 31), total_amount=Decimal("999.99"), batch_id="b1", policy_id="p1",
        review_required=True),
    rec("r3", employee_name="Arjun Mehta", status="partially_reimbursed", categories=("meals", "hotel"),
        invoice_date=date(2024, 2, 1), total_amount=Decimal("1000.00"), batch_id="b2", policy_id="p1"),
    rec("r4", employee_name="Arjun Mehta", status="declined", categories=("hotel",),
        invoice_date=date(2023, 12, 31), total_amount=Decimal("5000.00"), batch_id="b2", policy_id="p2"),
    rec("r5", employee_name="Meera Iyer", status="fully_reimbursed", categories=(),
        invoice_date=None, total_amount=Decimal("10.00"), batch_id="b3", policy_id="p2",
        review_required=True),
]  # fmt: skip

FILTER_CASES = [
    pytest.param(InvoiceFilter(), {"r1", "r2", "r3", "r4", "r5"}, id="empty"),
    pytest.param(InvoiceFilter(employee_names=("RANI sharma",)), {"r1", "r2"}, id="employee-normalised"),
    pytest.param(InvoiceFilter(employee_names=("rani sharma", "meera iyer")), {"r1", "r2", "r5"}, id="employees"),
    pytest.param(InvoiceFilter(employee_names=("Rani",)), set(), id="employee-exact-not-prefix"),
    pytest.param(InvoiceFilter(statuses=("declined",)), {"r2", "r4"}, id="status"),
    pytest.param(InvoiceFilter(statuses=("declined", "partially_reimbursed")), {"r2", "r3", "r4"}, id="statuses"),
    pytest.param(InvoiceFilter(categories=("hotel",)), {"r3", "r4"}, id="category-in-list"),
    pytest.param(InvoiceFilter(categories=("Meals", "travel")), {"r1", "r2", "r3"}, id="categories"),
    pytest.param(InvoiceFilter(date_from=date(2024, 1, 5), date_to=date(2024, 1, 31)), {"r1", "r2"},
                 id="date-range-inclusive"),
    pytest.param(InvoiceFilter(date_from=date(2024, 1, 6)), {"r2", "r3"}, id="date-from"),
    pytest.param(InvoiceFilter(date_to=date(2023, 12, 31)), {"r4"}, id="date-to"),
    pytest.param(InvoiceFilter(min_amount=Decimal("250.00"), max_amount=Decimal("1000")), {"r1", "r2", "r3"},
                 id="amount-range-inclusive"),
    pytest.param(InvoiceFilter(min_amount=Decimal("999.995")), {"r3", "r4"}, id="amount-min"),
    pytest.param(InvoiceFilter(max_amount=Decimal("249.99")), {"r5"}, id="amount-max"),
    pytest.param(InvoiceFilter(batch_id="b2"), {"r3", "r4"}, id="batch"),
    pytest.param(InvoiceFilter(policy_id="p2"), {"r4", "r5"}, id="policy"),
    pytest.param(InvoiceFilter(review_required=True), {"r2", "r5"}, id="review-true"),
    pytest.param(InvoiceFilter(review_required=False), {"r1", "r3", "r4"}, id="review-false"),
    pytest.param(InvoiceFilter(employee_names=("arjun mehta",), statuses=("declined",), policy_id="p2"), {"r4"},
                 id="and-combined"),
    pytest.param(InvoiceFilter(batch_id="missing"), set(), id="no-match"),
]  # fmt: skip


@pytest.mark.parametrize(("flt", "expected"), FILTER_CASES)
async def test_every_filter_field(store: InvoiceStore, flt: InvoiceFilter, expected: set[str]) -> None:
    await store.upsert(DATASET)
    page = await store.find(flt, limit=50, offset=0)
    assert {r.invoice_id for r in page.items} == expected
    assert page.total == len(expected)
    assert await store.count(flt) == len(expected)
    assert await ids_of(store, flt) == expected


# --- ordering, paging, streaming -------------------------------------------------------------


async def test_find_pages_newest_first_with_exact_total(store: InvoiceStore) -> None:
    # inserted in shuffled time order so insertion order cannot pass for newest-first
    minutes = [(i * 7) % 23 for i in range(23)]
    records = [rec(f"p{m:02d}", analyzed_at=T0 + timedelta(minutes=m), batch_id="pg") for m in minutes]
    await store.upsert([*records, rec("other", analyzed_at=T0 + timedelta(days=1), batch_id="x")])
    flt = InvoiceFilter(batch_id="pg")
    seen: list[str] = []
    for offset in (0, 10, 20):
        page = await store.find(flt, limit=10, offset=offset)
        assert page.total == 23
        seen += [r.invoice_id for r in page.items]
    assert seen == [f"p{m:02d}" for m in range(22, -1, -1)]
    beyond = await store.find(flt, limit=10, offset=30)
    assert beyond.items == () and beyond.total == 23


async def test_iterate_streams_every_match_beyond_one_page(store: InvoiceStore) -> None:
    n = 2100  # more than the adapters' scroll page (2048), not a multiple of it
    records = [rec(f"it{i:05d}", status="declined" if i % 3 == 0 else "fully_reimbursed") for i in range(n)]
    await store.upsert(records)
    all_ids = [r.invoice_id async for r in store.iterate(InvoiceFilter())]
    assert len(all_ids) == n and set(all_ids) == {r.invoice_id for r in records}
    declined = await ids_of(store, InvoiceFilter(statuses=("declined",)))
    assert declined == {f"it{i:05d}" for i in range(0, n, 3)}
    assert await store.count(InvoiceFilter(statuses=("declined",))) == len(declined)


# --- retrieval ----------------------------------------------------------------------------------

CORPUS = [
    rec("taxi", employee_name="Rani Sharma", vendor="Uber", categories=("travel",),
        text="Uber trip receipt. Taxi ride from airport to hotel. Fare 540.00"),
    rec("dinner", employee_name="Rani Sharma", vendor="Olive Bistro", categories=("meals",),
        text="Dinner for two: pasta, salad, dessert. Service charge included."),
    rec("hotel", employee_name="Arjun Mehta", vendor="Marriott", categories=("hotel",),
        text="Two nights deluxe room. Breakfast included. Check-in 4 June."),
    rec("taxi2", employee_name="Arjun Mehta", vendor="Ola", categories=("travel",),
        text="Ola cab invoice. Taxi ride to office, airport pickup."),
]  # fmt: skip


async def test_search_ranks_the_relevant_record_first(store: InvoiceStore) -> None:
    await store.upsert(CORPUS)
    hits = await store.search("marriott deluxe room", InvoiceFilter(), limit=3)
    assert hits and hits[0].record.invoice_id == "hotel"
    assert hits[0].record == CORPUS[2]
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True) and scores[0] > 0
    taxi = await store.search("taxi airport", InvoiceFilter(), limit=10)
    assert {h.record.invoice_id for h in taxi[:2]} == {"taxi", "taxi2"}
    assert "hotel" not in {h.record.invoice_id for h in taxi}


async def test_search_respects_the_filter(store: InvoiceStore) -> None:
    await store.upsert(CORPUS)
    hits = await store.search("taxi airport", InvoiceFilter(employee_names=("arjun mehta",)), limit=10)
    assert [h.record.invoice_id for h in hits] == ["taxi2"]
    none = await store.search("taxi", InvoiceFilter(categories=("meals",)), limit=10)
    assert none == []
    limited = await store.search("taxi airport", InvoiceFilter(), limit=1)
    assert len(limited) == 1


async def test_hybrid_search_uses_the_dense_vector(stores: StoreFactory) -> None:
    if stores.backend not in HYBRID:
        pytest.skip("backend has no dense path")
    # 'trolley' shares no token with any invoice; only the embedder knows it means 'marriott'.
    embedder = HashEmbedder(64, aliases={"trolley": "marriott"})
    store = stores.invoices(embedder)
    await store.upsert(CORPUS)
    assert embedder.calls >= 1
    hits = await store.search("trolley", InvoiceFilter(), limit=2)
    assert hits and hits[0].record.invoice_id == "hotel"
    fused = await store.search("taxi airport", InvoiceFilter(employee_names=("rani sharma",)), limit=5)
    assert fused[0].record.invoice_id == "taxi"
    assert {h.record.employee_name for h in fused} == {"Rani Sharma"}


async def test_same_bill_candidates_by_number(store: InvoiceStore) -> None:
    original = rec("orig", vendor="Uber B.V.", invoice_number="INV-001", total_amount=Decimal("25.00"))
    other_vendor = rec(
        "ola",
        vendor="Ola",
        invoice_number="inv 001",
        total_amount=Decimal("9.00"),
        submitted_on=date(2024, 7, 1),
    )
    await store.upsert([original, other_vendor, rec("other", vendor="Uber B.V.", invoice_number="INV-002")])
    found = await store.same_bill_candidates("RANI sharma", "inv-001", None, Decimal("1.00"))
    # Every record with the number, whatever vendor or amount (the domain judges those), earliest claim first.
    assert [r.invoice_id for r in found] == ["orig", "ola"]
    assert found[0] == original
    assert await store.same_bill_candidates("Arjun Mehta", "INV-001", None, Decimal("25.00")) == []
    assert await store.same_bill_candidates("Rani Sharma", "INV-003", None, Decimal("25.00")) == []
    assert await store.same_bill_candidates("Rani Sharma", "", None, Decimal("25.00")) == []


async def test_same_bill_candidates_by_date_and_total(store: InvoiceStore) -> None:
    day = date(2024, 5, 3)
    await store.upsert(
        [
            rec("cab", vendor="Uber", invoice_date=day, total_amount=Decimal("250.00")),
            rec(
                "cab2",
                vendor="UBER India",
                invoice_date=day,
                total_amount=Decimal("250.00"),
                analyzed_at=T0 + timedelta(hours=1),
            ),
            rec("dearer", vendor="Uber", invoice_date=day, total_amount=Decimal("250.01")),
            rec(
                "next-day",
                vendor="Uber",
                invoice_date=day + timedelta(days=1),
                total_amount=Decimal("250.00"),
            ),
            rec("undated", vendor="Uber", total_amount=Decimal("250.00")),
        ]
    )
    found = await store.same_bill_candidates("Rani Sharma", None, day, Decimal("250.0"))
    assert [r.invoice_id for r in found] == ["cab", "cab2"]
    # No record has the number X-9: the date and total still find them.
    both = await store.same_bill_candidates("Rani Sharma", "X-9", day, Decimal("250.00"))
    assert [r.invoice_id for r in both] == ["cab", "cab2"]
    assert await store.same_bill_candidates("Meera Iyer", None, day, Decimal("250.00")) == []


async def test_employee_names_are_distinct_as_stored(store: InvoiceStore) -> None:
    assert await store.employee_names() == []
    await store.upsert(DATASET)
    assert await store.employee_names() == sorted(
        {"Rani Sharma", "rani  SHARMA", "Arjun Mehta", "Meera Iyer"}
    )


async def test_employee_names_follow_updates(store: InvoiceStore) -> None:
    await store.upsert([rec("a", employee_name="rani sharma"), rec("b", employee_name="Arjun")])
    assert await store.employee_names() == ["Arjun", "rani sharma"]
    await store.upsert([rec("c", employee_name="Meera")])
    assert await store.employee_names() == ["Arjun", "Meera", "rani sharma"]
    # re-upload of the same invoice with the name spelled differently: the old spelling is gone
    await store.upsert([rec("a", employee_name="Rani Sharma")])
    assert await store.employee_names() == ["Arjun", "Meera", "Rani Sharma"]


async def test_ping_succeeds_on_an_open_store(store: InvoiceStore) -> None:
    await store.ping()


# --- persistence (backends whose data outlives the store object) -----------------------------


async def test_close_and_reopen_keeps_everything(stores: StoreFactory) -> None:
    if not stores.persistent:
        pytest.skip("backend keeps data in memory only")
    first = stores.invoices()
    await first.upsert(DATASET)
    await first.close()
    if stores.backend == "edge":
        with pytest.raises(StoreUnavailable):
            await first.ping()
    again = stores.invoices()
    assert await again.count(InvoiceFilter()) == len(DATASET)
    for r in DATASET:
        assert await again.get(r.invoice_id) == r
    await again.upsert([rec("r1", status="declined")])  # re-upload after restart: update, not duplicate
    assert await again.count(InvoiceFilter()) == len(DATASET)
    assert (await again.search("within policy", InvoiceFilter(batch_id="b3"), 5))[0].record.invoice_id == "r5"


async def test_an_embedder_can_be_added_to_an_existing_store(stores: StoreFactory) -> None:
    if stores.backend != "edge":
        pytest.skip("only the embedded shard gains a dense vector in place")
    first = stores.invoices()
    await first.upsert(CORPUS[:2])
    await first.close()
    hybrid = stores.invoices(HashEmbedder(64, aliases={"trolley": "marriott"}))
    await hybrid.upsert(CORPUS[2:])
    assert (await hybrid.search("trolley", InvoiceFilter(), 1))[0].record.invoice_id == "hotel"
    # records written before the embedder existed are still found by BM25 (RRF may rank a record
    # present in both lists above one found by BM25 alone, so: found, not necessarily first)
    found = await hybrid.search("olive bistro dinner", InvoiceFilter(), 3)
    assert "dinner" in [h.record.invoice_id for h in found]
    await hybrid.close()
    plain = stores.invoices()  # and the shard still opens without one
    assert await plain.count(InvoiceFilter()) == len(CORPUS)

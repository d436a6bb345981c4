"""The employee's claim ledger as the stored invoices give it (issue 13)."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime
from decimal import Decimal

import msgspec
from hypothesis import given, settings
from hypothesis import strategies as st

from reimburse.application.ledger import ledger_entry, ledger_spans, load_ledger
from reimburse.domain.record import InvoiceRecord
from reimburse.domain.verdict.ledger import Ledger
from reimburse.domain.verdict.policy import CapRule, CapUnit, Period
from reimburse.domain.verdict.review import Review
from tests.fakes.memory_stores import InMemoryInvoiceStore


def stored(invoice_id: str, employee: str, category: str, amount: str, day: date | None) -> InvoiceRecord:
    return InvoiceRecord(
        invoice_id=invoice_id,
        employee_name=employee,
        batch_id="bat_1",
        policy_id="pol_1",
        filename=f"{invoice_id}.pdf",
        file_sha256="ab" * 32,
        analyzed_at=datetime(2025, 3, 20, tzinfo=UTC),
        submitted_on=date(2025, 3, 20),
        status="fully_reimbursed",
        reason="",
        total_amount=Decimal(amount),
        reimbursement_amount=Decimal(amount),
        currency="INR",
        categories=(category,),
        invoice_date=day,
    )


def test_a_reviewers_amount_is_the_grant() -> None:
    record = stored("inv_1", "Rani Sharma", "meals", "420.00", date(2025, 3, 3))
    rejected = Review("reject", Decimal(0), "not a business meal", "ada", datetime(2025, 3, 21, tzinfo=UTC))
    entry = ledger_entry(record)
    assert entry is not None and entry.granted.amount == Decimal("420.00")
    decided = ledger_entry(msgspec.structs.replace(record, review=rejected))
    assert decided is not None and decided.granted.amount == Decimal(0)
    assert ledger_entry(stored("inv_2", "Rani Sharma", "meals", "10.00", None)) is None  # no period


async def test_only_this_employees_grants_in_the_capped_categories() -> None:
    store = InMemoryInvoiceStore()
    await store.upsert(
        [
            stored("inv_1", "Rani Sharma", "meals", "300.00", date(2025, 3, 3)),
            stored("inv_2", "rani  sharma", "cab", "500.00", date(2025, 3, 4)),
            stored("inv_3", "Rani Sharma", "hotel", "3000.00", date(2025, 3, 4)),
            stored("inv_4", "Arjun Rao", "meals", "200.00", date(2025, 3, 3)),
        ]
    )
    ledger = await load_ledger(store, "Rani Sharma", ("cab", "meals"))
    assert sorted(e.invoice_id for e in ledger.entries) == ["inv_1", "inv_2"]
    assert (await load_ledger(store, "Rani Sharma", ())).entries == ()


# --- issue 15: the periods around the batch's dates, not the whole history ------------------------

CATEGORIES = ("meals", "cab")
history_days = st.dates(date(2021, 1, 1), date(2025, 12, 31))
batch_days = st.lists(st.dates(date(2024, 1, 1), date(2025, 6, 30)), max_size=5)
period_caps = st.builds(
    CapRule,
    rule_id=st.just("cap"),
    category=st.sampled_from(CATEGORIES),
    amount=st.just(Decimal(1000)),
    currency=st.just("INR"),
    unit=st.just(CapUnit.DAY),
    clause=st.just("limit"),
    period=st.sampled_from(tuple(Period)),
    period_length=st.sampled_from((1, 1, 2, 3)),
    claims=st.sampled_from((0, 0, 1)),
)


@settings(max_examples=100, deadline=None)
@given(
    grants=st.lists(
        st.tuples(st.sampled_from(CATEGORIES), history_days, st.sampled_from(("0.00", "10.00", "25.50"))),
        max_size=40,
    ),
    caps=st.lists(period_caps, min_size=1, max_size=4),
    days=batch_days,
)
def test_the_ledger_of_a_batchs_periods_judges_like_the_whole_history(
    grants: list[tuple[str, date, str]], caps: list[CapRule], days: list[date]
) -> None:
    async def both() -> tuple[Ledger, Ledger]:
        store = InMemoryInvoiceStore()
        await store.upsert(
            [stored(f"inv_{i}", "Rani Sharma", c, amount, day) for i, (c, day, amount) in enumerate(grants)]
        )
        categories = tuple(sorted({c.category for c in caps}))
        whole = await load_ledger(store, "Rani Sharma", categories)
        return whole, await load_ledger(store, "Rani Sharma", categories, ledger_spans(caps, days))

    whole, windowed = asyncio.run(both())
    assert set(windowed.entries) <= set(whole.entries)
    # The engine asks the ledger only about limits shared by several invoices (decide.py): a
    # per-invoice cap counts no history, so the windowed ledger holds none for it.
    for cap in (c for c in caps if c.spans_invoices):
        for day in days:
            assert windowed.used(cap, day, "INR") == whole.used(cap, day, "INR")


def test_spans_cover_every_period_a_batch_day_can_reach() -> None:
    def cap(category: str, period: Period, length: int = 1) -> CapRule:
        return CapRule(
            "c", category, Decimal(1), "INR", CapUnit.DAY, "x", period=period, period_length=length
        )

    days = [date(2024, 12, 30), date(2025, 1, 2)]
    spans = ledger_spans(
        [cap("meals", Period.MONTH), cap("meals", Period.DAY), cap("cab", Period.YEAR, 3)], days
    )
    assert spans == {
        "meals": (date(2024, 12, 1), date(2025, 2, 1)),
        "cab": (date(2021, 12, 31), date(2028, 1, 2)),  # any 3-year window holding either day
    }
    per_invoice = CapRule("c", "hotel", Decimal(1), "INR", CapUnit.DAY, "x")
    assert ledger_spans([per_invoice], days) == {}  # judged alone: nothing to load
    assert ledger_spans([cap("meals", Period.MONTH)], []) == {}  # undated invoices only

"""The employee's claim ledger as the stored invoices give it (issue 13)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import msgspec

from reimburse.application.ledger import ledger_entry, load_ledger
from reimburse.domain.record import InvoiceRecord
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

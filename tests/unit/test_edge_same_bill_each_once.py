"""The Edge store's same-bill look-up runs two queries (by number; by date and total) and decodes
each record it finds once (bench item 2): a copy matched by both comes back once, whole, and the
candidates keep the earliest claim first."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from reimburse.adapters.qdrant_edge.invoice_store import QdrantEdgeInvoiceStore
from reimburse.domain.record import InvoiceRecord
from reimburse.domain.verdict.verdict import Flag

T0 = datetime(2024, 6, 2, 9, 0, tzinfo=UTC)
DAY = date(2024, 5, 3)


def record(
    invoice_id: str, number: str | None, day: date | None, total: str, hours: int = 0
) -> InvoiceRecord:
    return InvoiceRecord(
        invoice_id=invoice_id,
        employee_name="Rani Sharma",
        batch_id="batch-1",
        policy_id="pol-1",
        filename=f"{invoice_id}.pdf",
        file_sha256=f"sha-{invoice_id}",
        analyzed_at=T0 + timedelta(hours=hours),
        submitted_on=date(2024, 6, 1),
        status="declined",
        reason="A copy of an earlier bill.",
        total_amount=Decimal(total),
        reimbursement_amount=Decimal("0.00"),
        currency="INR",
        invoice_date=day,
        invoice_number=number,
        vendor="Uber",
        flags=(Flag("duplicate", "copy of the bill in orig.pdf"),),
        text="Uber trip receipt " * 40,
    )


async def test_a_record_matched_by_number_and_by_date_and_total_comes_back_once(tmp_path: Path) -> None:
    store = QdrantEdgeInvoiceStore(tmp_path)
    both = [record(f"copy-{i}", "INV-7", DAY, "250.00", hours=3 - i) for i in range(3)]
    by_number = record("number-only", "INV-7", DAY + timedelta(days=1), "99.00", hours=5)
    by_day = record("day-only", None, DAY, "250.00", hours=4)
    other = record("other", "INV-8", DAY, "250.01")
    try:
        await store.upsert([*both, by_number, by_day, other])
        found = await store.same_bill_candidates("rani SHARMA", "inv-7", DAY, Decimal("250.00"))
    finally:
        await store.close()
    # each once, earliest claim first (analysed earlier), each the record as stored
    assert [r.invoice_id for r in found] == ["copy-2", "copy-1", "copy-0", "day-only", "number-only"]
    assert found[0] == both[2]
    assert found[-1] == by_number

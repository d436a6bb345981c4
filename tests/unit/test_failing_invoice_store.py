"""The fault-injecting store wrapper used by fault tests behaves as advertised."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from reimburse.domain.errors import StoreUnavailable
from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import InvoiceRecord
from tests.fakes.memory_stores import FailingInvoiceStore, InMemoryInvoiceStore


def _record(invoice_id: str) -> InvoiceRecord:
    return InvoiceRecord(
        invoice_id=invoice_id,
        employee_name="Rani",
        batch_id="b",
        policy_id="p",
        filename="f.pdf",
        file_sha256="h",
        analyzed_at=datetime(2024, 1, 1, tzinfo=UTC),
        submitted_on=date(2024, 1, 2),
        status="declined",
        reason="r",
        total_amount=Decimal("1.00"),
        reimbursement_amount=Decimal("0.00"),
        currency="INR",
    )


async def test_writes_fail_and_reads_pass_through_until_healed() -> None:
    inner = InMemoryInvoiceStore()
    await inner.upsert([_record("old")])
    store = FailingInvoiceStore(inner)
    with pytest.raises(StoreUnavailable):
        await store.upsert([_record("new")])
    assert store.failed_writes == 1
    assert await store.get("new") is None  # the failed write left nothing behind
    assert (await store.find(InvoiceFilter(), 10, 0)).total == 1
    with pytest.raises(StoreUnavailable):
        await store.ping()

    store.fail_writes = False
    await store.upsert([_record("new")])
    assert await store.count(InvoiceFilter()) == 2
    await store.ping()


async def test_read_faults_cover_every_read() -> None:
    store = FailingInvoiceStore(fail_writes=False, fail_reads=True)
    for call in (
        store.get("x"),
        store.find(InvoiceFilter(), 1, 0),
        store.count(InvoiceFilter()),
        store.search("x", InvoiceFilter(), 1),
        store.employee_names(),
        store.same_bill_candidates("a", "c", None, Decimal(1)),
    ):
        with pytest.raises(StoreUnavailable):
            await call
    with pytest.raises(StoreUnavailable):
        _ = [r async for r in store.iterate(InvoiceFilter())]

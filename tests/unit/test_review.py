"""Decisions, the queue, aggregates and answers with decided amounts, the CSV export, erasure of originals."""

from __future__ import annotations

import csv
import io
import tracemalloc
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reimburse.application.erasure import ApplyRetention, EraseEmployee
from reimburse.application.export import COLUMNS, ExportInvoices, export_row, neutralise
from reimburse.application.review import InvoiceLocks, ReviewInvoice, ReviewQueue, carry_over
from reimburse.domain.access import AccessDenied, Role, Viewer
from reimburse.domain.chat.aggregates import AggregateBuilder
from reimburse.domain.chat.answer_text import render_answer
from reimburse.domain.chat.session import AnswerContext, GroupBy, Intent
from reimburse.domain.documents import media_type
from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import InvoiceRecord
from reimburse.domain.verdict.review import InvalidDecision, Review, StaleVersion, decide, final_status
from reimburse.http.controllers.review import _csv_chunks
from tests.fakes.fixed_clock import FixedClock
from tests.fakes.memory_review import InMemoryDocumentStore, InMemoryInvoiceHistory
from tests.fakes.memory_stores import InMemoryInvoiceStore

T0 = datetime(2024, 6, 1, 9, tzinfo=UTC)
REVIEWER = Viewer("hr-1", Role.REVIEWER)
ADMIN = Viewer("root", Role.ADMIN)
RANI = Viewer("Rani Sharma", Role.EMPLOYEE)


def rec(i: int, **kw: Any) -> InvoiceRecord:
    base: dict[str, Any] = {
        "invoice_id": f"inv_{i}",
        "employee_name": "Rani Sharma",
        "batch_id": "b1",
        "policy_id": "p1",
        "filename": f"f{i}.pdf",
        "file_sha256": f"{i:064x}",
        "analyzed_at": T0 + timedelta(minutes=i),
        "submitted_on": date(2024, 6, 1),
        "status": "partially_reimbursed",
        "reason": "Capped.",
        "total_amount": Decimal("200.00"),
        "reimbursement_amount": Decimal("150.00"),
        "currency": "INR",
        "categories": ("meals",),
        "review_required": True,
    }
    base.update(kw)
    return InvoiceRecord(**base)


# --- the decision rule --------------------------------------------------------------------------

amounts = st.decimals(min_value=Decimal("-1000"), max_value=Decimal("1000"), places=2)


@given(total=amounts.filter(lambda d: d > 0), amount=amounts)
def test_adjust_accepts_exactly_the_amounts_between_zero_and_the_total(
    total: Decimal, amount: Decimal
) -> None:
    def attempt() -> Review:
        return decide(
            "adjust", total=total, engine_amount=total, amount=amount, note="n", reviewer="r", at=T0
        )

    if Decimal(0) <= amount <= total:
        review = attempt()
        assert review.amount == amount
        status = final_status(review, "declined", total)
        expected = (
            "declined" if amount == 0 else "fully_reimbursed" if amount == total else "partially_reimbursed"
        )
        assert status == expected
    else:
        with pytest.raises(InvalidDecision) as err:
            attempt()
        assert err.value.field == "amount"


def test_approve_keeps_the_engine_and_reject_needs_a_note() -> None:
    approved = decide(
        "approve", total=Decimal(200), engine_amount=Decimal(150), amount=None, note=None, reviewer="r", at=T0
    )
    assert approved.amount == Decimal(150) and approved.note is None
    with pytest.raises(InvalidDecision):
        decide(
            "approve",
            total=Decimal(200),
            engine_amount=Decimal(150),
            amount=Decimal(10),
            note=None,
            reviewer="r",
            at=T0,
        )
    with pytest.raises(InvalidDecision):
        decide(
            "reject",
            total=Decimal(200),
            engine_amount=Decimal(150),
            amount=None,
            note=" ",
            reviewer="r",
            at=T0,
        )
    rejected = decide(
        "reject", total=Decimal(200), engine_amount=Decimal(150), amount=None, note="no", reviewer="r", at=T0
    )
    assert rejected.amount == 0 and final_status(rejected, "fully_reimbursed", Decimal(200)) == "declined"


def test_an_adjusted_amount_takes_the_totals_places() -> None:
    review = decide(
        "adjust",
        total=Decimal("233.00"),
        engine_amount=Decimal("233.00"),
        amount=Decimal("100.5"),
        note="n",
        reviewer="r",
        at=T0,
    )
    assert str(review.amount) == "100.50"


def test_reanalysis_keeps_a_decision_only_on_an_unchanged_verdict() -> None:
    review = Review("adjust", Decimal(100), "n", "r", T0)
    previous = rec(1, review=review, version=4)
    same = carry_over(previous, rec(1))
    assert same.review == review and same.version == 5
    changed = carry_over(previous, rec(1, reimbursement_amount=Decimal(120)))
    assert changed.review is None and changed.version == 5
    assert carry_over(None, rec(1)).version == 1


# --- the use case -------------------------------------------------------------------------------


async def test_decisions_append_history_and_check_the_version() -> None:
    store, history = InMemoryInvoiceStore(), InMemoryInvoiceHistory()
    await store.upsert([rec(1)])
    review = ReviewInvoice(store, history, FixedClock(date(2024, 7, 1)), InvoiceLocks())
    with pytest.raises(AccessDenied):
        await review(RANI, "inv_1", "approve")
    assert await review(REVIEWER, "inv_404", "approve") is None
    result = await review(REVIEWER, "inv_1", "adjust", Decimal(80), "half", version=1)
    assert result is not None and result.final_amount == Decimal(80) and result.version == 2
    with pytest.raises(StaleVersion):
        await review(ADMIN, "inv_1", "reject", note="x", version=1)
    events = await history.events("inv_1")
    assert [(e.event, e.actor, e.amount) for e in events] == [("reviewed", "hr-1", Decimal(80))]
    assert events[0].before is not None and events[0].before.amount == Decimal(150)
    stored = await store.get("inv_1")
    assert (
        stored is not None and stored.status == "partially_reimbursed" and stored.reimbursement_amount == 150
    )


async def test_the_queue_is_flagged_undecided_oldest_first_in_pages() -> None:
    store = InMemoryInvoiceStore()
    decided = Review("approve", Decimal(150), None, "r", T0)
    await store.upsert(
        [rec(i) for i in range(1, 8)] + [rec(20, review=decided), rec(21, review_required=False)]
    )
    queue = ReviewQueue(store)
    first, total = await queue(REVIEWER, InvoiceFilter(), 3, 0)
    assert total == 7 and [r.invoice_id for r in first] == ["inv_1", "inv_2", "inv_3"]
    last, _ = await queue(REVIEWER, InvoiceFilter(), 3, 6)
    assert [r.invoice_id for r in last] == ["inv_7"]
    assert (await queue(REVIEWER, InvoiceFilter(), 3, 7))[0] == []
    with pytest.raises(AccessDenied):
        await queue(RANI, InvoiceFilter(), 3, 0)


# --- aggregates and answers use the decided amount and say so --------------------------------------


def test_aggregates_sum_decided_amounts_and_group_by_the_final_status() -> None:
    builder = AggregateBuilder(GroupBy.STATUS)
    builder.add(rec(1))
    builder.add(rec(2, review=Review("reject", Decimal(0), "no", "r", T0)))
    agg = builder.result()
    assert agg.reimbursed == {"INR": Decimal(150)} and agg.decided == 1
    assert agg.by_group == {"partially_reimbursed": 1, "declined": 1}


def test_answers_use_the_decided_amount_and_say_so() -> None:
    decided = rec(1, review=Review("adjust", Decimal("99.00"), "n", "hr-1", T0))
    builder = AggregateBuilder()
    builder.add(decided)
    ctx = AnswerContext(
        question="how much was reimbursed?",
        intent=Intent.SUM,
        filters=InvoiceFilter(),
        records=(decided,),
        aggregate=builder.result(),
    )
    text = render_answer(ctx)
    assert "99" in text and "decided by a reviewer" in text
    lookup = render_answer(msgspec.structs.replace(ctx, intent=Intent.LOOKUP))
    assert "(reviewed)" in lookup and "hr-1" in lookup
    plain = render_answer(msgspec.structs.replace(ctx, records=(rec(2),), aggregate=None, intent=Intent.LIST))
    assert "reviewer" not in plain


# --- export ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=x", "'\t=x"),
     ("plain", "plain"), ("", ""), ("a=b", "a=b")],
)  # fmt: skip
def test_neutralise(cell: str, expected: str) -> None:
    assert neutralise(cell) == expected


def test_a_negative_amount_stays_a_number() -> None:
    row = dict(
        zip(
            COLUMNS,
            export_row(rec(1, total_amount=Decimal("-50.00"), reimbursement_amount=Decimal(0))),
            strict=True,
        )
    )
    assert row["total_amount"] == "-50.00" and row["vendor"] == ""


class ManyRecords:
    """An InvoiceStore stand-in that yields n records lazily: what the export holds is what it keeps."""

    def __init__(self, n: int) -> None:
        self.n = n

    async def iterate(self, flt: InvoiceFilter) -> AsyncIterator[InvoiceRecord]:
        for i in range(self.n):
            yield rec(i, vendor=f"=vendor {i}")


async def _consume(n: int) -> tuple[int, int]:
    export = ExportInvoices(ManyRecords(n))  # type: ignore[arg-type]
    tracemalloc.start()
    rows = 0
    async for chunk in _csv_chunks(export.rows(REVIEWER, InvoiceFilter())):
        rows += chunk.count(b"\r\n")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return rows, peak


async def test_the_export_streams_in_constant_memory() -> None:
    small_rows, small_peak = await _consume(2_000)
    rows, peak = await _consume(100_000)
    assert (small_rows, rows) == (2_001, 100_001)
    # 100k rows are ~20 MB of CSV; the peak stays that of a chunk, as for 2k rows
    assert peak < 2 * small_peak + 512 * 1024, (peak, small_peak)


def test_the_csv_reads_back_with_neutralised_text() -> None:
    async def run() -> str:
        chunks = [c async for c in _csv_chunks(ExportInvoices(ManyRecords(3)).rows(ADMIN, InvoiceFilter()))]  # type: ignore[arg-type]
        return b"".join(chunks).decode()

    import asyncio

    rows = list(csv.DictReader(io.StringIO(asyncio.run(run()))))
    assert [r["vendor"] for r in rows] == ["'=vendor 0", "'=vendor 1", "'=vendor 2"]
    with pytest.raises(AccessDenied):
        ExportInvoices(ManyRecords(1)).rows(RANI, InvoiceFilter())  # type: ignore[arg-type]


# --- erasure removes originals no one else uses -----------------------------------------------------


class ErasableInvoices(InMemoryInvoiceStore):
    """The in-memory store plus the RecordEraser port."""

    async def erase_employee(self, employee_name: str) -> int:
        mine = [r async for r in self.iterate(InvoiceFilter(employee_names=(employee_name,)))]
        for r in mine:
            self.records.pop(r.invoice_id)
        return len(mine)

    async def erase_before(self, cutoff: datetime) -> int:
        old = [r for r in self.records.values() if r.analyzed_at < cutoff]
        for r in old:
            self.records.pop(r.invoice_id)
        return len(old)


class NoChats:
    async def erase_employee(self, employee_name: str) -> int:
        return 0

    async def erase_before(self, cutoff: datetime) -> int:
        return 0


async def test_erasure_removes_documents_unless_another_employee_uses_them() -> None:
    store, docs, history = ErasableInvoices(), InMemoryDocumentStore(), InMemoryInvoiceHistory()
    own, shared = await docs.put(b"%PDF own"), await docs.put(b"%PDF shared")
    other = await docs.put(b"%PDF hardik")
    await store.upsert(
        [
            rec(1, file_sha256=own),
            rec(2, file_sha256=shared),
            rec(3, file_sha256=shared, employee_name="Hardik Patel"),
            rec(4, file_sha256=other, employee_name="Hardik Patel"),
        ]
    )
    erase = EraseEmployee(
        store,
        NoChats(),
        FixedClock(date(2024, 7, 1)),
        history=history,
        documents=docs,
        references=store,
    )
    report = await erase(ADMIN, "rani  SHARMA")
    assert report.documents_removed == 1 and report.invoices_removed == 2
    assert set(docs.files) == {shared, other}
    await erase(ADMIN, "Hardik Patel")
    assert docs.files == {}


def test_media_types_come_from_the_bytes_first() -> None:
    assert media_type(b"%PDF-1.7 ...", "x.jpg") == "application/pdf"
    assert media_type(b"\x89PNG\r\n\x1a\n....", "x.pdf") == "image/png"
    assert media_type(b"\xff\xd8\xff\xe0", "x") == "image/jpeg"
    assert media_type(b"\xef\xbb\xbf<?xml version='1.0'?>", "x.bin") == "application/xml"
    assert media_type(b"RIFF\x00\x00\x00\x00WEBPVP8 ", "x") == "image/webp"
    assert media_type(b"II*\x00", "x") == "image/tiff"
    assert media_type(b"\x00\x00\x00\x18ftypheic", "x") == "image/heic"
    assert media_type(b"????", "scan.TIFF") == "image/tiff"
    assert media_type(b"????", "noext") == "application/octet-stream"


async def test_retention_drops_originals_no_remaining_invoice_uses() -> None:
    store, docs = ErasableInvoices(), InMemoryDocumentStore()
    expired, kept, shared = (
        await docs.put(b"%PDF old"),
        await docs.put(b"%PDF new"),
        await docs.put(b"%PDF both"),
    )
    await store.upsert(
        [
            rec(1, file_sha256=expired),  # analysed at T0 + 1 min: past the cutoff below
            rec(2, file_sha256=shared),
            rec(3, file_sha256=shared, analyzed_at=T0 + timedelta(days=400)),
            rec(4, file_sha256=kept, analyzed_at=T0 + timedelta(days=400)),
        ]
    )
    clock = FixedClock(date(2025, 6, 1))
    retention = ApplyRetention(store, NoChats(), clock, days=30, documents=docs, references=store)
    report = await retention()
    assert report.invoices_removed == 2
    assert set(docs.files) == {kept, shared}

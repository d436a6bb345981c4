"""Reviewers decide: approve, adjust or reject a stored invoice, with an append-only history.

The engine's verdict is never touched; the decision sits beside it on the record and every change
(analysis, re-analysis, decision) appends an event with what was paid before and after.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from decimal import Decimal

import msgspec

from reimburse.application.results import AnalysisResult
from reimburse.domain.access import AccessDenied, Viewer
from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import InvoiceRecord
from reimburse.domain.verdict.review import EventKind, HistoryEvent, Outcome, StaleVersion, decide
from reimburse.ports.clock import Clock
from reimburse.ports.invoice_history import InvoiceHistory
from reimburse.ports.invoice_store import InvoiceStore

MAX_PAGE = 500


def actor_of(viewer: Viewer) -> str:
    """Who acted, as the history shows it: the token's subject, else the role (auth off)."""
    return viewer.subject or viewer.role.value


def outcome(record: InvoiceRecord) -> Outcome:
    return Outcome(record.final_status, record.final_amount, record.version, record.review is not None)


def new_event_id() -> str:
    return f"evt_{secrets.token_hex(12)}"


def analysis_event(previous: InvoiceRecord | None, record: InvoiceRecord, actor: str) -> HistoryEvent:
    note = None
    if previous is not None and previous.review is not None:
        note = (
            "the earlier decision stands: the verdict did not change"
            if record.review is not None
            else "the earlier decision was dropped: the verdict changed"
        )
    return HistoryEvent(
        event_id=new_event_id(),
        invoice_id=record.invoice_id,
        employee_name=record.employee_name,
        event=(EventKind.ANALYSED if previous is None else EventKind.REANALYSED).value,
        actor=actor,
        at=record.analyzed_at,
        status=record.final_status,
        amount=record.final_amount,
        note=note,
        before=None if previous is None else outcome(previous),
        after=outcome(record),
    )


def carry_over(previous: InvoiceRecord | None, record: InvoiceRecord) -> InvoiceRecord:
    """A re-analysis: the next version; the decision stays only if the verdict it judged is unchanged."""
    if previous is None:
        return record
    same = (previous.status, previous.total_amount, previous.reimbursement_amount) == (
        record.status,
        record.total_amount,
        record.reimbursement_amount,
    )
    return msgspec.structs.replace(
        record, version=previous.version + 1, review=previous.review if same else None
    )


class InvoiceLocks:
    """One asyncio lock per invoice id while in use: decisions on one invoice are serialised."""

    def __init__(self) -> None:
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}

    @asynccontextmanager
    async def hold(self, invoice_id: str) -> AsyncIterator[None]:
        lock, users = self._locks.get(invoice_id, (asyncio.Lock(), 0))
        self._locks[invoice_id] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[invoice_id]
            if users <= 1:
                del self._locks[invoice_id]
            else:
                self._locks[invoice_id] = (lock, users - 1)


class ReviewInvoice:
    def __init__(
        self, invoices: InvoiceStore, history: InvoiceHistory, clock: Clock, locks: InvoiceLocks
    ) -> None:
        self._invoices = invoices
        self._history = history
        self._clock = clock
        self._locks = locks

    async def __call__(
        self,
        viewer: Viewer,
        invoice_id: str,
        action: str,
        amount: Decimal | None = None,
        note: str | None = None,
        version: int | None = None,
    ) -> AnalysisResult | None:
        """The decided item; None for an unknown invoice. Raises AccessDenied (employees),
        InvalidDecision (bad amount, missing note) or StaleVersion (the invoice changed)."""
        if not viewer.sees_everything:
            raise AccessDenied("only reviewers and admins may decide on invoices")
        async with self._locks.hold(invoice_id):
            record = await self._invoices.get(invoice_id)
            if record is None:
                return None
            if version is not None and version != record.version:
                raise StaleVersion(version, record.version)
            actor = actor_of(viewer)
            review = decide(
                action,
                total=record.total_amount,
                engine_amount=record.reimbursement_amount,
                amount=amount,
                note=note,
                reviewer=actor,
                at=self._clock.now(),
            )
            decided = msgspec.structs.replace(record, review=review, version=record.version + 1)
            event = HistoryEvent(
                event_id=new_event_id(),
                invoice_id=invoice_id,
                employee_name=record.employee_name,
                event=EventKind.REVIEWED.value,
                actor=actor,
                at=review.decided_at,
                status=decided.final_status,
                amount=decided.final_amount,
                note=review.note,
                action=review.action,
                before=outcome(record),
                after=outcome(decided),
            )
            # The event first: the audit trail never lacks a decision that took effect.
            await self._history.append([event])
            await self._invoices.upsert([decided])
            return AnalysisResult.from_record(decided)


class GetInvoiceHistory:
    def __init__(self, invoices: InvoiceStore, history: InvoiceHistory) -> None:
        self._invoices = invoices
        self._history = history

    async def __call__(self, viewer: Viewer, invoice_id: str) -> list[HistoryEvent] | None:
        """None when the invoice is unknown or not the viewer's (ids cannot be probed)."""
        record = await self._invoices.get(invoice_id)
        if record is None or not viewer.may_read(record.employee_name):
            return None
        return await self._history.events(invoice_id)


class ReviewQueue:
    """Flagged invoices without a decision, oldest first."""

    def __init__(self, invoices: InvoiceStore) -> None:
        self._invoices = invoices

    async def __call__(
        self, viewer: Viewer, flt: InvoiceFilter, limit: int, offset: int
    ) -> tuple[list[AnalysisResult], int]:
        if not viewer.sees_everything:
            raise AccessDenied("the review queue is for reviewers and admins")
        queue = msgspec.structs.replace(flt, review_required=True, decided=False)
        limit, offset = min(max(limit, 1), MAX_PAGE), max(offset, 0)
        total = await self._invoices.count(queue)
        # The store pages newest first: the oldest-first page [offset, offset+limit) is the
        # newest-first page that ends `offset` items before the end, reversed.
        end = total - offset
        start = max(end - limit, 0)
        if end <= 0:
            return [], total
        page = await self._invoices.find(queue, end - start, start)
        return [AnalysisResult.from_record(r) for r in reversed(page.items)], total

"""Erasure of one employee's data on request, and retention (removing records past RETENTION_DAYS).

Both leave an audit event on the `reimburse.audit` logger that holds no personal data: an id for
the request, who asked by role only, when, and how many records went. The name is never logged.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from datetime import UTC, datetime, timedelta

import msgspec

from reimburse.domain.access import AccessDenied, Role, Viewer
from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import normalise_name
from reimburse.ports.batch_register import BatchRegister
from reimburse.ports.clock import Clock
from reimburse.ports.document_store import DocumentStore
from reimburse.ports.employee_lock import EmployeeLock
from reimburse.ports.invoice_store import InvoiceStore
from reimburse.ports.record_eraser import RecordEraser

audit = logging.getLogger("reimburse.audit")
log = logging.getLogger(__name__)


class ErasureReport(msgspec.Struct, frozen=True):
    erasure_id: str
    invoices_removed: int
    chat_messages_removed: int
    at: datetime
    history_events_removed: int = 0
    documents_removed: int = 0


class RetentionReport(msgspec.Struct, frozen=True):
    cutoff: datetime
    invoices_removed: int
    chat_messages_removed: int


def _audit(event: str, **fields: object) -> None:
    record = {"event": event, **fields}
    # The JSON goes in the message: the log pipeline renders messages, not `extra` fields.
    audit.info("audit %s", msgspec.json.encode(record).decode(), extra={"audit": record})


class EraseEmployee:
    """Removes an employee's invoices and every chat session that is theirs or names them."""

    def __init__(
        self,
        invoices: RecordEraser,
        chats: RecordEraser,
        clock: Clock,
        *,
        history: RecordEraser | None = None,
        documents: DocumentStore | None = None,
        references: InvoiceStore | None = None,
        employee_lock: EmployeeLock | None = None,
        batches: BatchRegister | None = None,
    ) -> None:
        self._invoices = invoices
        self._chats = chats
        self._clock = clock
        self._history = history
        self._documents = documents
        self._references = references  # the invoice store, read to find who else uses a document
        self._lock = employee_lock  # the analysis's lock: no batch of the employee decides meanwhile
        self._batches = batches  # the employee's batches in flight, voided by the erasure

    async def __call__(self, viewer: Viewer, employee_name: str) -> ErasureReport:
        if viewer.role is not Role.ADMIN:
            raise AccessDenied("only an admin may erase an employee's data")
        erasure_id = f"era_{secrets.token_hex(8)}"
        key = normalise_name(employee_name)
        # A batch stores under this lock, so it stored all before the erasure or stores after it;
        # one still reading is voided (at the end, so that one entering meanwhile is voided too:
        # its early originals may be files erased here) and stores nothing.
        async with self._lock.hold(key) if self._lock is not None else contextlib.nullcontext():
            try:
                # Chat first: a crash in between leaves invoices to erase again, never answers about them.
                chats = await self._chats.erase_employee(employee_name)
                events = await self._history.erase_employee(employee_name) if self._history is not None else 0
                # Originals before the invoices that name them: a crash in between leaves invoices that
                # find their documents again on the next run; the reverse would orphan the files for good.
                documents = await self._erase_documents(employee_name)
                invoices = await self._invoices.erase_employee(employee_name)
            finally:
                voided = await self._batches.void(key) if self._batches is not None else 0
        at = self._clock.now()
        _audit(
            "employee_erased",
            erasure_id=erasure_id,
            actor_role=viewer.role.value,
            invoices_removed=invoices,
            chat_messages_removed=chats,
            history_events_removed=events,
            documents_removed=documents,
            batches_voided=voided,
            at=at.isoformat(),
        )
        return ErasureReport(erasure_id, invoices, chats, at, events, documents)

    async def _erase_documents(self, employee_name: str) -> int:
        """The employee's originals that no other employee's invoice refers to (a shared file stays)."""
        if self._documents is None or self._references is None:
            return 0
        refs, key = self._references, normalise_name(employee_name)
        mine = {r.file_sha256 async for r in refs.iterate(InvoiceFilter(employee_names=(employee_name,)))}
        removed = 0
        for sha in sorted(mine):
            users = [r async for r in refs.iterate(InvoiceFilter(file_sha256=sha))]
            if any(r.employee_key != key for r in users):
                continue
            try:
                removed += await self._documents.delete(sha)
            except ValueError:  # not a content key: nothing was ever stored under it
                continue
        return removed


class ApplyRetention:
    """Removes invoices analysed, and chat messages written, more than `days` days ago."""

    def __init__(
        self,
        invoices: RecordEraser,
        chats: RecordEraser,
        clock: Clock,
        days: int,
        history: RecordEraser | None = None,
        documents: DocumentStore | None = None,
        references: InvoiceStore | None = None,
    ) -> None:
        self._invoices = invoices
        self._chats = chats
        self._history = history
        self._documents = documents
        self._references = references
        self._clock = clock
        self.days = days

    async def __call__(self) -> RetentionReport:
        if self.days <= 0:
            raise ValueError("retention is off (RETENTION_DAYS=0)")
        cutoff = self._clock.now() - timedelta(days=self.days)
        expiring = await self._expiring_documents(cutoff)
        invoices = await self._invoices.erase_before(cutoff)
        await self._drop_unreferenced(expiring)
        chats = await self._chats.erase_before(cutoff)
        if self._history is not None:
            await self._history.erase_before(cutoff)
        _audit(
            "retention_applied",
            cutoff=cutoff.isoformat(),
            invoices_removed=invoices,
            chat_messages_removed=chats,
        )
        return RetentionReport(cutoff, invoices, chats)

    async def _expiring_documents(self, cutoff: datetime) -> set[str]:
        """The originals of the invoices about to go (one pass over the store: a daily job)."""
        if self._documents is None or self._references is None:
            return set()
        when = cutoff if cutoff.tzinfo else cutoff.replace(tzinfo=UTC)
        return {
            r.file_sha256
            async for r in self._references.iterate(InvoiceFilter())
            if (r.analyzed_at if r.analyzed_at.tzinfo else r.analyzed_at.replace(tzinfo=UTC)) < when
        }

    async def _drop_unreferenced(self, keys: set[str]) -> None:
        """After the invoices went: an original stays while any remaining invoice uses it."""
        if self._documents is None or self._references is None:
            return
        for sha in sorted(keys):
            if await self._references.count(InvoiceFilter(file_sha256=sha)) == 0:
                with contextlib.suppress(ValueError):  # not a content key: nothing stored under it
                    await self._documents.delete(sha)

    async def safely(self) -> RetentionReport | None:
        """One run; a failure is logged and retried at the next interval, never raised."""
        try:
            return await self()
        except Exception:
            log.exception("retention run failed; retrying at the next interval")
            return None

    async def run_every(self, interval_seconds: float) -> None:
        """After each interval, another run; until cancelled."""
        while True:
            await asyncio.sleep(interval_seconds)
            await self.safely()

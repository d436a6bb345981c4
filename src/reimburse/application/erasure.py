"""Erasure of one employee's data on request, and retention (removing records past RETENTION_DAYS).

Both leave an audit event on the `reimburse.audit` logger that holds no personal data: an id for
the request, who asked by role only, when, and how many records went. The name is never logged.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from datetime import datetime, timedelta

import msgspec

from reimburse.domain.access import AccessDenied, Role, Viewer
from reimburse.ports.clock import Clock
from reimburse.ports.record_eraser import RecordEraser

audit = logging.getLogger("reimburse.audit")
log = logging.getLogger(__name__)


class ErasureReport(msgspec.Struct, frozen=True):
    erasure_id: str
    invoices_removed: int
    chat_messages_removed: int
    at: datetime


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

    def __init__(self, invoices: RecordEraser, chats: RecordEraser, clock: Clock) -> None:
        self._invoices = invoices
        self._chats = chats
        self._clock = clock

    async def __call__(self, viewer: Viewer, employee_name: str) -> ErasureReport:
        if viewer.role is not Role.ADMIN:
            raise AccessDenied("only an admin may erase an employee's data")
        erasure_id = f"era_{secrets.token_hex(8)}"
        # Chat first: a crash in between leaves invoices to erase again, never answers about them.
        chats = await self._chats.erase_employee(employee_name)
        invoices = await self._invoices.erase_employee(employee_name)
        at = self._clock.now()
        _audit(
            "employee_erased",
            erasure_id=erasure_id,
            actor_role=viewer.role.value,
            invoices_removed=invoices,
            chat_messages_removed=chats,
            at=at.isoformat(),
        )
        return ErasureReport(erasure_id, invoices, chats, at)


class ApplyRetention:
    """Removes invoices analysed, and chat messages written, more than `days` days ago."""

    def __init__(self, invoices: RecordEraser, chats: RecordEraser, clock: Clock, days: int) -> None:
        self._invoices = invoices
        self._chats = chats
        self._clock = clock
        self.days = days

    async def __call__(self) -> RetentionReport:
        if self.days <= 0:
            raise ValueError("retention is off (RETENTION_DAYS=0)")
        cutoff = self._clock.now() - timedelta(days=self.days)
        invoices = await self._invoices.erase_before(cutoff)
        chats = await self._chats.erase_before(cutoff)
        _audit(
            "retention_applied",
            cutoff=cutoff.isoformat(),
            invoices_removed=invoices,
            chat_messages_removed=chats,
        )
        return RetentionReport(cutoff, invoices, chats)

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

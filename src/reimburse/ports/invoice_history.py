from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from reimburse.domain.verdict.review import HistoryEvent


class InvoiceHistory(Protocol):
    """The append-only audit trail of invoices: analysed, re-analysed, reviewed. Durable on return.

    Events are never changed; only erasure (an employee's request) and retention remove them.
    """

    async def append(self, events: Sequence[HistoryEvent]) -> None: ...

    async def events(self, invoice_id: str) -> list[HistoryEvent]:
        """The invoice's events, oldest first (append order breaks ties of `at`)."""
        ...

    async def erase_employee(self, employee_name: str) -> int: ...

    async def erase_before(self, cutoff: datetime) -> int: ...

    async def close(self) -> None: ...

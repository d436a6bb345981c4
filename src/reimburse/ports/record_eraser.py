from __future__ import annotations

from datetime import datetime
from typing import Protocol


class RecordEraser(Protocol):
    """Removal of stored records, for erasure requests and retention. Durable on return."""

    async def erase_employee(self, employee_name: str) -> int:
        """Removes everything of one employee (names compared normalised); returns how many records."""
        ...

    async def erase_before(self, cutoff: datetime) -> int:
        """Removes the records stored before `cutoff`; returns how many."""
        ...

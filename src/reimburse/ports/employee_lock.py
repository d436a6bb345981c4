from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from typing import Protocol


class EmployeeLock(Protocol):
    """Mutual exclusion per employee: while one holder decides and stores an employee's claims,
    no other batch of that employee (in this process, or in any process sharing the lock) does.
    What a batch pays depends on what was already claimed, so deciding two at once could pay a
    bill twice or grant a limit twice."""

    def hold(self, employee_key: str) -> AbstractAsyncContextManager[None]:
        """Waits until the key is free, holds it for the `async with` body. Raises
        StoreUnavailable when the lock's backend cannot be reached."""
        ...

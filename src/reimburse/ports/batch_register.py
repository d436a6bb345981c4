from __future__ import annotations

from typing import Protocol


class BatchRegister(Protocol):
    """The batches in flight per employee, so that an erasure can void them.

    A batch reads its files before it takes the EmployeeLock (reading may take minutes), and stores
    each original as it is read. An erasure that runs meanwhile cannot see that work, so it voids
    the employee's batches instead: a voided batch stores nothing and removes what it stored early.
    Shared by exactly the processes that share the EmployeeLock. Nothing of an employee outlives an
    erasure here: voiding forgets the employee's entries rather than leaving a mark.
    """

    async def enter(self, employee_key: str) -> str:
        """Registers a batch of the employee (before it reads anything); returns its ticket."""
        ...

    async def voided(self, employee_key: str, ticket: str) -> bool:
        """True when an erasure of the employee voided the batch since it entered. Asked while
        holding the employee's lock, which the erasure also holds, so the answer stays true until
        the batch lets go of the lock."""
        ...

    async def leave(self, employee_key: str, ticket: str) -> None:
        """The batch is over (stored, voided or failed)."""
        ...

    async def void(self, employee_key: str) -> int:
        """Voids every batch of the employee in flight (an erasure, holding the employee's lock);
        returns how many."""
        ...

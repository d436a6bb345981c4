"""BatchRegister within one process, beside AsyncioEmployeeLock: a set of tickets per employee key."""

from __future__ import annotations

import secrets


class MemoryBatchRegister:
    def __init__(self) -> None:
        # key -> tickets of batches in flight; a key goes when its last batch leaves or is voided
        self._tickets: dict[str, set[str]] = {}

    async def enter(self, employee_key: str) -> str:
        ticket = secrets.token_hex(8)
        self._tickets.setdefault(employee_key, set()).add(ticket)
        return ticket

    async def voided(self, employee_key: str, ticket: str) -> bool:
        return ticket not in self._tickets.get(employee_key, ())

    async def leave(self, employee_key: str, ticket: str) -> None:
        tickets = self._tickets.get(employee_key)
        if tickets is not None:
            tickets.discard(ticket)
            if not tickets:
                del self._tickets[employee_key]

    async def void(self, employee_key: str) -> int:
        return len(self._tickets.pop(employee_key, ()))

    def in_use(self) -> int:
        """Keys with a batch in flight (tests check nothing leaks)."""
        return len(self._tickets)

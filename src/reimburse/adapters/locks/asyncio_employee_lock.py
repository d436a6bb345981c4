"""EmployeeLock within one process: an asyncio.Lock per employee key while in use.

Enough for the embedded store, which has one writer process anyway; replicas on a Qdrant server
share RedisEmployeeLock instead.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class AsyncioEmployeeLock:
    def __init__(self) -> None:
        # key -> (lock, holders and waiters): dropped when the last one leaves, so it never grows
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}

    @asynccontextmanager
    async def hold(self, employee_key: str) -> AsyncIterator[None]:
        lock, users = self._locks.get(employee_key, (asyncio.Lock(), 0))
        self._locks[employee_key] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[employee_key]
            if users <= 1:
                del self._locks[employee_key]
            else:
                self._locks[employee_key] = (lock, users - 1)

    def in_use(self) -> int:
        """Keys with a holder or a waiter (tests check nothing leaks)."""
        return len(self._locks)

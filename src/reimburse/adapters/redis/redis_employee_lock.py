"""EmployeeLock shared by every process using one Redis (REDIS_URL): API replicas on a Qdrant server.

A Redis key per employee, set only if absent, with a lease. The holder renews the lease while it
works, so a long batch keeps the lock and a crashed process frees it within one lease.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import redis.asyncio as aioredis
from redis.exceptions import LockError, RedisError

from reimburse.domain.errors import StoreUnavailable

log = logging.getLogger(__name__)

LEASE_SECONDS = 30.0
WAIT_SECONDS = 300.0  # a batch waits this long for another batch of the same employee to be stored


class RedisEmployeeLock:
    def __init__(
        self,
        url: str,
        *,
        prefix: str = "reimburse:employee-lock:",
        lease_seconds: float = LEASE_SECONDS,
        wait_seconds: float = WAIT_SECONDS,
    ) -> None:
        self._redis = aioredis.from_url(url)
        self._prefix = prefix
        self._lease = lease_seconds
        self._wait = wait_seconds

    @asynccontextmanager
    async def hold(self, employee_key: str) -> AsyncIterator[None]:
        lock = self._redis.lock(
            self._prefix + employee_key,
            timeout=self._lease,
            sleep=0.05,
            blocking_timeout=self._wait,
            thread_local=False,  # the renewal task must see the holder's token
        )
        try:
            acquired = await lock.acquire()
        except RedisError as exc:
            raise StoreUnavailable(f"the claim lock (Redis) is unavailable: {exc}") from exc
        if not acquired:
            raise StoreUnavailable(
                f"another batch of this employee held the claim lock over {self._wait:g} s"
            )
        renewal = asyncio.create_task(self._renew(lock, employee_key))
        try:
            yield
        finally:
            renewal.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await renewal
            try:
                await lock.release()
            except (LockError, RedisError) as exc:  # the lease ran out: nothing left to free
                log.warning("claim lock of %s was not released cleanly: %s", employee_key, exc)

    async def _renew(self, lock: aioredis.lock.Lock, employee_key: str) -> None:
        while True:
            await asyncio.sleep(self._lease / 3)
            try:
                await lock.reacquire()
            except (LockError, RedisError) as exc:
                log.error("claim lock of %s lost while held: %s", employee_key, exc)
                return

    async def close(self) -> None:
        await self._redis.aclose()

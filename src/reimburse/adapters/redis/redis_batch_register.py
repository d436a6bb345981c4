"""BatchRegister shared by every process using one Redis (REDIS_URL), beside RedisEmployeeLock.

A Redis set of tickets per employee. Voiding deletes the set, so no mark of an erased employee is
left behind. A process that crashes mid-batch leaves its ticket; the set expires a day after the
last batch entered, far beyond any batch (a batch still running then would read as voided: it
fails with a clear error and stores nothing, never the reverse).
"""

from __future__ import annotations

import secrets

import redis.asyncio as aioredis
from redis.exceptions import RedisError

from reimburse.domain.errors import StoreUnavailable

TICKETS_LIVE_SECONDS = 24 * 3600


class RedisBatchRegister:
    def __init__(self, url: str, *, prefix: str = "reimburse:employee-batches:") -> None:
        self._redis = aioredis.from_url(url)
        self._prefix = prefix

    async def enter(self, employee_key: str) -> str:
        ticket = secrets.token_hex(8)
        key = self._prefix + employee_key
        try:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.sadd(key, ticket)
                pipe.expire(key, TICKETS_LIVE_SECONDS)
                await pipe.execute()
        except RedisError as exc:
            raise StoreUnavailable(f"the batch register (Redis) is unavailable: {exc}") from exc
        return ticket

    async def voided(self, employee_key: str, ticket: str) -> bool:
        try:
            return not await self._redis.sismember(self._prefix + employee_key, ticket)
        except RedisError as exc:
            raise StoreUnavailable(f"the batch register (Redis) is unavailable: {exc}") from exc

    async def leave(self, employee_key: str, ticket: str) -> None:
        try:
            await self._redis.srem(self._prefix + employee_key, ticket)
        except RedisError as exc:
            raise StoreUnavailable(f"the batch register (Redis) is unavailable: {exc}") from exc

    async def void(self, employee_key: str) -> int:
        key = self._prefix + employee_key
        try:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.scard(key)
                pipe.delete(key)
                count, _ = await pipe.execute()
        except RedisError as exc:
            raise StoreUnavailable(f"the batch register (Redis) is unavailable: {exc}") from exc
        return int(count)

    async def close(self) -> None:
        await self._redis.aclose()

"""BatchRegister contract: one suite, both adapters (in this process; Redis on a real redis-server)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import redis.asyncio as aioredis

from reimburse.adapters.locks.memory_batch_register import MemoryBatchRegister
from reimburse.adapters.redis.redis_batch_register import RedisBatchRegister
from reimburse.domain.errors import StoreUnavailable
from reimburse.ports.batch_register import BatchRegister
from tests.redis_server import next_database, redis_server  # noqa: F401  (fixture)
from tests.server_process import free_port

RANI, ARJUN = "rani sharma", "arjun mehta"


@pytest.fixture(params=["memory", "redis"])
async def register(request: pytest.FixtureRequest) -> AsyncIterator[BatchRegister]:
    if request.param == "memory":
        yield MemoryBatchRegister()
        return
    server = request.getfixturevalue("redis_server")
    redis_register = RedisBatchRegister(next_database(server))
    yield redis_register
    await redis_register.close()


async def test_a_batch_is_voided_only_by_an_erasure_of_its_employee(register: BatchRegister) -> None:
    first, second, other = (
        await register.enter(RANI),
        await register.enter(RANI),
        await register.enter(ARJUN),
    )
    assert first != second
    assert not await register.voided(RANI, first)
    assert await register.void(RANI) == 2
    assert await register.voided(RANI, first)
    assert await register.voided(RANI, second)
    assert not await register.voided(ARJUN, other)


async def test_a_batch_that_left_is_not_counted_and_one_entering_later_is_not_voided(
    register: BatchRegister,
) -> None:
    done, running = await register.enter(RANI), await register.enter(RANI)
    await register.leave(RANI, done)
    assert await register.void(RANI) == 1
    await register.leave(RANI, running)  # a voided batch still leaves: harmless
    later = await register.enter(RANI)
    assert not await register.voided(RANI, later)
    assert await register.void(ARJUN) == 0


async def test_the_memory_register_forgets_employees_with_no_batch() -> None:
    register = MemoryBatchRegister()
    one, two = await register.enter(RANI), await register.enter(ARJUN)
    await register.leave(RANI, one)
    assert register.in_use() == 1
    await register.void(ARJUN)
    assert register.in_use() == 0
    await register.leave(ARJUN, two)
    assert register.in_use() == 0


async def test_redis_keeps_no_mark_of_an_erased_employee(redis_server: str) -> None:  # noqa: F811
    url = next_database(redis_server)
    register, client = RedisBatchRegister(url, prefix="t:"), aioredis.from_url(url)
    try:
        await register.enter(RANI)
        assert await client.exists(f"t:{RANI}") == 1
        await register.void(RANI)
        assert await client.exists(f"t:{RANI}") == 0
    finally:
        await register.close()
        await client.aclose()


async def test_two_processes_registers_on_one_redis_see_each_others_batches(
    redis_server: str,  # noqa: F811
) -> None:
    url = next_database(redis_server)
    batches, erasure = RedisBatchRegister(url), RedisBatchRegister(url)
    try:
        ticket = await batches.enter(RANI)
        assert await erasure.void(RANI) == 1
        assert await batches.voided(RANI, ticket)
    finally:
        await batches.close()
        await erasure.close()


async def test_an_unreachable_redis_is_a_store_failure_not_a_free_pass() -> None:
    register = RedisBatchRegister(f"redis://127.0.0.1:{free_port()}/0")
    try:
        with pytest.raises(StoreUnavailable):
            await register.enter(RANI)
        with pytest.raises(StoreUnavailable):
            await register.voided(RANI, "t")
    finally:
        await register.close()

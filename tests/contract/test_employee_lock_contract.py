"""EmployeeLock contract: one suite, both adapters (in-process asyncio; Redis on a real redis-server).

Ordering is observed through events the holders record, never through timing.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from reimburse.adapters.locks.asyncio_employee_lock import AsyncioEmployeeLock
from reimburse.adapters.redis.redis_employee_lock import RedisEmployeeLock
from reimburse.domain.errors import StoreUnavailable
from reimburse.ports.employee_lock import EmployeeLock
from tests.redis_server import next_database, redis_server  # noqa: F401  (fixture)
from tests.server_process import free_port

HANG_GUARD = 60  # seconds: only turns a deadlock into a failure; never what a test measures


@pytest.fixture(params=["asyncio", "redis"])
async def lock(request: pytest.FixtureRequest) -> AsyncIterator[EmployeeLock]:
    if request.param == "asyncio":
        yield AsyncioEmployeeLock()
        return
    server = request.getfixturevalue("redis_server")
    redis_lock = RedisEmployeeLock(next_database(server))
    yield redis_lock
    await redis_lock.close()


async def _holder(lock: EmployeeLock, key: str, name: str, log: list[str], inside: asyncio.Event) -> None:
    async with lock.hold(key):
        log.append(f"{name} in")
        inside.set()
        for _ in range(20):  # give a rival every chance to get in while this holder is inside
            await asyncio.sleep(0)
        await asyncio.sleep(0.05)
        log.append(f"{name} out")


async def test_one_holder_per_employee_at_a_time(lock: EmployeeLock) -> None:
    log: list[str] = []
    first_in = asyncio.Event()
    first = asyncio.create_task(_holder(lock, "rani sharma", "a", log, first_in))
    await asyncio.wait_for(first_in.wait(), HANG_GUARD)
    second = asyncio.create_task(_holder(lock, "rani sharma", "b", log, asyncio.Event()))
    await asyncio.wait_for(asyncio.gather(first, second), HANG_GUARD)
    assert log == ["a in", "a out", "b in", "b out"]


async def test_other_employees_are_not_held_up(lock: EmployeeLock) -> None:
    # Would wait forever if keys shared one lock: the guard turns that into a failure.
    async with lock.hold("rani sharma"), asyncio.timeout(HANG_GUARD), lock.hold("arjun mehta"):
        pass


async def test_an_error_inside_releases_the_lock(lock: EmployeeLock) -> None:
    with pytest.raises(RuntimeError):
        async with lock.hold("rani sharma"):
            raise RuntimeError("the batch failed")
    async with asyncio.timeout(HANG_GUARD), lock.hold("rani sharma"):
        pass


async def test_the_asyncio_lock_forgets_keys_nobody_holds() -> None:
    lock = AsyncioEmployeeLock()
    log: list[str] = []
    first_in = asyncio.Event()
    first = asyncio.create_task(_holder(lock, "k", "a", log, first_in))
    await first_in.wait()
    assert lock.in_use() == 1
    await asyncio.gather(first, _holder(lock, "k", "b", log, asyncio.Event()))
    assert lock.in_use() == 0


async def test_two_redis_locks_on_one_server_exclude_each_other(redis_server: str) -> None:  # noqa: F811
    """Two processes' worth of locks (separate clients), one Redis: still one holder at a time."""
    url = next_database(redis_server)
    one, two = RedisEmployeeLock(url), RedisEmployeeLock(url)
    try:
        log: list[str] = []
        first_in = asyncio.Event()
        first = asyncio.create_task(_holder(one, "rani sharma", "a", log, first_in))
        await asyncio.wait_for(first_in.wait(), HANG_GUARD)
        second = asyncio.create_task(_holder(two, "rani sharma", "b", log, asyncio.Event()))
        await asyncio.wait_for(asyncio.gather(first, second), HANG_GUARD)
        assert log == ["a in", "a out", "b in", "b out"]
    finally:
        await one.close()
        await two.close()


async def test_an_unreachable_redis_is_a_store_failure_not_a_free_pass() -> None:
    lock = RedisEmployeeLock(f"redis://127.0.0.1:{free_port()}/0")
    try:
        with pytest.raises(StoreUnavailable):
            async with lock.hold("rani sharma"):
                pytest.fail("entered without the lock")
    finally:
        await lock.close()

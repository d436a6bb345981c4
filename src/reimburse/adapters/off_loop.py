"""Running blocking work off the event loop: in the given executor (the process pool, for CPU-bound
pure Python), else in a thread, so the loop keeps answering requests while it runs."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Executor
from typing import TypeVar

T = TypeVar("T")


async def off_loop(executor: Executor | None, fn: Callable[..., T], *args: object) -> T:
    if executor is None:
        return await asyncio.to_thread(fn, *args)
    return await asyncio.get_running_loop().run_in_executor(executor, fn, *args)

"""Server-Sent Events framing: `data: {"type","data","timestamp"}` lines and `: ping` keep-alives."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import msgspec

from reimburse.http.wire import encoder

PING = b": ping\n\n"
_DONE = object()


class Envelope(msgspec.Struct, frozen=True):
    type: str
    data: Any
    timestamp: datetime


def frame(kind: str, data: Any) -> bytes:
    return b"data: " + encoder.encode(Envelope(kind, data, datetime.now(UTC))) + b"\n\n"


async def with_pings(frames: AsyncIterator[bytes], every: float) -> AsyncIterator[bytes]:
    """Yields the frames, and a ping whenever none came for `every` seconds.

    The source runs in its own task so a ping never cancels work in progress; when the client
    goes away this generator is closed and the task (and the work under it) is cancelled.
    """
    queue: asyncio.Queue[object] = asyncio.Queue(maxsize=64)

    async def pump() -> None:
        try:
            async for item in frames:
                await queue.put(item)
        except BaseException as exc:  # surfaced to the consumer, which decides
            await queue.put(exc)
            raise
        finally:
            with contextlib.suppress(Exception):
                queue.put_nowait(_DONE)

    task = asyncio.create_task(pump())
    try:
        while True:
            try:
                item = await asyncio.wait_for(queue.get(), timeout=every)
            except TimeoutError:
                yield PING
                continue
            if item is _DONE:
                break
            if isinstance(item, BaseException):
                raise item
            assert isinstance(item, bytes)
            yield item
    finally:
        task.cancel()
        with contextlib.suppress(BaseException):
            await task

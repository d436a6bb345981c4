"""A cross-process gate between the embedded store's writers and a backup of DATA_DIR.

Every write to an Edge shard (apply + WAL fsync) and every checkpoint flush hold the gate shared;
a backup holds it exclusive, so while it copies no write is half-applied and every acknowledged
write is already on disk.
Two flock files give the backup priority: writers pass the `intent` file on the way in, so a
waiting backup is not starved by a stream of overlapping writes. flock works across processes
and containers that share the volume, and the kernel drops it when the holder dies.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

GATE_FILE = ".write-gate"
INTENT_FILE = ".write-intent"


class WriteGate:
    def __init__(self, data_dir: str | Path) -> None:
        root = Path(data_dir)
        self._gate = root / GATE_FILE
        self._intent = root / INTENT_FILE

    def _open(self, path: Path) -> int:
        path.parent.mkdir(parents=True, exist_ok=True)
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)

    def enter_shared(self) -> int:
        """Blocks while a backup holds the gate; returns the descriptor to pass to leave()."""
        intent = self._open(self._intent)
        try:
            fcntl.flock(intent, fcntl.LOCK_SH)
            gate = self._open(self._gate)
            fcntl.flock(gate, fcntl.LOCK_SH)
        finally:
            os.close(intent)  # closing drops the intent lock
        return gate

    @staticmethod
    def leave(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)

    @contextlib.contextmanager
    def shared_sync(self) -> Iterator[None]:
        fd = self.enter_shared()
        try:
            yield
        finally:
            self.leave(fd)

    @contextlib.asynccontextmanager
    async def shared(self) -> AsyncIterator[None]:
        pending = asyncio.ensure_future(asyncio.to_thread(self.enter_shared))
        try:
            fd = await asyncio.shield(pending)
        except asyncio.CancelledError:
            # The thread may still get the lock after we stop waiting: release it when it does.
            pending.add_done_callback(lambda f: f.cancelled() or f.exception() or self.leave(f.result()))
            raise
        try:
            yield
        finally:
            self.leave(fd)

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        """Waits for in-flight writes to finish and holds off new ones until the block ends."""
        intent = self._open(self._intent)
        gate = -1
        try:
            fcntl.flock(intent, fcntl.LOCK_EX)
            gate = self._open(self._gate)
            fcntl.flock(gate, fcntl.LOCK_EX)
            yield
        finally:
            if gate >= 0:
                self.leave(gate)
            self.leave(intent)

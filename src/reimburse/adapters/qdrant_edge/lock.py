"""An exclusive, process-wide lock on a data directory: the embedded shard is single-process."""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path

from reimburse.domain.errors import StoreUnavailable


class StoreLocked(StoreUnavailable):
    """Another process (or another store in this process) already has the shard open."""

    code = "StoreLocked"


class DirectoryLock:
    """fcntl.flock on `<path>`; the kernel drops it when the holder dies, even on SIGKILL."""

    def __init__(self, path: Path, what: Path) -> None:
        self._path = path
        self._what = what
        self._fd: int | None = None

    def acquire(self) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_pid(fd)
            os.close(fd)
            raise StoreLocked(_message(self._what, holder)) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _read_pid(fd: int) -> int | None:
    try:
        raw = os.pread(fd, 32, 0).decode().strip()
        return int(raw) if raw else None
    except (OSError, ValueError):
        return None


def _message(what: Path, holder: int | None) -> str:
    if holder == os.getpid():
        who = f"already open in this process (pid {holder})"
    else:
        who = f"in use by another process (pid {holder if holder is not None else 'unknown'})"
    return (
        f"data dir {what} is {who}; the embedded store is single-process — run one worker or set QDRANT_URL"
    )

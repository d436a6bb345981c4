"""The write gate: writers share it, a backup holds it alone (checked with non-blocking probes)."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import pytest

from reimburse.adapters.qdrant_edge.write_gate import GATE_FILE, INTENT_FILE, WriteGate


def _can_lock(path: Path, mode: int) -> bool:
    fd = os.open(path, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, mode | fcntl.LOCK_NB)
        fcntl.flock(fd, fcntl.LOCK_UN)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(fd)


def test_writers_share_the_gate_and_keep_a_backup_out(tmp_path: Path) -> None:
    gate = WriteGate(tmp_path)
    with gate.shared_sync(), gate.shared_sync():  # two writers at once
        assert _can_lock(tmp_path / GATE_FILE, fcntl.LOCK_SH)
        assert not _can_lock(tmp_path / GATE_FILE, fcntl.LOCK_EX)
        assert _can_lock(tmp_path / INTENT_FILE, fcntl.LOCK_EX), "a writer holds the intent only on entry"
    assert _can_lock(tmp_path / GATE_FILE, fcntl.LOCK_EX)


def test_a_backup_keeps_writers_out_and_announces_itself(tmp_path: Path) -> None:
    gate = WriteGate(tmp_path)
    with gate.exclusive():
        assert not _can_lock(tmp_path / GATE_FILE, fcntl.LOCK_SH)
        assert not _can_lock(tmp_path / INTENT_FILE, fcntl.LOCK_SH), "new writers wait at the intent"
    assert _can_lock(tmp_path / GATE_FILE, fcntl.LOCK_SH)
    assert _can_lock(tmp_path / INTENT_FILE, fcntl.LOCK_EX)


async def test_the_async_gate_is_released_when_the_block_fails(tmp_path: Path) -> None:
    gate = WriteGate(tmp_path)
    with pytest.raises(RuntimeError):
        async with gate.shared():
            assert not _can_lock(tmp_path / GATE_FILE, fcntl.LOCK_EX)
            raise RuntimeError("write failed")
    assert _can_lock(tmp_path / GATE_FILE, fcntl.LOCK_EX)

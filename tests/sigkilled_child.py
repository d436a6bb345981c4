"""A Python child that prints a line per step and "ready" at the end, then is SIGKILLed: what it
acknowledged before the kill must be found by whoever opens its data afterwards."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def lines_before_sigkill(code: str, *args: str) -> list[str]:
    """Runs `code` from the repository root, reads its lines up to "ready", SIGKILLs and reaps it,
    and returns the lines it printed before "ready"."""
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        seen: list[str] = []
        for line in child.stdout:
            if line.strip() == "ready":
                os.kill(child.pid, signal.SIGKILL)
                return seen
            seen.append(line.strip())
        raise AssertionError(f"the child ended early: {seen} {child.stderr.read() if child.stderr else ''}")
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=10)

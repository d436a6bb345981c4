"""Session-level check: the run fails if a process the suite started is still alive at its end.

"Started by the suite" means a descendant of the pytest process, including one that outlived its
own parent and was reparented to init (the workers of a SIGKILLed server): each run puts a mark
of its own in the environment every child inherits, and the check looks for that mark as well as
walking the process tree. What it finds is listed, then killed, so a failing run cleans up too.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
import uuid
from pathlib import Path

import pytest

MARK_NAME = "REIMBURSE_TEST_RUN"
SETTLE_SECONDS = 20.0  # a worker whose server was just killed needs a moment to notice


def _processes() -> dict[int, int]:
    """pid -> parent pid of every live (non-zombie) process."""
    found: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[0] != "Z":
            found[int(stat.parent.name)] = int(fields[1])
    return found


def _marked(pid: int, mark: bytes) -> bool:
    try:
        return mark in Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    except OSError:  # gone, or not ours to read
        return False


def leftovers(root: int, mark: str) -> dict[int, str]:
    """Live processes descending from `root` or carrying `mark`, pid -> command line."""
    parents = _processes()
    children: dict[int, list[int]] = {}
    for pid, ppid in parents.items():
        children.setdefault(ppid, []).append(pid)
    found: set[int] = set()
    stack = list(children.get(root, []))
    while stack:
        pid = stack.pop()
        found.add(pid)
        stack.extend(children.get(pid, []))
    needle = f"{MARK_NAME}={mark}".encode()
    found |= {pid for pid in parents if pid != root and _marked(pid, needle)}
    described: dict[int, str] = {}
    for pid in sorted(found):
        with contextlib.suppress(OSError):
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            described[pid] = cmdline.strip()[:200]
    return described


def pytest_sessionstart(session: pytest.Session) -> None:
    os.environ[MARK_NAME] = f"{os.getpid()}-{uuid.uuid4().hex}"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    from reimburse.adapters.process_pool import stop_resource_tracker

    mark = os.environ.get(MARK_NAME, "")
    stop_resource_tracker()  # ours, started by the in-process pools; it ends once their workers have
    deadline = time.monotonic() + SETTLE_SECONDS
    left = leftovers(os.getpid(), mark)
    while left and time.monotonic() < deadline:
        time.sleep(0.2)
        left = leftovers(os.getpid(), mark)
    if not left:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    lines = [f"{len(left)} process(es) started by the test suite are still alive at its end:"]
    lines += [f"  {pid}: {cmd}" for pid, cmd in left.items()]
    for pid in left:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)
    lines.append("(killed them; fix the test or fixture that started them)")
    if reporter is not None:
        reporter.write_line("\n" + "\n".join(lines), red=True)
    else:
        print("\n".join(lines))
    session.exitstatus = pytest.ExitCode.TESTS_FAILED

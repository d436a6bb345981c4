"""The PDF worker pool: a dead worker costs one file, shutdown is bounded, and workers die with
the process that started them (by the kernel's parent-death signal and by the watcher thread,
each proven on its own)."""

from __future__ import annotations

import functools
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from reimburse.adapters.process_pool import RestartingProcessPool, TaskOverrun
from tests.server_process import kill_session, session_members, wait_session_empty

ROOT = Path(__file__).resolve().parents[2]


def _die() -> None:
    os._exit(3)


def _square(x: int) -> int:
    return x * x


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_pool_survives_a_dead_worker() -> None:
    pool = RestartingProcessPool(1)
    try:
        assert pool.submit(_square, 3).result(timeout=60) == 9
        with pytest.raises(BrokenProcessPool):
            pool.submit(_die).result(timeout=60)
        assert pool.submit(_square, 4).result(timeout=60) == 16
        assert pool.restarts == 1
    finally:
        pool.shutdown(wait=True)


def test_idle_workers_stop_on_shutdown_without_being_killed() -> None:
    # A generous bound: idle workers stop at once on their sentinel, but on a loaded machine
    # (load 11 once) that took over the 5 s default and they were killed instead.
    pool = RestartingProcessPool(2, stop_timeout=60)
    assert [f.result(timeout=60) for f in [pool.submit(_square, n) for n in range(4)]] == [0, 1, 4, 9]
    pids = pool.worker_pids()
    assert pids
    pool.shutdown(wait=True)
    assert pool.killed_at_shutdown == 0
    assert not [pid for pid in pids if _alive(pid)]
    pool.shutdown(wait=True)  # a second call (the CLI's safety net) is harmless


def test_shutdown_kills_a_worker_still_busy_after_the_bound() -> None:
    pool = RestartingProcessPool(1, stop_timeout=0.5)
    pool.submit(time.sleep, 600)
    pids = pool.worker_pids()
    assert len(pids) == 1
    pool.shutdown(wait=True, cancel_futures=True)  # returns instead of waiting 600 s
    assert pool.killed_at_shutdown == 1
    assert not _alive(pids[0])


def _gone(pid: int) -> bool:
    """Whether pid has exited (a SIGKILLed process closes its pipes a moment before it is a zombie)."""
    deadline = time.monotonic() + 15
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.01)
    return not _alive(pid)


def _spin() -> None:
    while True:  # pure Python, as pdfminer's endless resolve loop
        pass


def _slow_square(x: int) -> int:
    time.sleep(0.3)
    return x * x


@pytest.mark.parametrize("stuck", [_spin, functools.partial(time.sleep, 600)], ids=["python-loop", "c-call"])
def test_a_task_past_its_budget_is_stopped_and_its_worker_replaced(stuck: Callable[[], None]) -> None:
    pool = RestartingProcessPool(1, task_seconds=1.0)
    try:
        worker = pool.submit(os.getpid).result(timeout=60)
        with pytest.raises(TaskOverrun) as overrun:
            pool.submit(stuck).result(timeout=120)  # the bound only keeps a broken watchdog from hanging
        assert overrun.value.seconds == 1.0 and isinstance(overrun.value, TimeoutError)
        assert pool.overruns == 1 and _gone(worker)
        assert pool.submit(_square, 5).result(timeout=60) == 25  # a fresh worker
        assert pool.submit(os.getpid).result(timeout=60) != worker
    finally:
        pool.shutdown(wait=True)


def test_tasks_broken_by_anothers_overrun_are_run_again() -> None:
    pool = RestartingProcessPool(2, task_seconds=1.0)
    try:
        stuck = pool.submit(_spin)
        others = [pool.submit(_slow_square, n) for n in range(8)]  # some queued or running at the kill
        with pytest.raises(TaskOverrun):
            stuck.result(timeout=120)
        assert [f.result(timeout=120) for f in others] == [n * n for n in range(8)]
        assert pool.overruns == 1
    finally:
        pool.shutdown(wait=True)


def test_a_task_within_its_budget_is_untouched() -> None:
    pool = RestartingProcessPool(1, task_seconds=30.0)
    try:
        assert [pool.submit(_slow_square, n).result(timeout=60) for n in range(3)] == [0, 1, 4]
        assert pool.overruns == 0 and pool.restarts == 0
    finally:
        pool.shutdown(wait=True)


def test_workers_leave_ctrl_c_to_their_parent() -> None:
    pool = RestartingProcessPool(1)
    try:
        worker = pool.submit(os.getpid).result(timeout=60)  # the initializer ran before this task
        status = Path(f"/proc/{worker}/status").read_text()
        ignored = int(next(line for line in status.splitlines() if line.startswith("SigIgn:")).split()[1], 16)
        assert ignored & (1 << (signal.SIGINT - 1))
    finally:
        pool.shutdown(wait=True)


def test_worker_outlives_the_thread_that_started_it() -> None:
    # The kernel sends the parent-death signal when the *thread* that forked the worker ends, not
    # only when the process does; a worker must not take that for its parent's death.
    pool = RestartingProcessPool(1)
    try:
        started: list[int] = []
        thread = threading.Thread(target=lambda: started.append(pool.submit(os.getpid).result(timeout=60)))
        thread.start()
        native_id = thread.native_id
        thread.join()
        deadline = time.monotonic() + 15
        while Path(f"/proc/self/task/{native_id}").exists():  # gone from the kernel, signal sent
            assert time.monotonic() < deadline
            time.sleep(0.01)
        assert pool.submit(os.getpid).result(timeout=60) == started[0]
        assert pool.restarts == 0
    finally:
        pool.shutdown(wait=True)


# A parent that starts one worker with the given initializer, prints the worker's pid, and waits.
PARENT = textwrap.dedent(
    """
    import multiprocessing, os, sys, time
    from concurrent.futures import ProcessPoolExecutor
    from reimburse.adapters import process_pool

    if sys.argv[1] == "pool":
        pool = process_pool.RestartingProcessPool(1)
    else:
        pool = ProcessPoolExecutor(
            1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=getattr(process_pool, sys.argv[1]),
            initargs=(os.getpid(),),
        )
    print(pool.submit(os.getpid).result(), flush=True)
    time.sleep(600)
    """
)


@pytest.mark.parametrize("initializer", ["pool", "arm_parent_death_signal", "start_parent_watch"])
def test_worker_exits_when_its_parent_is_sigkilled(initializer: str) -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, initializer],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,  # the worker and the resource tracker stay in this session
    )
    try:
        assert parent.stdout is not None
        worker = int(parent.stdout.readline())
        assert worker in session_members(parent.pid)
        os.kill(parent.pid, signal.SIGKILL)  # no cleanup runs in the parent
        parent.wait(timeout=15)
        gone = wait_session_empty(parent.pid, timeout=15)
        assert gone is not None, f"still alive 15 s after the parent died: {session_members(parent.pid)}"
        print(f"{initializer}: worker and resource tracker gone {gone:.2f} s after SIGKILL")
    finally:
        kill_session(parent.pid)
        parent.wait(timeout=15)

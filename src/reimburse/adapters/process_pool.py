"""A process pool that replaces itself when a worker dies, stops within a bound, whose workers
die with the process that started them, and (with a task budget) kills a task that overruns it.

Every pool of worker processes in this service (PDF reading now, OCR once it exists) is a
RestartingProcessPool, so each worker runs `die_with_parent` before its first task.
"""

from __future__ import annotations

import contextlib
import ctypes
import itertools
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

log = logging.getLogger("reimburse")

STOP_TIMEOUT_SECONDS = 5.0  # how long shutdown(wait=True) lets busy workers finish before killing them
PARENT_CHECK_SECONDS = 0.5  # the watcher thread's polling interval
_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
# Not SIGTERM: the pool's own terminate() sends that, and it must keep its default (deadly) action.
_PARENT_DEATH_SIGNAL = signal.SIGUSR1
WORKER_NICENESS = 10  # added to the workers' nice value: the API process comes first
RETRIES_AFTER_OVERRUN = 2  # a task that failed only because another one's worker was killed is run again


class TaskOverrun(TimeoutError):
    """The task ran past its budget; its worker was killed and the pool replaced."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"the task ran longer than {seconds:g} s and was stopped")
        self.seconds = seconds


# The board, in shared memory, so the parent sees which worker runs which task since when: first
# one pid per slot (written by the parent only, as it starts workers), then per slot the task id
# and its start on the machine-wide monotonic clock (written by that slot's worker only).
# One writer per field: no lock (a multiprocessing lock is a named semaphore a killed worker
# leaves behind).
_SLOT_FIELDS = 2
_board: Any = None
_slot = -1
SLOT_LOOKUP_SECONDS = 2.0  # a worker waits at most this long, once, for the parent to list its pid


def _init_worker(parent_pid: int, board: Any) -> None:
    global _board
    die_with_parent(parent_pid)
    _lower_priority()
    _board = board


def _lower_priority() -> None:
    """Batch reading yields the CPU to the process serving requests: on a machine with as many
    cores as workers, a listing must not wait behind the PDFs of a big batch (issue 15)."""
    with contextlib.suppress(OSError):
        os.nice(WORKER_NICENESS)


def _my_slot() -> int:
    global _slot
    if _slot < 0 and _board is not None:
        slots = len(_board) // (1 + _SLOT_FIELDS)
        deadline = time.monotonic() + SLOT_LOOKUP_SECONDS
        while _slot < 0 and time.monotonic() < deadline:
            _slot = next((i for i in range(slots) if int(_board[i]) == os.getpid()), -1)
            if _slot < 0:
                time.sleep(0.01)
    return _slot


def _run_timed(task_id: int, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    slot = _my_slot()
    if slot < 0:  # not listed in time: this task runs without a budget
        return fn(*args, **kwargs)
    at = len(_board) // (1 + _SLOT_FIELDS) + slot * _SLOT_FIELDS
    _board[at + 1] = time.monotonic()
    _board[at] = task_id  # written last: a reader that sees the id sees its start
    try:
        return fn(*args, **kwargs)
    finally:
        _board[at] = 0


def die_with_parent(parent_pid: int) -> None:
    """Pool initializer: this worker exits within about a second of its parent dying, even by SIGKILL.

    Spawned workers hold both ends of their task pipe, so they would never see EOF and would
    live on, reparented to init. Two mechanisms, because either alone has a gap: the kernel's
    parent-death signal is immediate but Linux-only, and it fires when the *thread* that started
    the worker exits, so its handler checks the parent really is gone; the watcher thread works
    everywhere and also covers a parent that died before this function ran.
    """
    # Ctrl-C reaches the whole foreground process group; the parent decides when workers stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    arm_parent_death_signal(parent_pid)
    start_parent_watch(parent_pid)


def _exit_if_orphaned(parent_pid: int) -> None:
    if os.getppid() != parent_pid:  # reparented: the parent is gone
        os._exit(1)


def arm_parent_death_signal(parent_pid: int) -> bool:
    """PR_SET_PDEATHSIG on Linux; returns whether it was armed."""
    if not sys.platform.startswith("linux"):
        return False
    signal.signal(_PARENT_DEATH_SIGNAL, lambda *_: _exit_if_orphaned(parent_pid))
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_PDEATHSIG, int(_PARENT_DEATH_SIGNAL), 0, 0, 0) != 0:
        return False
    _exit_if_orphaned(parent_pid)  # the parent may have died before prctl: no signal comes then
    return True


def start_parent_watch(parent_pid: int) -> threading.Thread:
    def watch() -> None:
        while True:
            _exit_if_orphaned(parent_pid)
            time.sleep(PARENT_CHECK_SECONDS)

    thread = threading.Thread(target=watch, name="parent-watch", daemon=True)
    thread.start()
    return thread


def stop_resource_tracker(timeout: float = 5.0) -> bool:
    """Stops multiprocessing's resource tracker (started with the first spawned worker) and reaps it.

    Call after the pools are shut down: the tracker ends when every holder of its pipe (this
    process and each worker) has closed it. Returns False if it did not end within `timeout`.
    """
    from multiprocessing import resource_tracker

    stop = getattr(getattr(resource_tracker, "_resource_tracker", None), "_stop", None)
    if stop is None:
        return False
    # _stop() waits for the tracker without a bound, so it runs where a wait can be abandoned
    thread = threading.Thread(target=stop, name="resource-tracker-stop", daemon=True)
    thread.start()
    thread.join(timeout)
    return not thread.is_alive()


class RestartingProcessPool(Executor):
    """task_seconds: each task's budget, counted from when a worker starts it. A watchdog thread
    kills the worker of a task that overruns; that task fails with TaskOverrun, and the others the
    broken pool failed with it are run again on the replacement pool."""

    def __init__(
        self, workers: int, stop_timeout: float = STOP_TIMEOUT_SECONDS, task_seconds: float | None = None
    ) -> None:
        self._workers = workers
        self._stop_timeout = stop_timeout
        self._task_seconds = task_seconds if task_seconds and task_seconds > 0 else None
        self._lock = threading.Lock()
        self._task_ids = itertools.count(1)
        self._overran: set[int] = set()
        self._board: Any = None
        self._closed = threading.Event()
        self._pool = self._new()
        self.restarts = 0
        self.killed_at_shutdown = 0
        self.overruns = 0
        if self._task_seconds is not None:
            threading.Thread(target=self._watch, name="pool-watchdog", daemon=True).start()

    def _new(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("spawn")
        # spawn: workers must not inherit the store's lock or the event loop's threads
        if self._task_seconds is None:
            return ProcessPoolExecutor(
                max_workers=self._workers,
                mp_context=context,
                initializer=_init_worker,
                initargs=(os.getpid(), None),
            )
        self._board = context.RawArray("d", self._workers * (1 + _SLOT_FIELDS))
        return ProcessPoolExecutor(
            max_workers=self._workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(os.getpid(), self._board),
        )

    def _list_workers(self, pool: ProcessPoolExecutor) -> None:
        """Writes the pids of workers started since the last call into free slots of the board."""
        with self._lock:
            board = self._board
            if board is None or pool is not self._pool:
                return
            slots = len(board) // (1 + _SLOT_FIELDS)
            listed = {int(board[i]) for i in range(slots)}
            for pid in getattr(pool, "_processes", None) or {}:
                if pid not in listed:
                    free = next((i for i in range(slots) if not board[i]), None)
                    if free is not None:
                        board[free] = pid

    def _submit_raw(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        with self._lock:
            pool = self._pool
        try:
            future = pool.submit(fn, *args, **kwargs)
        except BrokenProcessPool:
            with self._lock:
                if self._pool is pool:  # first to notice replaces it; the others reuse the new one
                    self._pool = self._new()
                    self.restarts += 1
                    pool.shutdown(wait=False, cancel_futures=True)  # a broken pool kills its own workers
                pool = self._pool
            future = pool.submit(fn, *args, **kwargs)
        self._list_workers(pool)  # submit() starts the workers it needs, so their pids are known now
        return future

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        if self._task_seconds is None:
            return self._submit_raw(fn, *args, **kwargs)
        outer: Future[Any] = Future()
        self._attempt(outer, RETRIES_AFTER_OVERRUN, fn, args, kwargs)
        return outer

    def _attempt(
        self, outer: Future[Any], retries: int, fn: Callable[..., Any], args: Any, kwargs: Any
    ) -> None:
        task_id, kills_before = next(self._task_ids), self.overruns

        def settle(inner: Future[Any]) -> None:
            if outer.done():  # the caller cancelled it
                return
            if inner.cancelled():
                outer.cancel()
                return
            error = inner.exception()
            if error is None:
                outer.set_result(inner.result())
            elif task_id in self._overran:
                self._overran.discard(task_id)
                outer.set_exception(TaskOverrun(self._task_seconds or 0))
            elif isinstance(error, BrokenProcessPool) and self.overruns > kills_before and retries > 0:
                self._attempt(outer, retries - 1, fn, args, kwargs)  # broken by another task's kill
            else:
                outer.set_exception(error)

        try:
            self._submit_raw(_run_timed, task_id, fn, *args, **kwargs).add_done_callback(settle)
        except Exception as exc:  # shut down, or the replacement broke too
            outer.set_exception(exc)

    def _watch(self) -> None:
        assert self._task_seconds is not None
        budget = self._task_seconds
        while not self._closed.wait(min(0.25, budget / 4)):
            with self._lock:
                board = self._board
            now, slots = time.monotonic(), len(board) // (1 + _SLOT_FIELDS)
            for slot in range(slots):
                at = slots + slot * _SLOT_FIELDS
                task_id, started, pid = int(board[at]), board[at + 1], int(board[slot])
                if not task_id or now - started <= budget or int(board[at]) != task_id:
                    continue
                with self._lock:
                    if task_id in self._overran:
                        continue
                    self._overran.add(task_id)
                    self.overruns += 1
                log.warning("a task ran longer than %g s: killing worker %d", budget, pid)
                # the pool breaks: settle() fails this task and reruns the others it took down
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)

    def worker_pids(self) -> list[int]:
        with self._lock:
            processes = getattr(self._pool, "_processes", None) or {}
            return sorted(processes)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """wait=True: waits up to stop_timeout for the tasks already running, then kills the workers
        still busy, and returns once they are reaped. Safe to call more than once."""
        self._closed.set()
        with self._lock:
            pool = self._pool
            # the only handles on the workers; shutdown() drops them
            manager: threading.Thread | None = getattr(pool, "_executor_manager_thread", None)
            processes = list((getattr(pool, "_processes", None) or {}).values())
            pool.shutdown(wait=False, cancel_futures=cancel_futures)
        if not wait:
            return
        if manager is not None:
            manager.join(self._stop_timeout)  # it sends each worker its stop sentinel and joins them
        busy = [p for p in processes if p.is_alive()]
        for process in busy:
            process.kill()
        for process in processes:
            process.join(self._stop_timeout)
        if manager is not None:
            manager.join(self._stop_timeout)
        if busy:
            self.killed_at_shutdown += len(busy)
            log.warning("killed %d worker(s) still busy %.0f s after shutdown", len(busy), self._stop_timeout)

"""A process pool that replaces itself when a worker dies, stops within a bound, and whose workers
die with the process that started them.

Every pool of worker processes in this service (PDF reading now, OCR once it exists) is a
RestartingProcessPool, so each worker runs `die_with_parent` before its first task.
"""

from __future__ import annotations

import ctypes
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
    def __init__(self, workers: int, stop_timeout: float = STOP_TIMEOUT_SECONDS) -> None:
        self._workers = workers
        self._stop_timeout = stop_timeout
        self._lock = threading.Lock()
        self._pool = self._new()
        self.restarts = 0
        self.killed_at_shutdown = 0

    def _new(self) -> ProcessPoolExecutor:
        # spawn: workers must not inherit the store's lock or the event loop's threads
        return ProcessPoolExecutor(
            max_workers=self._workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=die_with_parent,
            initargs=(os.getpid(),),
        )

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        with self._lock:
            pool = self._pool
        try:
            return pool.submit(fn, *args, **kwargs)
        except BrokenProcessPool:
            with self._lock:
                if self._pool is pool:  # first to notice replaces it; the others reuse the new one
                    self._pool = self._new()
                    self.restarts += 1
                    pool.shutdown(wait=False, cancel_futures=True)  # a broken pool kills its own workers
                pool = self._pool
            return pool.submit(fn, *args, **kwargs)

    def worker_pids(self) -> list[int]:
        with self._lock:
            processes = getattr(self._pool, "_processes", None) or {}
            return sorted(processes)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """wait=True: waits up to stop_timeout for the tasks already running, then kills the workers
        still busy, and returns once they are reaped. Safe to call more than once."""
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

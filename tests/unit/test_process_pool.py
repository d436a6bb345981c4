"""A worker that dies takes its own file down, not the pool: the next submission gets a new pool."""

from __future__ import annotations

import os
from concurrent.futures.process import BrokenProcessPool

import pytest

from reimburse.adapters.process_pool import RestartingProcessPool


def _die() -> None:
    os._exit(3)


def _square(x: int) -> int:
    return x * x


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

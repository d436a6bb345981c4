"""The store contract suites' one fixture: each test runs once per backend (store_backends.BACKENDS)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.contract.store_backends import BACKENDS, StoreFactory


@pytest.fixture(params=BACKENDS)
async def stores(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[StoreFactory]:
    factory = StoreFactory(request.param, tmp_path)
    yield factory
    await factory.aclose()

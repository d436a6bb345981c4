"""The Edge policy store keeps the latest policy between saves (chat asks for it on every question);
a read that a save overtakes is never kept."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from reimburse.adapters.qdrant_edge import QdrantEdgePolicyStore
from reimburse.domain.verdict.policy import Policy
from tests.contract.test_policy_store_contract import policy


async def test_a_read_overtaken_by_a_save_is_not_kept(tmp_path: Path) -> None:
    store = QdrantEdgePolicyStore(tmp_path)
    try:
        await store.save(policy("pol-a"))
        read = store._read_latest
        started, resume = threading.Event(), threading.Event()

        def slow_read() -> Policy | None:
            found = read()  # sees pol-a
            started.set()
            resume.wait(timeout=30)
            return found

        store._read_latest = slow_read  # type: ignore[method-assign]
        racing = asyncio.ensure_future(store.latest())
        await asyncio.to_thread(started.wait, 30)
        await store.save(policy("pol-b"))
        resume.set()
        assert (await racing) == policy("pol-a")  # what it read, but not kept
        store._read_latest = read  # type: ignore[method-assign]
        assert await store.latest() == policy("pol-b")
        reads = 0

        def counted() -> Policy | None:
            nonlocal reads
            reads += 1
            return read()

        store._read_latest = counted  # type: ignore[method-assign]
        assert await store.latest() == policy("pol-b")
        assert reads == 0  # kept since the last save: no store read per question
    finally:
        await store.close()

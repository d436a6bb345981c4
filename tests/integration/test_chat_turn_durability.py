"""A chat turn is answered before its fsync, yet a crash of the process cannot lose it.

`ChatStore.append_turn` returns once the turn is in the Edge shard's write-ahead log; the WAL's fsync
runs after. The child below stores turns with that fsync stuck (a disk that never finishes syncing)
and no checkpoint flush, says "answered" after each, and is SIGKILLed: every turn it answered must be
there when the shard is opened again.
"""

from __future__ import annotations

import asyncio
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reimburse.adapters.qdrant_edge import QdrantEdgeChatStore
from reimburse.adapters.qdrant_edge.collection import EdgeCollection
from reimburse.domain.chat.session import ChatMessage
from reimburse.domain.errors import StoreUnavailable
from tests.sigkilled_child import lines_before_sigkill

TURNS = 5
T0 = datetime(2024, 1, 1, tzinfo=UTC)

CHILD = textwrap.dedent(
    """
    import asyncio, sys, time
    from datetime import UTC, datetime
    from reimburse.adapters.qdrant_edge import QdrantEdgeChatStore
    from reimburse.adapters.qdrant_edge.collection import EdgeCollection
    from reimburse.domain.chat.session import ChatMessage

    async def never_syncs(self, seq):
        await asyncio.Event().wait()

    async def main(data_dir, turns):
        chat = QdrantEdgeChatStore(data_dir)
        await chat.append(ChatMessage("m0", "s1", "user", "before", datetime(2024, 1, 1, tzinfo=UTC)))
        EdgeCollection._sync_through = never_syncs  # from here on, nothing reaches the disk by fsync
        EdgeCollection._checkpoint_later = lambda self: None  # nor by a flush
        for i in range(turns):
            at = datetime(2024, 1, 1, 0, i + 1, tzinfo=UTC)
            await chat.append_turn([
                ChatMessage(f"q{i}", "s1", "user", f"question {i}", at),
                ChatMessage(f"a{i}", "s1", "assistant", f"answer {i}", at),
            ])
            print(f"answered {i}", flush=True)
        print("ready", flush=True)
        time.sleep(600)

    asyncio.run(main(sys.argv[1], int(sys.argv[2])))
    """
)


def test_every_answered_turn_survives_sigkill_before_its_fsync(tmp_path: Path) -> None:
    answered = lines_before_sigkill(CHILD, str(tmp_path), str(TURNS))
    assert answered == [f"answered {i}" for i in range(TURNS)]  # append_turn never waited on the fsync

    async def read() -> list[str]:
        chat = QdrantEdgeChatStore(tmp_path)
        try:
            return [m.message_id for m in await chat.history("s1")]
        finally:
            await chat.close()

    expected = ["m0"] + [m for i in range(TURNS) for m in (f"q{i}", f"a{i}")]
    assert asyncio.run(read()) == expected


async def test_a_turn_is_synced_soon_after_and_close_waits_for_it(tmp_path: Path) -> None:
    chat = QdrantEdgeChatStore(tmp_path)
    col: EdgeCollection = chat._col
    release = asyncio.Event()
    sync_through = EdgeCollection._sync_through

    async def slow_sync(self: EdgeCollection, seq: int) -> None:
        await release.wait()
        await sync_through(self, seq)

    col._sync_through = slow_sync.__get__(col)  # type: ignore[method-assign]
    closed_when_synced: list[bool] = []
    close = col.close

    def noted_close() -> None:
        closed_when_synced.append(col._synced == col._applied)
        close()

    col.close = noted_close  # type: ignore[method-assign]
    try:
        await chat.append_turn([ChatMessage("q", "s", "user", "hi", T0)])  # returns, fsync still waiting
        assert col._synced < col._applied and len(col._background) == 1
        closing = asyncio.ensure_future(chat.close())
        release.set()
        await closing
    finally:
        release.set()
    assert closed_when_synced == [True]  # close() waited for the turn's fsync before closing the shard
    again = QdrantEdgeChatStore(tmp_path)
    try:
        assert [m.message_id for m in await again.history("s")] == ["q"]
    finally:
        await again.close()


async def test_a_turn_that_cannot_be_applied_fails_the_call(tmp_path: Path) -> None:
    chat = QdrantEdgeChatStore(tmp_path)
    try:
        col: EdgeCollection = chat._col
        shard = col._shard

        class Broken:
            def update(self, op: object) -> None:
                raise OSError("No space left on device")

        col._shard = Broken()  # type: ignore[assignment]
        with pytest.raises(StoreUnavailable, match="write failed"):
            await chat.append_turn([ChatMessage("q", "s", "user", "hi", T0)])
        col._shard = shard
        assert await chat.history("s") == []
        assert not col._background
    finally:
        await chat.close()

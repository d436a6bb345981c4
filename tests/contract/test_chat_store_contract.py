"""ChatStore contract: one suite, every backend (fake, Edge, qdrant-client local, real server)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from reimburse.domain.chat.session import ChatMessage, Intent, Source
from reimburse.domain.filters import InvoiceFilter
from reimburse.ports.chat_store import ChatStore
from tests.contract.store_backends import StoreFactory

T0 = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def store(stores: StoreFactory) -> ChatStore:
    return stores.chats()


def msg(message_id: str, session_id: str, seconds: float, role: str = "user", **kw: object) -> ChatMessage:
    return ChatMessage(
        message_id=message_id,
        session_id=session_id,
        role=role,
        content=f"content of {message_id}",
        timestamp=T0 + timedelta(seconds=seconds),
        **kw,  # type: ignore[arg-type]
    )


async def test_history_is_oldest_first_and_per_session(store: ChatStore) -> None:
    # appended out of time order: history must sort by timestamp, not insertion
    await store.append(msg("m3", "s1", 30, "assistant"))
    await store.append(msg("m1", "s1", 10))
    await store.append(msg("x1", "s2", 5))
    await store.append(msg("m2", "s1", 20, "assistant"))
    assert [m.message_id for m in await store.history("s1")] == ["m1", "m2", "m3"]
    assert [m.message_id for m in await store.history("s2")] == ["x1"]
    assert await store.history("unknown") == []


async def test_equal_timestamps_keep_append_order(store: ChatStore) -> None:
    for i in range(6):
        await store.append(msg(f"t{i}", "s1", 0, "user" if i % 2 == 0 else "assistant"))
    assert [m.message_id for m in await store.history("s1")] == [f"t{i}" for i in range(6)]


async def test_message_round_trips_exactly(store: ChatStore) -> None:
    full = msg(
        "a1",
        "s9",
        1.5,
        "assistant",
        owner="user-7",
        sources=(Source("inv-1", "taxi.pdf", "Rani", "declined", 0.8125, "Taxi ride ₹540"),),
        intent=Intent.SUM.value,
        filters=InvoiceFilter(
            employee_names=("Rani",),
            statuses=("declined",),
            date_from=date(2024, 1, 1),
            max_amount=Decimal("1000.50"),
            review_required=False,
        ),
    )
    await store.append(full)
    assert await store.history("s9") == [full]


async def test_reappending_a_message_id_replaces_it(store: ChatStore) -> None:
    await store.append(msg("m1", "s1", 0))
    await store.append(ChatMessage("m1", "s1", "user", "edited", T0))
    history = await store.history("s1")
    assert [m.content for m in history] == ["edited"]


async def test_delete_removes_only_that_session(store: ChatStore) -> None:
    for i in range(3):
        await store.append(msg(f"a{i}", "s1", i))
    await store.append(msg("b0", "s2", 0))
    assert await store.delete("s1") == 3
    assert await store.history("s1") == []
    assert [m.message_id for m in await store.history("s2")] == ["b0"]
    assert await store.delete("s1") == 0


async def test_history_survives_close_and_reopen(stores: StoreFactory) -> None:
    if not stores.persistent:
        pytest.skip("backend keeps data in memory only")
    first = stores.chats()
    await first.append(msg("m1", "s1", 0))
    await first.append(msg("m2", "s1", 1, "assistant"))
    await first.close()
    again = stores.chats()
    assert [m.message_id for m in await again.history("s1")] == ["m1", "m2"]


async def test_a_turn_is_readable_in_order_as_soon_as_it_is_stored(store: ChatStore) -> None:
    question = msg("q1", "s1", 0)
    answer = msg(
        "a1", "s1", 0, "assistant", sources=(Source("inv-1", "taxi.pdf", "Rani", "declined", 1.0, ""),)
    )
    await store.append_turn([question, answer])
    # equal timestamps: the turn's own order; the next turn follows it
    assert await store.history("s1") == [question, answer]
    await store.append_turn([msg("q2", "s1", 0), msg("a2", "s1", 0, "assistant")])
    assert [m.message_id for m in await store.history("s1")] == ["q1", "a1", "q2", "a2"]
    assert await store.delete("s1") == 4


async def test_a_turn_survives_close_and_reopen(stores: StoreFactory) -> None:
    if not stores.persistent:
        pytest.skip("backend keeps data in memory only")
    first = stores.chats()
    await first.append_turn([msg("q1", "s1", 0), msg("a1", "s1", 1, "assistant")])
    await first.close()  # waits for the turn's flush if it is still running
    again = stores.chats()
    assert [m.message_id for m in await again.history("s1")] == ["q1", "a1"]

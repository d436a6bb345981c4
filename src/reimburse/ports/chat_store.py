from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from reimburse.domain.chat.session import ChatMessage


class ChatStore(Protocol):
    """Chat history (the `chat_messages` collection). Writes are durable on return, except a
    turn's: see `append_turn`."""

    async def append(self, message: ChatMessage) -> None: ...

    async def append_turn(self, messages: Sequence[ChatMessage]) -> None:
        """Stores one chat turn (the question and its answer) in one write. On return the messages
        are readable and survive a crash of this process (they are in the store's write-ahead log,
        or on the server); the sync to disk that also survives a power loss may follow within a
        second, shared with other writes, so answering never waits on an fsync."""
        ...

    async def history(self, session_id: str) -> list[ChatMessage]:
        """Oldest first."""
        ...

    async def delete(self, session_id: str) -> int:
        """Removes the session's messages; returns how many were removed."""
        ...

    async def close(self) -> None: ...

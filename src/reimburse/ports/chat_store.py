from __future__ import annotations

from typing import Protocol

from reimburse.domain.chat.session import ChatMessage


class ChatStore(Protocol):
    """Chat history (the `chat_messages` collection). Writes are durable on return."""

    async def append(self, message: ChatMessage) -> None: ...

    async def history(self, session_id: str) -> list[ChatMessage]:
        """Oldest first."""
        ...

    async def delete(self, session_id: str) -> int:
        """Removes the session's messages; returns how many were removed."""
        ...

    async def close(self) -> None: ...

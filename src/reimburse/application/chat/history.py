"""Chat history: read or delete a session's turns, only for a viewer allowed to use the session."""

from __future__ import annotations

from reimburse.application.chat.messages import HistoryDeleted, HistoryEntry
from reimburse.domain.access import Viewer
from reimburse.domain.chat.session import ChatMessage
from reimburse.ports.chat_store import ChatStore


async def _owned(chats: ChatStore, viewer: Viewer, session_id: str) -> list[ChatMessage]:
    """The session's turns, or [] for an unknown, cleared or someone else's session: the three
    look the same, so ids cannot be probed (and the original clients expect 200 [] for a new one)."""
    history = await chats.history(session_id)
    if not history or not viewer.may_use_session(history[0].owner):
        return []
    return history


class GetHistory:
    def __init__(self, chats: ChatStore) -> None:
        self._chats = chats

    async def __call__(self, viewer: Viewer, session_id: str) -> list[HistoryEntry]:
        history = await _owned(self._chats, viewer, session_id)
        return [
            HistoryEntry(m.role, m.content, m.timestamp, list(m.sources) if m.sources else None)
            for m in history
        ]


class DeleteHistory:
    def __init__(self, chats: ChatStore) -> None:
        self._chats = chats

    async def __call__(self, viewer: Viewer, session_id: str) -> HistoryDeleted:
        # deleting a session with no turns (or not yours) succeeds and removes nothing: idempotent
        removed = await self._chats.delete(session_id) if await _owned(self._chats, viewer, session_id) else 0
        return HistoryDeleted(
            success=True,
            message=f"Deleted {removed} messages from chat session {session_id}",
            session_id=session_id,
            deleted_messages=removed,
        )

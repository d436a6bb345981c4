"""Chat history: read or delete a session's turns, only for a viewer allowed to use the session."""

from __future__ import annotations

from reimburse.application.chat.messages import HistoryDeleted, HistoryEntry, SessionNotFound
from reimburse.domain.access import Viewer
from reimburse.domain.chat import ChatMessage
from reimburse.ports.chat_store import ChatStore


async def _owned(chats: ChatStore, viewer: Viewer, session_id: str) -> list[ChatMessage]:
    history = await chats.history(session_id)
    # someone else's session is reported exactly like a missing one, so ids cannot be probed
    if not history or not viewer.may_use_session(history[0].owner):
        raise SessionNotFound(f"chat session {session_id} was not found")
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
        await _owned(self._chats, viewer, session_id)
        removed = await self._chats.delete(session_id)
        return HistoryDeleted(
            success=True,
            message=f"Deleted {removed} messages from chat session {session_id}",
            session_id=session_id,
            deleted_messages=removed,
        )

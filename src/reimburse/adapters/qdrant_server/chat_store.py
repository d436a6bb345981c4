"""ChatStore on a Qdrant server (the `chat_messages` collection): one point per message."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from qdrant_client import AsyncQdrantClient, models

from reimburse.adapters.qdrant_server import erasure
from reimburse.adapters.qdrant_server.collection import IN_MEMORY, QdrantConnection, ServerCollection
from reimburse.adapters.qdrant_server.filters import to_filter
from reimburse.adapters.qdrant_shared.codec import (
    CHAT_INDEXES,
    CHAT_MESSAGES,
    chat_point_id,
    chat_sort_key,
    chat_to_payload,
    next_seq,
    payload_to_chat,
)
from reimburse.adapters.qdrant_shared.filters import Equals
from reimburse.domain.chat.session import ChatMessage


class QdrantServerChatStore:
    def __init__(
        self,
        connection: QdrantConnection | AsyncQdrantClient = IN_MEMORY,
        *,
        collection: str = CHAT_MESSAGES,
    ) -> None:
        self._col = ServerCollection.open(collection, CHAT_INDEXES, None, connection)
        self._seq = 0

    async def append(self, message: ChatMessage) -> None:
        await self._col.upsert(self._points([message]))

    async def append_turn(self, messages: Sequence[ChatMessage]) -> None:
        # one request; the server holds the turn (its WAL) once it acknowledges, whatever happens here
        await self._col.upsert(self._points(messages))

    def _points(self, messages: Sequence[ChatMessage]) -> list[models.PointStruct]:
        points = []
        for message in messages:  # seq keeps the order of equal timestamps
            self._seq = next_seq(self._seq)
            payload = chat_to_payload(message, self._seq)
            points.append(
                models.PointStruct(id=chat_point_id(message.message_id), vector={}, payload=payload)
            )
        return points

    async def history(self, session_id: str) -> list[ChatMessage]:
        flt = to_filter([Equals("session_id", session_id)])
        payloads = [p async for p in self._col.scroll_payloads(flt)]
        payloads.sort(key=chat_sort_key)
        return [payload_to_chat(p) for p in payloads]

    async def delete(self, session_id: str) -> int:
        flt = to_filter([Equals("session_id", session_id)])
        assert flt is not None
        removed = await self._col.count(flt)
        if removed:
            await self._col.delete(flt)
        return removed

    async def erase_employee(self, employee_name: str) -> int:
        """Removes every session the employee owns or is named in."""
        sessions = await erasure.sessions_involving(self._col, employee_name)
        if not sessions:
            return 0
        return await erasure.delete_matching(self._col, erasure.any_session(sessions))

    async def erase_before(self, cutoff: datetime) -> int:
        return await erasure.delete_matching(self._col, erasure.before("timestamp", cutoff))

    async def close(self) -> None:
        await self._col.close()

"""ChatStore on an embedded Qdrant Edge shard (DATA_DIR/qdrant/chat_messages): one point per message."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import qdrant_edge as qe

from reimburse.adapters.qdrant_edge import erasure
from reimburse.adapters.qdrant_edge.collection import EdgeCollection
from reimburse.adapters.qdrant_edge.filters import to_filter
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


class QdrantEdgeChatStore:
    def __init__(self, data_dir: str | Path, *, collection: str = CHAT_MESSAGES) -> None:
        self._col = EdgeCollection(data_dir, collection, CHAT_INDEXES, None)
        self._seq = 0

    async def append(self, message: ChatMessage) -> None:
        await self._col.write([qe.UpdateOperation.upsert_points(self._points([message]))])

    async def append_turn(self, messages: Sequence[ChatMessage]) -> None:
        # In the shard's WAL on return (a SIGKILL cannot lose it); the WAL's fsync (against a power
        # loss) comes within a second, one for every turn meanwhile.
        await self._col.write_logged([qe.UpdateOperation.upsert_points(self._points(messages))])

    def _points(self, messages: Sequence[ChatMessage]) -> list[qe.Point]:
        points = []
        for message in messages:  # seq keeps the order of equal timestamps
            self._seq = next_seq(self._seq)
            points.append(
                qe.Point(chat_point_id(message.message_id), {}, chat_to_payload(message, self._seq))
            )
        return points

    async def history(self, session_id: str) -> list[ChatMessage]:
        return await asyncio.to_thread(self._history, session_id)  # reads run off the event loop

    def _history(self, session_id: str) -> list[ChatMessage]:
        payloads = list(self._col.scroll_payloads(to_filter([Equals("session_id", session_id)])))
        payloads.sort(key=chat_sort_key)
        return [payload_to_chat(p) for p in payloads]

    async def delete(self, session_id: str) -> int:
        flt = to_filter([Equals("session_id", session_id)])
        removed = await asyncio.to_thread(self._col.count, flt)
        if removed and flt is not None:
            await self._col.write([qe.UpdateOperation.delete_points_by_filter(flt)])
        return removed

    async def erase_employee(self, employee_name: str) -> int:
        """Removes every session the employee owns or is named in (an answer without its question
        would still say who it was about)."""
        sessions = await asyncio.to_thread(erasure.sessions_involving, self._col, employee_name)
        return await erasure.delete_matching(self._col, erasure.any_session(sessions)) if sessions else 0

    async def erase_before(self, cutoff: datetime) -> int:
        return await erasure.delete_matching(self._col, erasure.before("timestamp", cutoff))

    async def close(self) -> None:
        await self._col.settle()  # a turn's fsync still pending must not race the shard's close
        await asyncio.to_thread(self._col.close)

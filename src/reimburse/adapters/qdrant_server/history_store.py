"""InvoiceHistory on a Qdrant server (the `invoice_history` collection): one point per event."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from qdrant_client import AsyncQdrantClient, models

from reimburse.adapters.qdrant_server import erasure
from reimburse.adapters.qdrant_server.collection import IN_MEMORY, QdrantConnection, ServerCollection
from reimburse.adapters.qdrant_server.filters import to_filter
from reimburse.adapters.qdrant_shared.codec import (
    HISTORY_INDEXES,
    INVOICE_HISTORY,
    history_point_id,
    history_sort_key,
    history_to_payload,
    next_seq,
    payload_to_history,
)
from reimburse.adapters.qdrant_shared.filters import Equals
from reimburse.domain.record import normalise_name
from reimburse.domain.verdict.review import HistoryEvent


class QdrantServerInvoiceHistory:
    def __init__(
        self,
        connection: QdrantConnection | AsyncQdrantClient = IN_MEMORY,
        *,
        collection: str = INVOICE_HISTORY,
    ) -> None:
        self._col = ServerCollection.open(collection, HISTORY_INDEXES, None, connection)
        self._seq = 0

    async def append(self, events: Sequence[HistoryEvent]) -> None:
        points = []
        for event in events:
            self._seq = next_seq(self._seq)
            points.append(
                models.PointStruct(
                    id=history_point_id(event.event_id),
                    vector={},
                    payload=history_to_payload(event, self._seq),
                )
            )
        if points:
            await self._col.upsert(points)

    async def events(self, invoice_id: str) -> list[HistoryEvent]:
        flt = to_filter([Equals("invoice_id", invoice_id)])
        payloads = [p async for p in self._col.scroll_payloads(flt)]
        payloads.sort(key=history_sort_key)
        return [payload_to_history(p) for p in payloads]

    async def erase_employee(self, employee_name: str) -> int:
        flt = erasure.matches("employee_key", normalise_name(employee_name))
        return await erasure.delete_matching(self._col, flt)

    async def erase_before(self, cutoff: datetime) -> int:
        return await erasure.delete_matching(self._col, erasure.before("at", cutoff))

    async def close(self) -> None:
        await self._col.close()

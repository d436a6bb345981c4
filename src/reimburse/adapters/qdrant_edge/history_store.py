"""InvoiceHistory on an embedded Qdrant Edge shard (DATA_DIR/qdrant/invoice_history): one point per event."""

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


class QdrantEdgeInvoiceHistory:
    def __init__(self, data_dir: str | Path, *, collection: str = INVOICE_HISTORY) -> None:
        self._col = EdgeCollection(data_dir, collection, HISTORY_INDEXES, None)
        self._seq = 0

    async def append(self, events: Sequence[HistoryEvent]) -> None:
        points = []
        for event in events:
            self._seq = next_seq(self._seq)
            points.append(
                qe.Point(history_point_id(event.event_id), {}, history_to_payload(event, self._seq))
            )
        if points:
            await self._col.write([qe.UpdateOperation.upsert_points(points)])

    async def events(self, invoice_id: str) -> list[HistoryEvent]:
        return await asyncio.to_thread(self._events, invoice_id)  # reads run off the event loop

    def _events(self, invoice_id: str) -> list[HistoryEvent]:
        payloads = list(self._col.scroll_payloads(to_filter([Equals("invoice_id", invoice_id)])))
        payloads.sort(key=history_sort_key)
        return [payload_to_history(p) for p in payloads]

    async def erase_employee(self, employee_name: str) -> int:
        flt = erasure.matches("employee_key", normalise_name(employee_name))
        return await erasure.delete_matching(self._col, flt)

    async def erase_before(self, cutoff: datetime) -> int:
        return await erasure.delete_matching(self._col, erasure.before("at", cutoff))

    async def close(self) -> None:
        await asyncio.to_thread(self._col.close)

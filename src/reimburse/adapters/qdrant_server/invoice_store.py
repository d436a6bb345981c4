"""InvoiceStore on a Qdrant server via qdrant-client (QDRANT_URL), or its local mode in tests."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import date, datetime
from decimal import Decimal

from qdrant_client import AsyncQdrantClient, models

from reimburse.adapters.qdrant_server import erasure
from reimburse.adapters.qdrant_server.collection import IN_MEMORY, QdrantConnection, ServerCollection
from reimburse.adapters.qdrant_server.filters import to_filter
from reimburse.adapters.qdrant_server.retrieval import point_vectors, text_query
from reimburse.adapters.qdrant_shared.codec import (
    INVOICE_INDEXES,
    INVOICES,
    invoice_point_id,
    invoice_search_text,
    invoice_to_payload,
    payload_to_invoice,
)
from reimburse.adapters.qdrant_shared.figures import FIGURE_KEYS, payload_to_figures
from reimburse.adapters.qdrant_shared.filters import in_claim_order, invoice_conditions, same_bill_queries
from reimburse.domain.figures import InvoiceFigures
from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import InvoiceRecord, normalise_name
from reimburse.ports.embedder import Embedder
from reimburse.ports.invoice_store import InvoicePage, ScoredInvoice

UPSERT_CHUNK = 256
MAX_EMPLOYEES = 100_000
MAX_SAME_BILL = 64  # per query: more copies of one bill than this is not a claim, it is an attack


class QdrantServerInvoiceStore:
    """On a QdrantConnection (a client of its own, closed with the store) or a shared client."""

    def __init__(
        self,
        connection: QdrantConnection | AsyncQdrantClient = IN_MEMORY,
        *,
        embedder: Embedder | None = None,
        collection: str = INVOICES,
    ) -> None:
        self._embedder = embedder
        dense = embedder.dimension if embedder is not None else None
        self._col = ServerCollection.open(collection, INVOICE_INDEXES, dense, connection)

    async def upsert(self, records: Sequence[InvoiceRecord]) -> None:
        unique = list({r.invoice_id: r for r in records}.values())  # last write wins
        if not unique:
            return
        await self._col.ensure()
        texts = [invoice_search_text(r) for r in unique]
        vectors = await point_vectors(self._embedder, texts, self._col.has_dense)
        points = [
            models.PointStruct(id=invoice_point_id(r), vector=v, payload=invoice_to_payload(r))
            for r, v in zip(unique, vectors, strict=True)
        ]
        for i in range(0, len(points), UPSERT_CHUNK):
            await self._col.upsert(points[i : i + UPSERT_CHUNK])

    async def get(self, invoice_id: str) -> InvoiceRecord | None:
        payloads = await self._col.retrieve_payloads([invoice_point_id(invoice_id)])
        return payload_to_invoice(payloads[0]) if payloads else None

    async def get_many(self, invoice_ids: Sequence[str]) -> list[InvoiceRecord]:
        if not invoice_ids:
            return []
        payloads = await self._col.retrieve_payloads(
            [invoice_point_id(i) for i in dict.fromkeys(invoice_ids)]
        )
        found = {r.invoice_id: r for r in map(payload_to_invoice, payloads)}
        return [found[i] for i in invoice_ids if i in found]

    async def find(self, flt: InvoiceFilter, limit: int, offset: int) -> InvoicePage:
        qflt = to_filter(invoice_conditions(flt))
        total = await self._col.count(qflt)
        if limit <= 0 or offset >= total:
            return InvoicePage(items=(), total=total)
        points = await self._col.query(
            query=models.OrderByQuery(
                order_by=models.OrderBy(key="analyzed_at", direction=models.Direction.DESC)
            ),
            query_filter=qflt,
            limit=limit,
            offset=max(offset, 0),
            with_payload=True,
        )
        items = tuple(payload_to_invoice(p.payload) for p in points if p.payload is not None)
        return InvoicePage(items=items, total=total)

    async def count(self, flt: InvoiceFilter) -> int:
        return await self._col.count(to_filter(invoice_conditions(flt)))

    async def iterate(self, flt: InvoiceFilter) -> AsyncIterator[InvoiceRecord]:
        async for payload in self._col.scroll_payloads(to_filter(invoice_conditions(flt))):
            yield payload_to_invoice(payload)

    async def figures(self, flt: InvoiceFilter) -> list[InvoiceFigures]:
        # Only the aggregate columns cross the network. No table in memory, unlike the embedded
        # store: API replicas write to the same server, so no process sees every write.
        qflt = to_filter(invoice_conditions(flt))
        return [payload_to_figures(p) async for p in self._col.scroll_payloads(qflt, keys=FIGURE_KEYS)]

    async def search(self, text: str, flt: InvoiceFilter, limit: int) -> list[ScoredInvoice]:
        if limit <= 0:
            return []
        await self._col.ensure()
        kwargs = await text_query(
            self._embedder, text, to_filter(invoice_conditions(flt)), limit, self._col.has_dense
        )
        if kwargs is None:
            return []
        points = await self._col.query(**kwargs)
        return [
            ScoredInvoice(record=payload_to_invoice(p.payload), score=float(p.score))
            for p in points
            if p.payload is not None
        ]

    async def same_bill_candidates(
        self, employee_name: str, invoice_number: str | None, invoice_date: date | None, total: Decimal
    ) -> list[InvoiceRecord]:
        await self._col.ensure()
        found: list[InvoiceRecord] = []
        for conds in same_bill_queries(employee_name, invoice_number, invoice_date, total):
            taken = 0
            async for payload in self._col.scroll_payloads(to_filter(conds), page=32):
                found.append(payload_to_invoice(payload))
                taken += 1
                if taken >= MAX_SAME_BILL:
                    break
        return in_claim_order(found)

    async def employee_names(self) -> list[str]:
        hits = await self._col.facet("employee_name", MAX_EMPLOYEES)
        return sorted(str(value) for value, count in hits if count > 0)

    async def erase_employee(self, employee_name: str) -> int:
        flt = erasure.matches("employee_key", normalise_name(employee_name))
        return await erasure.delete_matching(self._col, flt)

    async def erase_before(self, cutoff: datetime) -> int:
        return await erasure.delete_matching(self._col, erasure.before("analyzed_at", cutoff))

    async def ping(self) -> None:
        await self._col.ping()

    async def close(self) -> None:
        await self._col.close()

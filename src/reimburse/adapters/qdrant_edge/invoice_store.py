"""InvoiceStore on an embedded Qdrant Edge shard (DATA_DIR/qdrant/invoices)."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import qdrant_edge as qe

from reimburse.adapters.qdrant_edge import erasure
from reimburse.adapters.qdrant_edge.collection import SCROLL_PAGE, EdgeCollection
from reimburse.adapters.qdrant_edge.figures import EdgeFiguresTable
from reimburse.adapters.qdrant_edge.filters import to_filter
from reimburse.adapters.qdrant_edge.retrieval import point_vectors, text_request
from reimburse.adapters.qdrant_shared.codec import (
    INVOICE_INDEXES,
    INVOICES,
    invoice_point_id,
    invoice_search_text,
    invoice_to_payload,
    payload_to_invoice,
)
from reimburse.adapters.qdrant_shared.filters import (
    Condition,
    in_claim_order,
    invoice_conditions,
    same_bill_queries,
)
from reimburse.domain.figures import InvoiceFigures, figures_of
from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import InvoiceRecord, normalise_name
from reimburse.ports.embedder import Embedder
from reimburse.ports.invoice_store import InvoicePage, ScoredInvoice

UPSERT_CHUNK = 256
MAX_EMPLOYEES = 100_000
MAX_SAME_BILL = 64  # per query: more copies of one bill than this is not a claim, it is an attack


class QdrantEdgeInvoiceStore:
    def __init__(
        self, data_dir: str | Path, embedder: Embedder | None = None, *, collection: str = INVOICES
    ) -> None:
        self._embedder = embedder
        dense = embedder.dimension if embedder is not None else None
        self._col = EdgeCollection(data_dir, collection, INVOICE_INDEXES, dense)
        # Distinct names, kept current on upsert: this process is the shard's only writer, and
        # chat asks for the names on every question (a facet over 100k points costs ~30 ms).
        self._names: set[str] | None = None
        # Aggregate columns of every invoice, kept current on every write, for the same reason.
        self._figures = EdgeFiguresTable(self._col)

    async def upsert(self, records: Sequence[InvoiceRecord]) -> None:
        latest = {r.invoice_id: r for r in records}  # one point per id, last write wins
        unique = list(latest.values())
        if not unique:
            return
        vectors = await point_vectors(self._embedder, [invoice_search_text(r) for r in unique])
        # ~170 µs a point (payload to Rust): hundreds of them are kept off the event loop
        ops = await asyncio.to_thread(_upsert_operations, unique, vectors)
        renamed = self._names is not None and await asyncio.to_thread(self._renames, unique)
        try:
            await self._col.write(ops, ended=self._unknown_writes)
        except BaseException:
            self._unknown_writes()
            raise
        self._figures.written(figures_of(r) for r in unique)
        if renamed:
            self._names = None
        elif self._names is not None:
            self._names.update(r.employee_name for r in unique)

    def _unknown_writes(self) -> None:
        """Unknown what landed (a failed write, or a cancelled one, once more when it ends, since a
        table loaded meanwhile may have missed it): recompute names and figures when next asked."""
        self._names = None
        self._figures.forget()

    def _renames(self, records: list[InvoiceRecord]) -> bool:
        """Whether an upsert replaces a stored record under another spelling of the name."""
        ids = [invoice_point_id(r) for r in records]
        old = self._col.retrieve_payloads(ids, keys=["invoice_id", "employee_name"])
        new = {r.invoice_id: r.employee_name for r in records}
        return any(new.get(p.get("invoice_id", "")) != p.get("employee_name") for p in old)

    # Every read runs in a worker thread: at 100k points one can take tens of milliseconds, and
    # decoding payloads is CPU; the event loop keeps serving meanwhile.

    async def get(self, invoice_id: str) -> InvoiceRecord | None:
        return await asyncio.to_thread(self._get, invoice_id)

    def _get(self, invoice_id: str) -> InvoiceRecord | None:
        payloads = self._col.retrieve_payloads([invoice_point_id(invoice_id)])
        return payload_to_invoice(payloads[0]) if payloads else None

    async def get_many(self, invoice_ids: Sequence[str]) -> list[InvoiceRecord]:
        if not invoice_ids:
            return []
        return await asyncio.to_thread(self._get_many, list(invoice_ids))

    def _get_many(self, invoice_ids: list[str]) -> list[InvoiceRecord]:
        payloads = self._col.retrieve_payloads([invoice_point_id(i) for i in dict.fromkeys(invoice_ids)])
        found = {r.invoice_id: r for r in map(payload_to_invoice, payloads)}
        return [found[i] for i in invoice_ids if i in found]

    async def find(self, flt: InvoiceFilter, limit: int, offset: int) -> InvoicePage:
        return await asyncio.to_thread(self._find, flt, limit, offset)

    def _find(self, flt: InvoiceFilter, limit: int, offset: int) -> InvoicePage:
        qflt = to_filter(invoice_conditions(flt))
        total = self._col.count(qflt)
        if limit <= 0 or offset >= total:
            return InvoicePage(items=(), total=total)
        points = self._col.query(
            qe.QueryRequest(
                limit=limit,
                offset=max(offset, 0),
                query=qe.OrderBy("analyzed_at", qe.Direction.Desc),
                filter=qflt,
                with_payload=True,
                with_vector=False,
            )
        )
        items = tuple(payload_to_invoice(p.payload) for p in points if p.payload is not None)
        return InvoicePage(items=items, total=total)

    async def count(self, flt: InvoiceFilter) -> int:
        return await asyncio.to_thread(self._col.count, to_filter(invoice_conditions(flt)))

    async def iterate(self, flt: InvoiceFilter) -> AsyncIterator[InvoiceRecord]:
        qflt = to_filter(invoice_conditions(flt))
        offset: qe.PointId | None = None
        while True:
            records, offset = await asyncio.to_thread(self._page, qflt, offset)
            for record in records:
                yield record
            if offset is None:
                return

    def _page(
        self, qflt: qe.Filter | None, offset: qe.PointId | None
    ) -> tuple[list[InvoiceRecord], qe.PointId | None]:
        payloads, after = self._col.scroll_page(qflt, offset, SCROLL_PAGE)
        return [payload_to_invoice(p) for p in payloads], after

    async def figures(self, flt: InvoiceFilter) -> list[InvoiceFigures]:
        return await self._figures.matching(None if flt.is_empty() else to_filter(invoice_conditions(flt)))

    async def search(self, text: str, flt: InvoiceFilter, limit: int) -> list[ScoredInvoice]:
        if limit <= 0:
            return []
        request = await text_request(self._embedder, text, to_filter(invoice_conditions(flt)), limit)
        if request is None:
            return []
        return await asyncio.to_thread(self._scored, request)

    def _scored(self, request: qe.QueryRequest) -> list[ScoredInvoice]:
        points = self._col.query(request)
        return [
            ScoredInvoice(record=payload_to_invoice(p.payload), score=float(p.score))
            for p in points
            if p.payload is not None
        ]

    async def same_bill_candidates(
        self, employee_name: str, invoice_number: str | None, invoice_date: date | None, total: Decimal
    ) -> list[InvoiceRecord]:
        queries = same_bill_queries(employee_name, invoice_number, invoice_date, total)
        return await asyncio.to_thread(self._same_bill, queries)  # once per invoice: off the loop

    def _same_bill(self, queries: list[list[Condition]]) -> list[InvoiceRecord]:
        # A copy matches by number and by date and total alike: each record is decoded once.
        found: dict[str, dict[str, Any]] = {}
        for conds in queries:
            payloads = self._col.scroll_payloads(to_filter(conds), page=32)
            found.update((p["invoice_id"], p) for p in itertools.islice(payloads, MAX_SAME_BILL))
        return in_claim_order(map(payload_to_invoice, found.values()))

    async def employee_names(self) -> list[str]:
        if self._names is None:
            hits = await asyncio.to_thread(self._col.facet, "employee_name", MAX_EMPLOYEES)
            self._names = {str(value) for value, count in hits if count > 0}
        return sorted(self._names)

    async def erase_employee(self, employee_name: str) -> int:
        flt = erasure.matches("employee_key", normalise_name(employee_name))
        return await self._erase(flt)

    async def erase_before(self, cutoff: datetime) -> int:
        return await self._erase(erasure.before("analyzed_at", cutoff))

    async def _erase(self, flt: qe.Filter) -> int:
        gone = await asyncio.to_thread(self._col.matching_ids, flt)
        try:
            removed = await erasure.delete_matching(self._col, flt)
        except BaseException:
            self._figures.forget()
            raise
        finally:
            self._names = None  # names may have gone: recompute on the next employee_names()
        self._figures.removed(gone)
        return removed

    async def ping(self) -> None:
        await asyncio.to_thread(self._col.ping)

    async def close(self) -> None:
        await asyncio.to_thread(self._col.close)  # flushes the shard (the checkpoint's work)


def _upsert_operations(
    records: list[InvoiceRecord], vectors: list[dict[str, qe.NamedVector]]
) -> list[qe.UpdateOperation]:
    points = [
        qe.Point(invoice_point_id(r), v, invoice_to_payload(r)) for r, v in zip(records, vectors, strict=True)
    ]
    return [
        qe.UpdateOperation.upsert_points(points[i : i + UPSERT_CHUNK])
        for i in range(0, len(points), UPSERT_CHUNK)
    ]

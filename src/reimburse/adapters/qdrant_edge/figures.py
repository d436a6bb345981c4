"""The aggregate columns of every invoice, in memory, kept current by the store's own writes.

This process is the shard's only writer (the directory lock), so the writes it saw are all the
writes there are. Qdrant filters (ids only, no payload), the table supplies the columns: a sum
over 1,700 of 100,000 invoices no longer decodes 1,700 full payloads.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

import qdrant_edge as qe

from reimburse.adapters.qdrant_edge.collection import EdgeCollection
from reimburse.adapters.qdrant_shared.codec import invoice_point_id
from reimburse.adapters.qdrant_shared.figures import FIGURE_KEYS, payload_to_figures
from reimburse.domain.figures import InvoiceFigures

# A write seen while the table loads: (point id, its new columns, or None when deleted).
_Change = tuple[str, InvoiceFigures | None]


class EdgeFiguresTable:
    def __init__(self, col: EdgeCollection) -> None:
        self._col = col
        self._table: dict[str, InvoiceFigures] | None = None  # point id -> columns; None: not loaded
        self._loading: asyncio.Task[dict[str, InvoiceFigures]] | None = None
        self._changes: list[_Change] = []  # writes that landed while a load was running
        self._lost = False  # a write whose outcome is unknown happened during the load

    async def matching(self, flt: qe.Filter | None) -> list[InvoiceFigures]:
        table = await self._loaded()
        if flt is None:
            return list(table.values())
        ids = await asyncio.to_thread(self._col.matching_ids, flt)
        found = [table.get(i) for i in ids]
        missing = [i for i, f in zip(ids, found, strict=True) if f is None]
        if missing:  # a write still in flight: its points are readable before it returns
            payloads = await asyncio.to_thread(self._col.retrieve_payloads, missing, FIGURE_KEYS)
            found += [payload_to_figures(p) for p in payloads]
        return [f for f in found if f is not None]

    def written(self, figures: Iterable[InvoiceFigures]) -> None:
        self._change((invoice_point_id(f.invoice_id), f) for f in figures)

    def removed(self, point_ids: Iterable[str]) -> None:
        self._change((i, None) for i in point_ids)

    def forget(self) -> None:
        """What a failed write left is unknown: read everything again when next asked."""
        self._table = None
        if self._loading is not None:
            self._lost = True

    def _change(self, changes: Iterable[_Change]) -> None:
        listed = list(changes)
        if self._loading is not None:
            self._changes.extend(listed)
        if self._table is None:
            return
        for point, figures in listed:
            if figures is None:
                self._table.pop(point, None)
            else:
                self._table[point] = figures

    async def _loaded(self) -> dict[str, InvoiceFigures]:
        while self._table is None:
            loading = self._loading
            if loading is None:
                self._changes, self._lost = [], False
                loading = self._loading = asyncio.ensure_future(asyncio.to_thread(self._read_all))
                loading.add_done_callback(self._load_done)
            await asyncio.shield(loading)
            # Awaiting a task that is already done returns without yielding to the loop, so its
            # done-callback may not have run yet: settle it here, or this loop would spin forever
            # with the event loop stuck inside it (what a 20-client load test once hit).
            self._load_done(loading)
        return self._table

    def _load_done(self, task: asyncio.Task[dict[str, InvoiceFigures]]) -> None:
        if self._loading is not task:
            return  # settled already, by the callback or by a caller of _loaded
        self._loading = None
        if task.cancelled() or task.exception() is not None or self._lost:
            return  # the next caller loads again (or sees the error)
        table = task.result()
        for point, figures in self._changes:  # writes the scan may have missed, in order
            if figures is None:
                table.pop(point, None)
            else:
                table[point] = figures
        self._changes = []
        self._table = table

    def _read_all(self) -> dict[str, InvoiceFigures]:
        table: dict[str, InvoiceFigures] = {}
        shared: dict[object, object] = {}  # one copy of each repeated value (names, dates, ...)
        for payload in self._col.scroll_payloads(None, keys=FIGURE_KEYS):
            figures = payload_to_figures(payload, shared)
            table[invoice_point_id(figures.invoice_id)] = figures
        return table

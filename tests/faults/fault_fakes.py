"""Fault-injecting fakes for the fault tests: real classes implementing the ports, no mocks.

- FlakyInvoiceStore: lets the first `healthy_writes` upserts through, then every write raises
  the error given (StoreUnavailable, or OSError(ENOSPC) for a full disk).
- FullDiskPolicyStore: a policy store whose saves fail as a full disk does.
- PacedExtractor: wraps an extractor, waits before each extraction, and counts the extractions
  started, finished and cancelled, so a test can see whether work goes on after a client has gone.
"""

from __future__ import annotations

import asyncio
import errno
import threading
from collections.abc import AsyncIterator, Callable, Sequence
from datetime import date
from decimal import Decimal

from reimburse.domain.errors import StoreUnavailable
from reimburse.domain.figures import InvoiceFigures
from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import InvoiceRecord
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.policy import Policy
from reimburse.ports.invoice_extractor import InvoiceExtractor
from reimburse.ports.invoice_store import InvoicePage, ScoredInvoice
from tests.fakes.memory_stores import InMemoryInvoiceStore, InMemoryPolicyStore


def disk_full() -> OSError:
    return OSError(errno.ENOSPC, "No space left on device")


def store_down() -> StoreUnavailable:
    return StoreUnavailable("injected fault: store writes are failing")


class FlakyInvoiceStore:
    def __init__(
        self,
        inner: InMemoryInvoiceStore | None = None,
        *,
        healthy_writes: int = 0,
        error: Callable[[], Exception] = store_down,
    ) -> None:
        self.inner = inner if inner is not None else InMemoryInvoiceStore()
        self.healthy_writes = healthy_writes
        self.error = error
        self.writes = 0
        self.failed_writes = 0

    async def upsert(self, records: Sequence[InvoiceRecord]) -> None:
        self.writes += 1
        if self.writes > self.healthy_writes:
            self.failed_writes += 1
            raise self.error()
        await self.inner.upsert(records)

    async def get(self, invoice_id: str) -> InvoiceRecord | None:
        return await self.inner.get(invoice_id)

    async def get_many(self, invoice_ids: Sequence[str]) -> list[InvoiceRecord]:
        return await self.inner.get_many(invoice_ids)

    async def find(self, flt: InvoiceFilter, limit: int, offset: int) -> InvoicePage:
        return await self.inner.find(flt, limit, offset)

    async def count(self, flt: InvoiceFilter) -> int:
        return await self.inner.count(flt)

    async def iterate(self, flt: InvoiceFilter) -> AsyncIterator[InvoiceRecord]:
        async for record in self.inner.iterate(flt):
            yield record

    async def figures(self, flt: InvoiceFilter) -> list[InvoiceFigures]:
        return await self.inner.figures(flt)

    async def search(self, text: str, flt: InvoiceFilter, limit: int) -> list[ScoredInvoice]:
        return await self.inner.search(text, flt, limit)

    async def same_bill_candidates(
        self, employee_name: str, invoice_number: str | None, invoice_date: date | None, total: Decimal
    ) -> list[InvoiceRecord]:
        return await self.inner.same_bill_candidates(employee_name, invoice_number, invoice_date, total)

    async def employee_names(self) -> list[str]:
        return await self.inner.employee_names()

    async def ping(self) -> None:
        await self.inner.ping()

    async def close(self) -> None:
        await self.inner.close()


class FullDiskPolicyStore(InMemoryPolicyStore):
    async def save(self, policy: Policy) -> None:
        raise disk_full()


class PacedExtractor:
    """Each extraction first waits (`first_delay` for the first one, `delay` after that).

    `started`, `finished` and `cancelled` count extractions; updated from the event loop's thread,
    read from the test's thread.
    """

    def __init__(self, inner: InvoiceExtractor, delay: float, first_delay: float | None = None) -> None:
        self.inner = inner
        self.delay = delay
        self.first_delay = delay if first_delay is None else first_delay
        self.name = inner.name
        self.started = 0
        self.finished = 0
        self.cancelled = 0
        self._lock = threading.Lock()

    async def extract(self, document: Document, policy: Policy) -> Invoice:
        with self._lock:
            self.started += 1
            wait = self.first_delay if self.started == 1 else self.delay
        try:
            await asyncio.sleep(wait)
        except asyncio.CancelledError:
            with self._lock:
                self.cancelled += 1
            raise
        invoice = await self.inner.extract(document, policy)
        with self._lock:
            self.finished += 1
        return invoice

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import date
from decimal import Decimal
from typing import Protocol

import msgspec

from reimburse.domain.figures import InvoiceFigures
from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import InvoiceRecord


class InvoicePage(msgspec.Struct, frozen=True):
    items: tuple[InvoiceRecord, ...]
    total: int


class ScoredInvoice(msgspec.Struct, frozen=True):
    record: InvoiceRecord
    score: float


class InvoiceStore(Protocol):
    """Analysed invoices. Every write is durable when the call returns."""

    async def upsert(self, records: Sequence[InvoiceRecord]) -> None: ...

    async def get(self, invoice_id: str) -> InvoiceRecord | None: ...

    async def get_many(self, invoice_ids: Sequence[str]) -> list[InvoiceRecord]:
        """The stored records among `invoice_ids`, in the order asked; unknown ids are left out.
        One read for a page of records (what an answer shows), not one call per record."""
        ...

    async def find(self, flt: InvoiceFilter, limit: int, offset: int) -> InvoicePage:
        """Matching records, newest `analyzed_at` first, and the total number matching."""
        ...

    async def count(self, flt: InvoiceFilter) -> int: ...

    def iterate(self, flt: InvoiceFilter) -> AsyncIterator[InvoiceRecord]:
        """Every matching record (any order): the input of exact aggregates."""
        ...

    async def figures(self, flt: InvoiceFilter) -> list[InvoiceFigures]:
        """The aggregate columns of every matching record (any order), current with every write:
        exact sums without reading whole records."""
        ...

    async def search(self, text: str, flt: InvoiceFilter, limit: int) -> list[ScoredInvoice]:
        """BM25 (and dense, when an embedder is configured) retrieval within the filter."""
        ...

    async def same_bill_candidates(
        self, employee_name: str, invoice_number: str | None, invoice_date: date | None, total: Decimal
    ) -> list[InvoiceRecord]:
        """Stored invoices of the employee that may be the same bill: the same invoice number
        (letters and digits, case-folded), or the same invoice date and total. Earliest claim
        first. Whether one *is* the same bill is the domain's call (domain/verdict/duplicates.py)."""
        ...

    async def employee_names(self) -> list[str]:
        """Distinct employee names as stored (original spelling)."""
        ...

    async def ping(self) -> None:
        """Raises StoreUnavailable when the store cannot serve."""
        ...

    async def close(self) -> None: ...

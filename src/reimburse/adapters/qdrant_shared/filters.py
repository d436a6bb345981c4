"""InvoiceFilter -> technology-neutral conditions on payload keys.

Each Qdrant adapter turns these into its own client's filter types; the meaning of a filter
(which key, normalised how, inclusive bounds) is decided once, here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

import msgspec

from reimburse.adapters.qdrant_shared.codec import category_key, review_key
from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import InvoiceRecord, normalise_name
from reimburse.domain.verdict.duplicates import bill_key


class AnyOf(msgspec.Struct, frozen=True):
    """The key (or one element of it, for lists) equals one of the values."""

    key: str
    values: tuple[str, ...]


class Equals(msgspec.Struct, frozen=True):
    key: str
    value: str


class FloatRange(msgspec.Struct, frozen=True):
    key: str
    gte: float | None = None
    lte: float | None = None


class DateRange(msgspec.Struct, frozen=True):
    """Inclusive on both ends; values are ISO dates (stored dates are midnight-less ISO dates)."""

    key: str
    gte: date | None = None
    lte: date | None = None


class Excludes(msgspec.Struct, frozen=True):
    """The key does not equal the value (a point without the key matches: records stored before it)."""

    key: str
    value: str


Condition = AnyOf | Equals | FloatRange | DateRange | Excludes


def invoice_conditions(flt: InvoiceFilter) -> list[Condition]:
    """All must hold. An empty list means 'every invoice'."""
    out: list[Condition] = []
    if flt.employee_names:
        out.append(AnyOf("employee_key", tuple(sorted({normalise_name(n) for n in flt.employee_names}))))
    if flt.statuses:
        out.append(AnyOf("status", tuple(sorted({s.strip().casefold() for s in flt.statuses}))))
    if flt.categories:
        out.append(AnyOf("category_keys", tuple(sorted({category_key(c) for c in flt.categories}))))
    if flt.date_from is not None or flt.date_to is not None:
        out.append(DateRange("invoice_date", flt.date_from, flt.date_to))
    if flt.min_amount is not None or flt.max_amount is not None:
        out.append(
            FloatRange(
                "total_amount_f",
                None if flt.min_amount is None else float(flt.min_amount),
                None if flt.max_amount is None else float(flt.max_amount),
            )
        )
    if flt.batch_id is not None:
        out.append(Equals("batch_id", flt.batch_id))
    if flt.policy_id is not None:
        out.append(Equals("policy_id", flt.policy_id))
    if flt.review_required is not None:
        out.append(Equals("review_key", review_key(flt.review_required)))
    if flt.file_sha256 is not None:
        out.append(Equals("file_sha256", flt.file_sha256))
    if flt.decided is True:
        out.append(Equals("decided_key", review_key(True)))
    elif flt.decided is False:
        out.append(Excludes("decided_key", review_key(True)))
    return out


def same_bill_queries(
    employee_name: str, invoice_number: str | None, invoice_date: date | None, total: Decimal
) -> list[list[Condition]]:
    """The queries whose union is InvoiceStore.same_bill_candidates: the employee's invoices with the
    same number key; those with the same date and (float) total. Each list: all must hold."""
    employee = Equals("employee_key", normalise_name(employee_name))
    queries: list[list[Condition]] = []
    number = bill_key(invoice_number)
    if number:
        queries.append([employee, Equals("invoice_number_key", number)])
    if invoice_date is not None:
        amount = float(total)
        same_day = DateRange("invoice_date", invoice_date, invoice_date)
        queries.append([employee, same_day, FloatRange("total_amount_f", amount, amount)])
    return queries


def in_claim_order(candidates: Iterable[InvoiceRecord]) -> list[InvoiceRecord]:
    """Candidates from several queries, each once, earliest claim first (the original of a copy)."""
    unique = {r.invoice_id: r for r in candidates}
    return sorted(unique.values(), key=lambda r: (r.submitted_on, r.analyzed_at.timestamp(), r.invoice_id))

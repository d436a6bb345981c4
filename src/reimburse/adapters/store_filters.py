"""InvoiceFilter -> technology-neutral conditions on payload keys.

Each Qdrant adapter turns these into its own client's filter types; the meaning of a filter
(which key, normalised how, inclusive bounds) is decided once, here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

import msgspec

from reimburse.adapters.store_codec import category_key, dedupe_key, review_key
from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import InvoiceRecord, normalise_name


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


def duplicate_conditions(
    employee_name: str, vendor: str, invoice_number: str, total: Decimal
) -> list[Condition] | None:
    """Conditions for 'same employee, vendor, number and (float) total'; see pick_duplicate.

    None when vendor or number is blank: without both, two invoices cannot be told to be the same.
    """
    vendor_key, number_key = dedupe_key(vendor), dedupe_key(invoice_number)
    if not vendor_key or not number_key:
        return None
    amount = float(total)
    must: list[Condition] = [
        Equals("employee_key", normalise_name(employee_name)),
        Equals("vendor_key", vendor_key),
        Equals("invoice_number_key", number_key),
        FloatRange("total_amount_f", amount, amount),
    ]
    return must


def pick_duplicate(
    candidates: Iterable[InvoiceRecord], total: Decimal, exclude_id: str
) -> InvoiceRecord | None:
    """The earliest other candidate whose exact Decimal total matches (the float index only narrows)."""
    exact = [r for r in candidates if r.total_amount == total and r.invoice_id != exclude_id]
    return min(exact, key=lambda r: (r.analyzed_at.timestamp(), r.invoice_id), default=None)

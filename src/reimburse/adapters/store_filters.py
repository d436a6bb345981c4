"""InvoiceFilter -> technology-neutral conditions on payload keys.

Each Qdrant adapter turns these into its own client's filter types; the meaning of a filter
(which key, normalised how, inclusive bounds) is decided once, here.
"""

from __future__ import annotations

from datetime import date

import msgspec

from reimburse.adapters.store_codec import category_key
from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import normalise_name


class AnyOf(msgspec.Struct, frozen=True):
    """The key (or one element of it, for lists) equals one of the values."""

    key: str
    values: tuple[str, ...]


class Equals(msgspec.Struct, frozen=True):
    key: str
    value: str | bool


class FloatRange(msgspec.Struct, frozen=True):
    key: str
    gte: float | None = None
    lte: float | None = None


class DateRange(msgspec.Struct, frozen=True):
    """Inclusive on both ends; values are ISO dates (stored dates are midnight-less ISO dates)."""

    key: str
    gte: date | None = None
    lte: date | None = None


Condition = AnyOf | Equals | FloatRange | DateRange


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
        out.append(Equals("review_required", flt.review_required))
    return out

"""Filters over stored invoices, shared by listing, chat retrieval and aggregates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import msgspec


class InvoiceFilter(msgspec.Struct, frozen=True):
    """All set fields must hold (AND). `employee_names`/`statuses`/`categories` match any listed value.

    Employee names are compared in normalised form (see record.normalise_name).
    Amount bounds apply to total_amount and are inclusive.
    """

    employee_names: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    min_amount: Decimal | None = None
    max_amount: Decimal | None = None
    batch_id: str | None = None
    policy_id: str | None = None
    review_required: bool | None = None
    decided: bool | None = None  # a reviewer's decision exists (True) or not yet (False)
    file_sha256: str | None = None  # the invoices made from one original file

    def is_empty(self) -> bool:
        return self == InvoiceFilter()

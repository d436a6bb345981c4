"""The structured reading of one invoice, with a confidence for each field."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import msgspec

from reimburse.domain.verdict.verdict import Flag


class LineItem(msgspec.Struct, frozen=True):
    description: str
    amount: Decimal
    quantity: Decimal = Decimal(1)


class Invoice(msgspec.Struct, frozen=True):
    """What an extractor read. `total` is the amount charged, taxes included.

    `nights` is the length of a stay (what a per-night cap is multiplied by);
    `period_start`/`period_end` bound the service (check-in/out, rental days);
    `candidate_totals` lists every distinct amount labelled as a total, so the engine can flag
    ambiguity instead of guessing. `confidence` maps a field name to 0..1.
    """

    total: Decimal
    currency: str | None = None
    vendor: str | None = None
    invoice_number: str | None = None
    invoice_date: date | None = None
    dates: tuple[date, ...] = ()
    line_items: tuple[LineItem, ...] = ()
    subtotal: Decimal | None = None
    taxes: Decimal | None = None
    names: tuple[str, ...] = ()
    category: str | None = None
    nights: int | None = None
    period_start: date | None = None
    period_end: date | None = None
    candidate_totals: tuple[Decimal, ...] = ()
    confidence: dict[str, float] = msgspec.field(default_factory=dict)
    extractor: str = ""
    notes: tuple[str, ...] = ()
    # What is still payable after deposits or prepayments; `total` stays the invoice's own amount.
    amount_due: Decimal | None = None
    # Doubts the reader itself can prove (an unsettled date order, XML vs page); the engine adds
    # them to the verdict's flags as they are.
    reading_flags: tuple[Flag, ...] = ()

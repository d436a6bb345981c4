"""The columns of a stored invoice that exact aggregates need, and nothing else.

A store keeps these for every invoice so a sum over 100,000 invoices does not decode 100,000 full
records; the records an answer shows are still read whole.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import msgspec

from reimburse.domain.record import InvoiceRecord


class InvoiceFigures(msgspec.Struct, frozen=True):
    invoice_id: str
    employee_name: str
    analyzed_at: datetime
    currency: str
    total_amount: Decimal
    final_amount: Decimal  # a reviewer's decided amount, else the engine's
    final_status: str  # what was decided, when a reviewer decided
    decided: bool  # a reviewer's decision exists
    invoice_date: date | None = None
    categories: tuple[str, ...] = ()


def figures_of(record: InvoiceRecord) -> InvoiceFigures:
    return InvoiceFigures(
        invoice_id=record.invoice_id,
        employee_name=record.employee_name,
        analyzed_at=record.analyzed_at,
        currency=record.currency,
        total_amount=record.total_amount,
        final_amount=record.final_amount,
        final_status=record.final_status,
        decided=record.review is not None,
        invoice_date=record.invoice_date,
        categories=record.categories,
    )


__all__ = ["InvoiceFigures", "figures_of"]

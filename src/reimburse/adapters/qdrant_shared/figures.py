"""The aggregate columns of stored invoices (domain/figures.py), read from a projection of the
payload: only the keys a sum needs are converted, never the whole record."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import msgspec

from reimburse.domain.figures import InvoiceFigures
from reimburse.domain.verdict.review import Review, final_amount, final_status


class _Columns(msgspec.Struct, frozen=True):
    invoice_id: str
    employee_name: str
    analyzed_at: datetime
    currency: str
    total_amount: Decimal
    reimbursement_amount: Decimal
    status: str
    invoice_date: date | None = None
    categories: tuple[str, ...] = ()
    review: Review | None = None


FIGURE_KEYS = list(_Columns.__struct_fields__)


def payload_to_figures(payload: dict[str, Any], shared: dict[Any, Any] | None = None) -> InvoiceFigures:
    """`shared`: a dict kept across calls, so the few distinct names, currencies, statuses, dates
    and category lists of a big table are held once each instead of once per invoice."""
    c = msgspec.convert(payload, _Columns)
    one = shared.setdefault if shared is not None else _same
    status = final_status(c.review, c.status, c.total_amount)
    return InvoiceFigures(
        invoice_id=c.invoice_id,
        employee_name=one(c.employee_name, c.employee_name),
        analyzed_at=c.analyzed_at,
        currency=one(c.currency, c.currency),
        total_amount=c.total_amount,
        final_amount=final_amount(c.review, c.reimbursement_amount),
        final_status=one(status, status),
        decided=c.review is not None,
        invoice_date=one(c.invoice_date, c.invoice_date),
        categories=one(c.categories, c.categories),
    )


def _same(key: Any, value: Any) -> Any:
    return value


__all__ = ["FIGURE_KEYS", "payload_to_figures"]

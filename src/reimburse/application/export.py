"""Payroll export: one row per stored invoice, decisions applied, streamed from the store.

Rows are produced one at a time from the store's iterator, so memory does not grow with the
number of invoices. Text cells are neutralised against CSV injection (OWASP): a cell a spreadsheet
would read as a formula gets a leading apostrophe.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal

from reimburse.domain.access import AccessDenied, Viewer
from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import InvoiceRecord
from reimburse.ports.invoice_store import InvoiceStore

COLUMNS = (
    "invoice_id",
    "employee_name",
    "filename",
    "invoice_date",
    "invoice_number",
    "vendor",
    "category",
    "currency",
    "total_amount",
    "reimbursement_amount",
    "status",
    "review_required",
    "final_status",
    "final_amount",
    "reviewer",
    "decided_at",
    "batch_id",
)

# OWASP: = + - @ start a formula; tab and carriage return can hide one from the first check.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """A text cell that a spreadsheet would evaluate gets a leading ' (numbers are never text cells)."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _money(value: Decimal) -> str:
    return format(value, "f")


def export_row(r: InvoiceRecord) -> list[str]:
    review = r.review
    text = neutralise
    return [
        text(r.invoice_id),
        text(r.employee_name),
        text(r.filename),
        r.invoice_date.isoformat() if r.invoice_date else "",
        text(r.invoice_number or ""),
        text(r.vendor or ""),
        text(";".join(r.categories)),
        text(r.currency),
        _money(r.total_amount),
        _money(r.reimbursement_amount),
        text(r.status),
        "true" if r.review_required else "false",
        text(r.final_status),
        _money(r.final_amount),
        text(review.reviewer) if review else "",
        review.decided_at.isoformat() if review else "",
        text(r.batch_id),
    ]


class ExportInvoices:
    def __init__(self, invoices: InvoiceStore) -> None:
        self._invoices = invoices

    def rows(self, viewer: Viewer, flt: InvoiceFilter) -> AsyncIterator[list[str]]:
        """The header, then one row per matching invoice (store order). Raises AccessDenied at
        once, before any row: a streamed response cannot turn into an error once it has begun."""
        if not viewer.sees_everything:
            raise AccessDenied("exports are for reviewers and admins")
        return self._rows(flt)

    async def _rows(self, flt: InvoiceFilter) -> AsyncIterator[list[str]]:
        yield list(COLUMNS)
        async for record in self._invoices.iterate(flt):
            yield export_row(record)

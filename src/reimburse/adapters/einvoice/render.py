"""A readable text rendering of an e-invoice: what a standalone XML file 'prints'.

The text is what the text-based parts of the service see (category classifier, stored record,
chat): seller, number, dates, lines and totals, one fact a line, in English labels.
"""

from __future__ import annotations

from reimburse.domain.verdict.document import EInvoice

_TYPE_NAMES = {
    "380": "Invoice",
    "381": "Credit note",
    "384": "Corrected invoice",
    "389": "Self-billed invoice",
    "326": "Partial invoice",
    "386": "Prepayment invoice",
    "575": "Insurer's invoice",
}


def render(einvoice: EInvoice) -> str:
    e = einvoice
    unit = f" {e.currency}" if e.currency else ""
    title = _TYPE_NAMES.get(e.type_code or "", "Invoice")
    lines = [f"{title} ({e.syntax} e-invoice)"]
    facts = (
        ("Seller", e.seller),
        ("Seller tax ID", e.seller_tax_id),
        ("Buyer", e.buyer),
        ("Invoice number", e.number),
        ("Invoice date", e.issue_date.isoformat() if e.issue_date else None),
        ("Delivery date", e.delivery_date.isoformat() if e.delivery_date else None),
        ("Due date", e.due_date.isoformat() if e.due_date else None),
        ("Currency", e.currency),
    )
    lines += [f"{label}: {value}" for label, value in facts if value]
    if e.lines:
        lines.append("Items:")
        lines += [
            f"  {line.quantity.normalize():f} x {line.description}: {line.amount}{unit}" for line in e.lines
        ]
    sums = (("Net total", e.net), ("Tax", e.tax), ("Total", e.total), ("Amount due", e.amount_due))
    lines += [f"{label}: {value}{unit}" for label, value in sums if value is not None]
    return "\n".join(lines)

"""OASIS UBL 2.x Invoice and CreditNote -> EInvoice (Peppol BIS Billing 3.0, XRechnung UBL).

A credit note states positive amounts, as the standard requires; its type code (381) says the
money flows back. The amounts are kept as the seller wrote them and the type code is kept.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reimburse.adapters.einvoice.safe_xml import find, find_all, local, namespace, text
from reimburse.adapters.einvoice.values import amount_in, to_date, to_decimal
from reimburse.domain.verdict.document import EInvoice, EInvoiceLine

INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"


def is_ubl(root: Any) -> bool:
    return (namespace(root), local(root)) in {(INVOICE_NS, "Invoice"), (CREDIT_NOTE_NS, "CreditNote")}


def read_ubl(root: Any) -> EInvoice | None:
    """None when the document states no payable or tax-inclusive total."""
    credit = local(root) == "CreditNote"
    currency = _currency(text(root, "DocumentCurrencyCode"))
    sums = find(root, "LegalMonetaryTotal")
    if sums is None:
        return None
    total = amount_in(find_all(sums, "TaxInclusiveAmount"), currency)
    due = amount_in(find_all(sums, "PayableAmount"), currency)
    if total is None:
        total = due
    if total is None:
        return None
    seller = find(root, "AccountingSupplierParty", "Party")
    type_code = text(root, "CreditNoteTypeCode" if credit else "InvoiceTypeCode")
    return EInvoice(
        syntax="UBL CreditNote" if credit else "UBL Invoice",
        total=total,
        currency=currency,
        amount_due=due,
        net=amount_in(find_all(sums, "TaxExclusiveAmount"), currency),
        tax=amount_in(find_all(root, "TaxTotal", "TaxAmount"), currency),
        number=text(root, "ID"),
        issue_date=to_date(text(root, "IssueDate")),
        due_date=to_date(text(root, "DueDate") or text(root, "PaymentMeans", "PaymentDueDate")),
        delivery_date=to_date(text(root, "Delivery", "ActualDeliveryDate")),
        seller=_party_name(seller),
        seller_tax_id=text(seller, "PartyTaxScheme", "CompanyID") if seller is not None else None,
        buyer=_party_name(find(root, "AccountingCustomerParty", "Party")),
        type_code=type_code or ("381" if credit else "380"),
        lines=tuple(_lines(root, credit)),
    )


def _currency(value: str | None) -> str | None:
    value = (value or "").strip().upper()
    return value if len(value) == 3 and value.isalpha() else None


def _party_name(party: Any) -> str | None:
    if party is None:
        return None
    # The trading name is what the page prints; the registration name is the legal fallback.
    return text(party, "PartyName", "Name") or text(party, "PartyLegalEntity", "RegistrationName")


def _lines(root: Any, credit: bool) -> list[EInvoiceLine]:
    lines = []
    for item in find_all(root, "CreditNoteLine" if credit else "InvoiceLine"):
        amount = to_decimal(text(item, "LineExtensionAmount"))
        if amount is None:
            continue
        quantity = to_decimal(text(item, "CreditedQuantity" if credit else "InvoicedQuantity"))
        lines.append(
            EInvoiceLine(
                description=text(item, "Item", "Name") or text(item, "Item", "Description") or "",
                amount=amount,
                quantity=quantity if quantity is not None and quantity > 0 else Decimal(1),
            )
        )
    return lines

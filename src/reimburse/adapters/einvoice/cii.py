"""UN/CEFACT Cross Industry Invoice -> EInvoice: Factur-X, ZUGFeRD 2.x, XRechnung (CII D16B,
namespace ...:CrossIndustryInvoice:100) and ZUGFeRD 1.0 (urn:ferd:CrossIndustryDocument:invoice:1p0).

ZUGFeRD 1.0 names the same business terms with other element names (HeaderExchangedDocument,
ApplicableSupplyChainTradeSettlement, ...); each step below lists both spellings, so one reader
serves both versions. Elements are matched by local name, because producers mix namespace
versions of the `ram`/`udt` vocabularies.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reimburse.adapters.einvoice.safe_xml import find, find_all, local, namespace, text
from reimburse.adapters.einvoice.values import amount_in, to_date, to_decimal
from reimburse.domain.verdict.document import EInvoice, EInvoiceLine

CII_NS = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
FERD1_NS = "urn:ferd:CrossIndustryDocument:invoice:1p0"

_DOC = "ExchangedDocument|HeaderExchangedDocument"
_TRADE = "SupplyChainTradeTransaction|SpecifiedSupplyChainTradeTransaction"
_AGREEMENT = "ApplicableHeaderTradeAgreement|ApplicableSupplyChainTradeAgreement"
_DELIVERY = "ApplicableHeaderTradeDelivery|ApplicableSupplyChainTradeDelivery"
_SETTLEMENT = "ApplicableHeaderTradeSettlement|ApplicableSupplyChainTradeSettlement"
_SUMMATION = "SpecifiedTradeSettlementHeaderMonetarySummation|SpecifiedTradeSettlementMonetarySummation"
_LINE_SETTLEMENT = "SpecifiedLineTradeSettlement|SpecifiedSupplyChainTradeSettlement"
_LINE_SUMMATION = "SpecifiedTradeSettlementLineMonetarySummation|SpecifiedTradeSettlementMonetarySummation"
_LINE_DELIVERY = "SpecifiedLineTradeDelivery|SpecifiedSupplyChainTradeDelivery"
# VAT number first (what a reviewer compares with the page), then the national tax number.
_TAX_SCHEMES = ("VA", "FC")


def is_cii(root: Any) -> bool:
    return (namespace(root), local(root)) in {
        (CII_NS, "CrossIndustryInvoice"),
        (FERD1_NS, "CrossIndustryDocument"),
    }


def read_cii(root: Any) -> EInvoice | None:
    """None when the document states no grand total (then it is not an invoice we can use)."""
    doc = find(root, _DOC)
    trade = find(root, _TRADE)
    if doc is None or trade is None:
        return None
    settlement = find(trade, _SETTLEMENT)
    currency = _currency(text(settlement, "InvoiceCurrencyCode") if settlement is not None else None)
    sums = find(settlement, _SUMMATION) if settlement is not None else None
    if sums is None:
        return None
    total = amount_in(find_all(sums, "GrandTotalAmount"), currency)
    if total is None:
        return None
    seller = find(trade, _AGREEMENT, "SellerTradeParty")
    return EInvoice(
        syntax="ZUGFeRD 1.0" if namespace(root) == FERD1_NS else "CII",
        total=total,
        currency=currency,
        amount_due=amount_in(find_all(sums, "DuePayableAmount"), currency),
        net=amount_in(find_all(sums, "TaxBasisTotalAmount"), currency),
        tax=amount_in(find_all(sums, "TaxTotalAmount"), currency),
        number=text(doc, "ID"),
        issue_date=to_date(text(doc, "IssueDateTime", "DateTimeString")),
        due_date=(
            to_date(text(settlement, "SpecifiedTradePaymentTerms", "DueDateDateTime", "DateTimeString"))
            if settlement is not None
            else None
        ),
        delivery_date=to_date(
            text(trade, _DELIVERY, "ActualDeliverySupplyChainEvent", "OccurrenceDateTime", "DateTimeString")
        ),
        seller=text(seller, "Name") if seller is not None else None,
        seller_tax_id=_tax_id(seller),
        buyer=text(trade, _AGREEMENT, "BuyerTradeParty", "Name"),
        type_code=text(doc, "TypeCode"),
        lines=tuple(_lines(trade)),
    )


def _currency(value: str | None) -> str | None:
    value = (value or "").strip().upper()
    return value if len(value) == 3 and value.isalpha() else None


def _tax_id(party: Any) -> str | None:
    if party is None:
        return None
    ids = find_all(party, "SpecifiedTaxRegistration", "ID")
    for scheme in _TAX_SCHEMES:
        for element in ids:
            if (element.get("schemeID") or "").upper() == scheme and text(element):
                return text(element)
    return next((t for t in (text(e) for e in ids) if t), None)


def _lines(trade: Any) -> list[EInvoiceLine]:
    lines = []
    for item in find_all(trade, "IncludedSupplyChainTradeLineItem"):
        amount = to_decimal(text(item, _LINE_SETTLEMENT, _LINE_SUMMATION, "LineTotalAmount"))
        if amount is None:  # a note-only line (ZUGFeRD 1.0 uses them for remarks)
            continue
        description = text(item, "SpecifiedTradeProduct", "Name") or text(
            item, "SpecifiedTradeProduct", "Description"
        )
        quantity = to_decimal(text(item, _LINE_DELIVERY, "BilledQuantity"))
        lines.append(
            EInvoiceLine(
                description=description or "",
                amount=amount,
                quantity=quantity if quantity is not None and quantity > 0 else Decimal(1),
            )
        )
    return lines

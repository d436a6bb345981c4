"""Line items (description + amount) from the table part of an invoice.

Items feed exclusions, so a "Kingfisher Beer 2 x 300.00  600.00" line must come out with its
amount. The table runs from a header row ("Description Qty Rate Amount", "Omschrijving ... Bedrag")
to the first subtotal/total/tax line; without a header, from the top of the document.
"""

from __future__ import annotations

import re
from decimal import Decimal

from reimburse.adapters.heuristic.amounts import CURRENCY_RE, AmountMatch
from reimburse.adapters.heuristic.text import clean_spaces
from reimburse.adapters.heuristic.totals import LineInfo
from reimburse.adapters.invoice_labels.labels import Label
from reimburse.domain.verdict.invoice import LineItem

_HEADER_WORDS = re.compile(
    r"(?i)(?<![^\W\d_])(description|item|items|particulars|details|service|services|qty|quantity|rate|"
    r"price|unit price|amount|total|hsn|omschrijving|aantal|prijs|bedrag|beschreibung|bezeichnung|"
    r"artikel|menge|anzahl|preis|betrag|désignation|quantité|qté|prix|montant|descripción|cantidad|"
    r"precio|importe|descrizione|quantità|prezzo|importo)(?![^\W\d_])"
)
_END_LABELS = {Label.SUBTOTAL, Label.TOTAL, Label.GRAND, Label.NET, Label.PAID, Label.DUE}
_SKIP_LABELS = _END_LABELS | {
    Label.TAX,
    Label.TAX_TOTAL,
    Label.DISCOUNT,
    Label.ROUNDING,
    Label.PREPAID,
    Label.CHANGE,
    Label.TIP,
    Label.TAX_INCLUDED,
    Label.OTHER,
    Label.INVOICE_DATE,
    Label.DATE,
    Label.TRAVEL_DATE,
    Label.OTHER_DATE,
    Label.CHECK_IN,
    Label.CHECK_OUT,
    Label.INVOICE_NO,
    Label.FOLIO_NO,
    Label.BOOKING_NO,
    Label.NAME,
    Label.VENDOR,
}
_QTY = re.compile(r"(?i)(?:^|\s)(?:(\d{1,3})\s*[x×]\s+|[x×]\s*(\d{1,3})(?=\s|$)|qty[:\s]*(\d{1,3}))")
_LEAD = re.compile(r"^\s*(?:\d{1,3}[.)]\s+|\d{1,3}\s{2,}|#?\d{1,3}\s+(?=[^\W\d_])|[-•*]\s+)")
_DATE_LEAD = re.compile(r"^\s*\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\s+")
_FIELDISH = re.compile(
    r"(?i)(?<![^\W\d_])(phone|tel|mobile|fax|email|e-mail|www|gstin|pan|fssai|cin|pin|table|cashier|"
    r"server|room no|seat|coach|berth|km|kms|distance|duration|time|page|visa|mastercard|master card|"
    r"amex|rupay|upi|paytm|gpay|card|cash|change|payment|paid|tender|credit|credits|debit)(?![^\W\d_])"
)


def _numeric_tail(info: LineInfo) -> list[AmountMatch]:
    """The amounts closing a line (qty, rate, amount), without numbers inside the description
    ("Distance (8.2 km)", "650ml")."""
    run = [info.amounts[-1]]
    for previous in reversed(info.amounts[:-1]):
        gap = info.text[previous.end : run[0].start]
        if re.search(r"[^\W\d_]{2,}", CURRENCY_RE.sub("", gap)):
            break
        run.insert(0, previous)
    return run


def _header_index(infos: list[LineInfo]) -> int | None:
    for i, info in enumerate(infos):
        if not info.amounts and len({m.group(1).lower() for m in _HEADER_WORDS.finditer(info.text)}) >= 2:
            return i
    return None


def read_items(infos: list[LineInfo]) -> tuple[LineItem, ...]:
    header = _header_index(infos)
    start = header + 1 if header is not None else 0
    items: list[LineItem] = []
    for info in infos[start:]:
        labels = {h.label for h in info.hits}
        if labels & _END_LABELS and (header is not None or items):
            break
        if labels & _SKIP_LABELS or not info.amounts:
            continue
        item = _item(info, in_table=header is not None)
        if item is not None:
            items.append(item)
    return tuple(items)


def _item(info: LineInfo, *, in_table: bool) -> LineItem | None:
    last = info.amounts[-1]
    if last.value <= 0 or not (last.explicit or in_table):
        return None
    # The line amount closes the line: only currency words or punctuation may follow it.
    if re.search(r"[^\W\d_]{4,}", info.text[last.end :]):
        return None
    run = _numeric_tail(info)
    description = info.text[: run[0].start]
    quantity = Decimal(1)
    q = _QTY.search(description)
    if q:
        quantity = Decimal(next(g for g in q.groups() if g))
        description = description[: q.start()] + " " + description[q.end() :]
    description = _DATE_LEAD.sub("", _LEAD.sub("", description))
    if not q and len(run) >= 3 and run[0].value == run[0].value.to_integral_value():
        quantity = run[0].value if 0 < run[0].value <= 100 else Decimal(1)
    description = clean_spaces(re.sub(r"[:|]+", " ", description)).strip(" -x×@(")
    if len(re.findall(r"[^\W\d_]", description)) < 2 or _FIELDISH.search(description):
        return None
    return LineItem(description=description, amount=last.value, quantity=quantity)

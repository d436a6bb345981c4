"""A card charged more than a total its subtotal and taxes reach, with nothing printed between.

A card payment is charged to the cent: a card slip's amount paid above the bill's total needs a
tip, a fee or a surcharge printed to explain it ("TOTAL 90.72" then "VISA 98.72"). Cash is not
judged: cash tendered above the bill is normal, the change often unprinted. A card amount below
the total is a split payment (card and cash), never a contradiction. Only an amount labelled as
paid counts (a bare "Amount" may be a minimum or a hold). A slip that prints a percentage, a fee,
a surcharge, cash out or cashback, a pre-authorisation, or a conversion to another currency
may charge more than the bill for reasons the reader cannot add up: it is not judged. An amount
paid in another currency than the total's printed one is that total converted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reimburse.adapters.heuristic.printed_gap import gap_printed
from reimburse.adapters.heuristic.totals import LineInfo, TotalsReading, labelled_amounts
from reimburse.adapters.invoice_labels.labels import Label
from reimburse.domain.verdict.money import CENT
from reimburse.domain.verdict.verdict import Flag, FlagCode

# Card words of till slips and card receipts (no cash words: tendered cash may exceed the bill).
CARD = re.compile(
    r"(?i)(?<![^\W\d_])(?:visa|master\s?card|maestro|amex|american\s+express|diners|discover|jcb|unionpay|"
    r"debit|credit|card|contactless|eftpos|girocard|ec[\s-]?karte|karte|kartenzahlung|carte|cb|tarjeta|carta|"
    r"kort|kaart|pinnen)(?![^\W\d_])"
)
# Lines that explain a payment above the total: a tip, change, rounding, a deposit or balance.
_BETWEEN = frozenset({Label.TIP, Label.CHANGE, Label.ROUNDING, Label.PREPAID, Label.DUE})
# What a slip may add to the bill without its amount read: a rate, a fee, cash handed out, a hold,
# a conversion (dynamic currency conversion prints the rate and the second currency).
_ADDS = re.compile(
    r"(?i)%|(?<![^\W\d_])(?:surcharge|fees?|cash\s?out|cash\s?back|pre-?auth\w*|authori[sz]\w*|"
    r"exchange\s+rate|conversion|converted|dcc)(?![^\W\d_])"
)
# How far below a card word its slip prints the amount ("VISA ****7702  APPROVED" / "AMOUNT $98.72").
_SLIP_LINES = 2


def card_over_total(infos: Sequence[LineInfo], reading: TotalsReading) -> Flag | None:
    total = reading.total
    if reading.subtotal is None or reading.taxes is None or reading.subtotal + reading.taxes != total:
        return None  # only a total its subtotal and taxes reach is held against the card
    if total <= 0 or any(h.label in _BETWEEN for info in infos for h in info.hits):
        return None
    found = labelled_amounts(list(infos))
    total_lines = [x.line for x in found if x.label in (Label.GRAND, Label.TOTAL) and x.value == total]
    if not total_lines:
        return None
    total_line = max(total_lines)
    card_lines = [i for i, info in enumerate(infos) if i > total_line and CARD.search(info.text)]
    if not card_lines or any(_ADDS.search(info.text) for info in infos[card_lines[0] :]):
        return None
    printed = [a.value for info in infos for a in info.amounts]
    money = {x.amount.currency for x in found if x.line == total_line and x.amount.currency}
    for x in found:
        if x.label is not Label.PAID or not x.amount.explicit or x.value <= total + CENT:
            continue
        if not any(0 <= x.line - i <= _SLIP_LINES for i in card_lines):
            continue
        if money and x.amount.currency and x.amount.currency not in money:
            continue  # charged in another currency than the bill's
        if gap_printed(x.value - total, printed):
            continue  # the difference is printed: a surcharge or tip whose label was not read
        return Flag(
            FlagCode.TOTAL_MISMATCH.value,
            f"The card was charged {x.value}, more than the total {total}, and no tip or fee is printed.",
        )
    return None

"""A document's own decimal mark decides what '1,699' is.

`find_amounts` reads one line at a time and takes a lone comma before three digits as a thousands
group ("$5,300" on a Colombian bill). A page that prints its money with a decimal comma ("63,08
EUR", "257,59") groups thousands with a dot or a space, the German, French, Polish and Dutch
convention, so there '1,699 EUR/l', '54,910 l' or '1,273 kg' is a litre price, a volume or a weight
with three decimals: read as 1699, 54910 or 1273 it outbids the real total and breaks the sums.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from reimburse.adapters.heuristic.amounts import AmountMatch

_COMMA_CENTS = re.compile(r"\d,\d\d$")
_DOT_CENTS = re.compile(r"\d\.\d\d$")
_THREE_PLACES = re.compile(r"(\d{1,3}),(\d{3})")


def prints_decimal_comma(found: list[list[AmountMatch]]) -> bool:
    """Money printed with a decimal comma and never with a decimal point: one mark, no doubt."""
    raws = [a.raw for amounts in found for a in amounts]
    return any(_COMMA_CENTS.search(r) for r in raws) and not any(_DOT_CENTS.search(r) for r in raws)


def three_places(amounts: list[AmountMatch]) -> list[AmountMatch]:
    """`amounts` (as find_amounts read them) with each lone 'd,ddd' read as three decimals; for a page that
    prints a decimal comma, wherever its amounts are read (a line, a repaired line, a layout cell)."""
    row = []
    for a in amounts:
        m = _THREE_PLACES.fullmatch(a.raw)
        if m:
            value = Decimal(f"{m.group(1)}.{m.group(2)}")
            a = replace(a, value=-value if a.value < 0 else value, has_decimals=True)
        row.append(a)
    return row


def read_three_places(
    found: list[list[AmountMatch]], decimal_comma: bool | None = None
) -> list[list[AmountMatch]]:
    """`found` with each lone 'd,ddd' read as three decimals when the page prints a decimal comma
    (`decimal_comma`, when the caller has worked it out already)."""
    if decimal_comma is None:
        decimal_comma = prints_decimal_comma(found)
    if not decimal_comma:
        return found
    return [three_places(amounts) for amounts in found]

"""A document that ends on a carried sum: the page holding its total is not in the file.

A long invoice hands its running sum from one page to the next ("Übertrag", "Suma y sigue",
"À reporter", "A riportare", "Do przeniesienia", "Carried forward") and prints its total on the last
page. When nothing labelled as a sum follows the last carry-over, the file stops before that page:
whatever amount stands in for the total (the carried sum, the largest amount) is a guess.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reimburse.adapters.invoice_labels.amount_labels import CARRY_OVER
from reimburse.adapters.invoice_labels.labels import Label

if TYPE_CHECKING:
    from reimburse.adapters.heuristic.totals import Labelled, LineInfo

_CARRY = re.compile(
    r"(?i)(?<![^\W\d_])(?:"
    + "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in (*CARRY_OVER, "carried forward"))
    + r")(?![^\W\d_])"
)
# What a last page prints after the carried sum: the invoice's sums.
_SUMS = frozenset({Label.GRAND, Label.TOTAL, Label.DUE, Label.PAID, Label.NET, Label.SUBTOTAL, Label.WEAK})
_PROSE = re.compile(r"(?<![^\W\d_])[^\W\d_]{2,}(?![^\W\d_])")


def ends_on_carry_over(infos: list[LineInfo], found: list[Labelled]) -> bool:
    """The last line carrying a sum over a page, printed with an amount and opening its cell (not
    a sentence that names the phrase), comes after every amount labelled as a sum."""
    carried = [
        i
        for i, info in enumerate(infos)
        if info.amounts and any(_opens_cell(info.text, m) for m in _CARRY.finditer(info.text))
    ]
    if not carried:
        return False
    sums = [x.line for x in found if x.label in _SUMS and x.value > 0 and x.line not in carried]
    return max(carried) > max(sums, default=-1)


def _opens_cell(text: str, m: re.Match[str]) -> bool:
    cell = text[: m.start()].rsplit("   ", 1)[-1]
    # "Summe Übertrag", "Total à reporter": a sum word may open the phrase's cell
    return len(_PROSE.findall(cell)) <= 1

"""Items that add up to more than the total they are charged under, with nothing printed between.

A receipt's items are parts of its total: without a discount, voucher, deposit or rounding
printed (the only ways a whole falls below its parts), items summing above the total mean the
items or the total are wrong ("2,60 + 4,20 + 18,50 + 3,40" under "TOTAL 25,70"). A reviewer
decides which. Items summing below the total are no contradiction: taxes, service and fees are
often printed as lines the item reader does not take, and OCR drops lines more often than it
invents them. A subtotal printed is checked against the total by the arithmetic instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from reimburse.adapters.heuristic.printed_gap import gap_printed
from reimburse.adapters.heuristic.totals import LineInfo
from reimburse.adapters.invoice_labels.labels import AMOUNT_LABELS, Label, find_labels
from reimburse.domain.verdict.invoice import LineItem
from reimburse.domain.verdict.money import CENT
from reimburse.domain.verdict.verdict import Flag, FlagCode

# Lines that may bring a whole below its parts, or that the arithmetic of a subtotal judges.
_BETWEEN = frozenset(
    {Label.SUBTOTAL, Label.DISCOUNT, Label.ROUNDING, Label.PREPAID, Label.TIP, Label.NET, Label.DUE}
)


def items_over_total(
    items: Sequence[LineItem], total: Decimal, infos: Sequence[LineInfo], *, labelled: bool
) -> Flag | None:
    """`labelled`: the total was read under a total's own label (not "Amount" or a payment)."""
    if len(items) < 2 or total <= 0 or not labelled:
        return None
    if any(h.label in _BETWEEN for info in infos for h in info.hits):
        return None
    if any(h.label in AMOUNT_LABELS for i in items for h in find_labels(i.description)):
        return None  # the item reader took a labelled amount ("Amount 6.60") for an item
    if _running_sum(items):
        return None
    printed = [a.value for info in infos for a in info.amounts]
    if any(a < 0 for a in printed):
        return None  # a reduction is printed, whatever its name ("Clubcard Price -0.75", "Meal deal -1.70")
    parts = sum((i.amount for i in items), Decimal(0))
    gap = parts - total
    # the difference printed: a reduction whose label was not read, or a receipt printed twice
    if gap <= CENT or gap_printed(gap, printed):
        return None
    return Flag(
        FlagCode.TOTAL_MISMATCH.value,
        f"The items add up to {parts}, more than the total {total}, and no discount is printed.",
    )


def _running_sum(items: Sequence[LineItem]) -> bool:
    """An item equal to the sum of two or more above it is an unlabelled sum ("Net 858.00"); it
    decides when a tax or fee lies between that sum and the total."""
    seen = Decimal(0)
    for k, item in enumerate(items):
        if k >= 2 and abs(item.amount - seen) <= CENT:
            return True
        seen += item.amount
    return False

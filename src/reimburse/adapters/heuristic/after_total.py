"""A bare "Total" that sums the lines before tax, with the tax and the amount due printed under it.

Small businesses' invoices and some tills total the work first and add the tax after it: "Total
273.00 / Sales Tax 7% 19.11 / Balance Due 292.11", "Total 11.00 / VAT 20% 2.20 / Amount due 13.20",
"Total 11.00 / Discount -2.00 / Amount paid 9.00". When the amount due (or paid by card) under the
total is exactly that total with the taxes, discounts and rounding printed between them, and nothing
else is printed between them, the amount due is what is charged: a tax already inside the total
would leave the amount due equal to it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from reimburse.adapters.invoice_labels.labels import Label
from reimburse.domain.verdict.money import CENT

if TYPE_CHECKING:
    from reimburse.adapters.heuristic.totals import Labelled

_STEPS = frozenset({Label.TAX, Label.TAX_TOTAL, Label.DISCOUNT, Label.ROUNDING})
_ADDED = frozenset({Label.TAX, Label.TAX_TOTAL, Label.DISCOUNT})


def charged_after(chosen: Labelled, items: list[Labelled], amount_lines: set[int] | None) -> Labelled | None:
    """The amount due or paid under a bare "Total" that is the total with the steps printed
    between them (one tax or discount at least); None when there is none. Not judged when a
    deposit or cash handed back is printed (the amount due or paid is then another sum)."""
    if chosen.label is not Label.TOTAL or amount_lines is None:
        return None
    if any(x.label in (Label.PREPAID, Label.CHANGE) and x.value != 0 for x in items):
        return None
    for x in sorted((x for x in items if x.label in (Label.DUE, Label.PAID)), key=lambda x: x.line):
        if x.line <= chosen.line or x.value <= 0 or x.value == chosen.value or not x.amount.explicit:
            continue
        between = [y for y in items if chosen.line < y.line < x.line]
        steps = [y for y in between if y.label in _STEPS]
        if len(steps) != len(between) or not any(y.label in _ADDED for y in steps):
            continue
        if {i for i in amount_lines if chosen.line < i < x.line} - {y.line for y in steps}:
            continue  # an amount line between them that no step label names: a fee, a deposit
        if abs(chosen.value + sum((_signed(y) for y in steps), Decimal(0)) - x.value) <= CENT:
            return x
    return None


def _signed(step: Labelled) -> Decimal:
    return -abs(step.value) if step.label is Label.DISCOUNT else step.value

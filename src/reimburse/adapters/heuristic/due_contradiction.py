"""An amount due that contradicts a confirmed total ("Total 288,00" and "Montant à payer 318,00").

An amount due may differ from the invoice's total for good reasons that the document prints: a
deposit or payment already made, a previous balance or past-due amount carried, a credit, a tip,
a discount, cash rounding. When none is printed, the subtotal and taxes reach the total, and the
difference itself is printed nowhere, the two sums cannot both be right: a reviewer decides which
is owed. A zero amount due is a settled bill, never a contradiction.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from reimburse.adapters.heuristic.labels import Label
from reimburse.domain.verdict.verdict import Flag, FlagCode

CENT = Decimal("0.01")

# Printed lines that explain an amount due different from the total.
EXPLAINING = frozenset({Label.PREPAID, Label.PAID, Label.CHANGE, Label.TIP, Label.DISCOUNT, Label.ROUNDING})


def due_contradiction(
    total: Decimal,
    dues: Iterable[Decimal],
    *,
    confirmed: bool,
    labels: Iterable[Label],
    carried: bool,
    printed: Iterable[Decimal],
) -> Flag | None:
    """`dues`: every amount printed as due; `labels`: the labels of the page's amounts other than zero (an "Advance 0.00" explains
    nothing); `carried`: a previous balance or a credit below zero is printed;
    `printed`: every amount the page prints (a printed difference is a part the reader missed)."""
    if total <= 0 or not confirmed or carried or EXPLAINING & set(labels):
        return None
    amounts = list(printed)
    due = next((d for d in dues if d > 0 and not _explained(d, total, amounts)), None)
    if due is None:
        return None
    return Flag(
        FlagCode.TOTAL_MISMATCH.value,
        f"The amount due {due} disagrees with the total {total}, which its subtotal and taxes reach, "
        "and no payment, deposit, previous balance or credit is printed to explain it.",
    )


def _explained(due: Decimal, total: Decimal, printed: list[Decimal]) -> bool:
    gap = abs(due - total)
    return gap <= CENT or any(abs(abs(a) - gap) <= CENT for a in printed)

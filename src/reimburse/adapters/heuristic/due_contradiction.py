"""An amount due that contradicts a confirmed total ("Total 288,00" and "Montant à payer 318,00").

An amount due may differ from the invoice's total for good reasons that the document prints: a
deposit or payment already made, a previous balance or past-due amount carried, a credit (any
amount printed below zero, whatever its name), a tip, a discount, cash rounding, fees or deductions. When none is printed, the subtotal and taxes reach
the total, and the difference is printed nowhere (neither as one amount nor as two), the two sums
cannot both be right: a reviewer decides which is owed. Only an amount due printed like money on
a line that names no date or condition is judged: "Amount due after 03/10/2025", "Amount due now"
(an instalment), "If paid after ..." are other sums owed at other times. An account's balance is
not the bill's amount due.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from reimburse.adapters.heuristic.dates import find_dates
from reimburse.adapters.heuristic.printed_gap import gap_printed, pair_printed
from reimburse.adapters.invoice_labels.labels import Label
from reimburse.domain.verdict.money import CENT
from reimburse.domain.verdict.verdict import Flag, FlagCode

# Printed lines that explain an amount due different from the total.
EXPLAINING = frozenset({Label.PREPAID, Label.PAID, Label.CHANGE, Label.TIP, Label.DISCOUNT, Label.ROUNDING})

# A due owed at another time or on a condition: a late or early-payment price, an instalment or
# part of the price (the part-payment words of totals' reading of a deposit or instalment).
_WHEN = re.compile(
    r"(?i)(?<![^\W\d_])(?:after|if|unless|now|today|instal{1,2}ments?|deposit|down\s*payment|"
    r"part(?:ial)?\s*payment|acompte|arrhes|anzahlung|teilzahlung|ratenzahlung|anticipo|seña|acconto|"
    r"caparra|aanbetaling|termijnbetaling)(?![^\W\d_])"
)
# A customer account's running balance ("Your account balance", "Total outstanding on your account").
_ACCOUNT = re.compile(
    r"(?i)(?<![^\W\d_])(?:account|konto|kontostand|compte|cuenta|conto|rekening)(?![^\W\d_])"
)


@dataclass(frozen=True)
class PrintedDue:
    value: Decimal
    line: str  # the text of the line it is printed on
    decimals: bool  # printed with cents or a currency, like money


def due_contradiction(
    total: Decimal,
    dues: Sequence[PrintedDue],
    *,
    confirmed: bool,
    labels: Iterable[Label],
    carried: bool,
    printed: Iterable[Decimal],
) -> Flag | None:
    """`dues`: the amounts printed as due, in the total's currency; `labels`: the
    labels of the page's amounts other than zero (an "Advance 0.00" explains nothing); `carried`:
    a previous balance is printed; `printed`: every amount the page prints
    (a printed difference is a part the reader missed). A zero due leaves the total as the
    difference, which is printed."""
    if total <= 0 or not confirmed or carried or EXPLAINING & set(labels):
        return None
    amounts = list(printed)
    if any(a < 0 for a in amounts):
        return None  # a credit or reduction is printed, whatever its name ("Avoir n° 12 -10,00")
    due = next((d for d in dues if _judged(d) and not _explained(d.value - total, amounts)), None)
    if due is None:
        return None
    return Flag(
        FlagCode.TOTAL_MISMATCH.value,
        f"The amount due {due.value} disagrees with the total {total}, which its subtotal and taxes reach, "
        "and no payment, deposit, previous balance or credit is printed to explain it.",
    )


def _judged(due: PrintedDue) -> bool:
    """Printed like money, on a line that names no date, condition or account."""
    line = due.line
    return due.decimals and not (_WHEN.search(line) or _ACCOUNT.search(line) or find_dates(line))


def _explained(gap: Decimal, printed: list[Decimal]) -> bool:
    return abs(gap) <= CENT or gap_printed(gap, printed) or pair_printed(gap, printed)

"""A bill that is also an account statement: previous balance, payments, this bill's charges.

Telecom and utility bills print the account's movement beside the bill: "Previous Balance 65.00 /
Payments Received -65.00 / Current Charges 71.48 / Total Amount Due 71.48". The payments settle
the previous balance, not this bill, so they are no deposit on it; what the previous balance left
unpaid is carried into the amount due, and the bill's own charges are the rest. A bill's section
totals ("Total Electric", "Total Gas") are parts of the amount it asks, not rival totals.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from reimburse.adapters.invoice_labels.labels import Label, find_labels
from reimburse.domain.verdict.money import CENT

if TYPE_CHECKING:
    from reimburse.adapters.heuristic.totals import LineInfo

# The earlier bill's balance as statements label it (each phrase is an "other" amount label).
_PREVIOUS = re.compile(
    r"(?i)^(?:previous(?:\s+(?:unpaid|overdue))?\s+balance|balance\s+(?:brought\s+)?forward|prior\s+balance|"
    r"previous\s+(?:invoice|bill|amount\s+due)|last\s+month'?s\s+charges|balance\s+from\s+previous\s+bills|"
    r"solde\s+(?:précédent|antérieur)|vorheriger\s+saldo|alter\s+saldo|vorig\s+saldo|saldo\s+(?:anterior|precedente))$"
)

# A long folio's or ledger's running balance handed to its next page ("Balance carried forward",
# "Balance c/f"): what a document carrying one brings forward is its own earlier page, no bill.
_PAGE_CARRY = re.compile(r"(?i)carried\s+forward|balance\s+c/f(?![^\W\d_])")


def carried_balances(infos: list[LineInfo]) -> list[Decimal]:
    """The previous balances printed as money on their own label's line, in page order."""
    if any(_PAGE_CARRY.search(info.text) for info in infos):
        return []
    out = []
    for info in infos:
        for hit in info.hits:
            if not _PREVIOUS.match(re.sub(r"\s+", " ", hit.text.strip())):
                continue
            after = [a for a in info.amounts if a.start >= hit.end and a.explicit]
            if after:
                out.append(after[0].value)
                break
    return out


def own_charges(due: Decimal, carried: list[Decimal], payments: list[Decimal]) -> Decimal | None:
    """This bill's charges when only the amount due names a total: the due less what the previous
    balance left unpaid after the payments. None when the sums do not describe a statement."""
    if not carried or not payments:
        # no payment read: the "previous balance" may be a comparison chart's or settled by a
        # payment worded otherwise; leaving the due as the total is safer than taking it off
        return None
    left = carried[0] - sum(payments, Decimal(0))
    if left < 0 or left >= due:
        return None
    return due - left


# What a bill adds to its sections' sum (a fee, a charge, a tax); a carried or unpaid balance and
# another invoice are no such charge, even when worded as one ("Previous charges").
_CHARGE = re.compile(
    r"(?i)(?<![^\W\d_])(?:fees?|charges?|surcharge|supplies|shipping|delivery|freight|handling|disposal)(?![^\W\d_])"
)
_CARRIED = re.compile(
    r"(?i)(?<![^\W\d_])(?:previous|prior|past|overdue|unpaid|outstanding|arrears|balance|forward|"
    r"invoice|bill|statement)(?![^\W\d_])"
)


def adds_to_bill(text: str) -> bool:
    """A line between a bill's last section total and its amount due that is part of this bill:
    it names a fee or charge, or is a tax, and names no earlier balance or other invoice."""
    if _CARRIED.search(text):
        return False
    return bool(_CHARGE.search(text)) or any(
        h.label in (Label.TAX, Label.TAX_TOTAL) for h in find_labels(text)
    )


def carried_in_due(
    due: Decimal, due_line: int, carried: list[Decimal], line_amounts: dict[int, list[Decimal]]
) -> Decimal | None:
    """This bill's own charges when the amount due is a previous balance printed right above it
    plus the amounts printed right above that balance ("Electric 85.18 / Gas 41.39 / Previous
    Balance 52.10 / Total Amount Due 178.67"): the earlier bill's balance is no expense of this one.
    None when the page does not add up so."""
    above = sorted(i for i in line_amounts if i < due_line and line_amounts[i])
    if len(above) < 2 or line_amounts[above[-1]][-1] not in carried:
        return None
    balance = line_amounts[above[-1]][-1]
    if not 0 < balance < due:
        return None
    own, run = due - balance, Decimal(0)
    for i in reversed(above[:-1]):
        run += line_amounts[i][-1]
        if abs(run - own) <= CENT:
            return own
        if run > own:
            return None
    return None


def sections_total(sections: list[Decimal], dues: list[tuple[Decimal, list[Decimal]]]) -> Decimal | None:
    """The amount due that two or more section totals add up to exactly, the last one printed.
    Each due comes with the amounts printed between the last section and it (a charge, the tax:
    "Total Parts / Total Labor / Shop supplies / Sales Tax / Balance Due"): they count too. The
    caller gives only dues whose lines between all add to the bill (adds_to_bill)."""
    if len(sections) < 2:
        return None
    whole = sum(sections, Decimal(0))
    return next(
        (d for d, extra in reversed(dues) if d > 0 and abs(d - whole - sum(extra, Decimal(0))) <= CENT),
        None,
    )

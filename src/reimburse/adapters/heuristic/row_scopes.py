"""What a table's section says about each row of a schedule printed as lines: the allowance a
section names and the next block of the same table."""

from __future__ import annotations

import re

from reimburse.adapters.heuristic.clauses import Clause

# Australian public-sector awards name the daily rate for a night away (lodging, meals, incidentals)
# the "travelling allowance" (NSW's circular C2011-30 "Capital cities  Per day", the Commonwealth's
# office holders' "Travelling Allowance Rates"): the per diem. India's TA is the fare, never paid by
# the day, so only a daily unit beside it makes it one.
_TRAVELLING_ALLOWANCE = re.compile(r"(?i)(?<![^\W\d_])travel(?:l?ing)?\s+allowances?(?![^\W\d_])")
_BY_THE_DAY = re.compile(r"(?i)(?<![^\W\d_])(?:per\s+day|daily|a\s+day|per\s+diem)(?![^\W\d_])")


def next_block(clause: Clause, above: Clause) -> bool:
    """The clause's heading is the next block of the table above it: the same last column ("Per
    day"), filed by the splitter under the previous block's heading."""
    here, there = (re.split(r"\s{3,}", h.strip()) for h in (clause.heading, above.heading))
    return (
        clause.parent == above.heading != clause.heading
        and len(here) > 1
        and len(there) > 1
        and here[-1].casefold() == there[-1].casefold()
    )


def daily_travelling_allowance(clause: Clause) -> bool:
    """The clause sits under a "travelling allowance" heading whose rows are paid by the day."""
    above = (clause.label, clause.heading, clause.lead, clause.parent)
    return any(_TRAVELLING_ALLOWANCE.search(t) for t in above if t) and any(
        _BY_THE_DAY.search(t) for t in (*above, clause.text) if t
    )

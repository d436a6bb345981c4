"""Whether the difference between two sums is printed on the page.

A contradiction flag rests on two printed sums that cannot both be right. When their difference is
itself printed, it is a part whose label the reader did not take (a fee, a reduction, a deduction),
and the two sums agree. Reductions are printed below zero ("Promotion -2.00"), so sizes are compared.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from itertools import combinations

from reimburse.domain.verdict.money import CENT


def gap_printed(gap: Decimal, printed: Iterable[Decimal]) -> bool:
    size = abs(gap)
    return any(abs(abs(a) - size) <= CENT for a in printed)


def pair_printed(gap: Decimal, printed: Iterable[Decimal]) -> bool:
    """Two printed amounts add up to the difference: two fees or two deductions ("Less TDS 20.00",
    "Less TCS 1.00") between a total and what is due."""
    size = abs(gap)
    parts = [abs(a) for a in printed if 0 < abs(a) < size]
    return any(abs(a + b - size) <= CENT for a, b in combinations(parts, 2))

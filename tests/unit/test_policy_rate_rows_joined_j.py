"""Two mileage rows the text layer joins into one line ("... 58 cents per mile Round trip exceeds 100
miles 33 cents per mile", set J: UNC's mileage chart) stay two rates: the distance right after "per"
is the unit, not the "round trip" the next row opens with."""

from __future__ import annotations

from decimal import Decimal

from reimburse.adapters.heuristic.caps import find_caps
from reimburse.domain.verdict.policy import CapUnit, RuleType

JOINED = "Round trip up to 80 miles 61 cents per mile Round trip over 80 miles 29 cents per mile"


def test_joined_rate_rows_give_two_rates_and_no_cap() -> None:
    found = find_caps(JOINED, money_text=True)
    assert [(f.amount.value, f.unit, f.kind) for f in found] == [
        (Decimal("0.61"), CapUnit.MILE, RuleType.RATE),
        (Decimal("0.29"), CapUnit.MILE, RuleType.RATE),
    ]

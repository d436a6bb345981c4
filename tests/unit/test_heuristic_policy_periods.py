"""Period phrasing in English policies: what a cap is shared over (issue 13)."""

from __future__ import annotations

import pytest

from reimburse.adapters.heuristic.deadlines import find_deadline_rule
from reimburse.adapters.heuristic.periods import Scope, scope_of
from reimburse.domain.verdict.policy import CapUnit, Period


@pytest.mark.parametrize(
    ("clause", "unit", "scope"),
    [
        (
            "Meals are reimbursed up to INR 600 per day in total, whatever the number of bills.",
            CapUnit.DAY,
            Scope(Period.DAY),
        ),
        ("Meals: up to $75 per day in aggregate.", CapUnit.DAY, Scope(Period.DAY)),
        ("Meal allowance is INR 600 per day.", CapUnit.DAY, Scope()),
        ("Local cab rides up to INR 1,000 a month.", CapUnit.MONTH, Scope(Period.MONTH)),
        ("Internet charges are reimbursed monthly up to INR 1,500.", CapUnit.MONTH, Scope(Period.MONTH)),
        ("Professional memberships up to $500 per calendar year.", CapUnit.YEAR, Scope(Period.YEAR)),
        ("Gym fees up to EUR 300 per week.", CapUnit.INVOICE, Scope(Period.WEEK)),
        ("Books up to $200 per quarter.", CapUnit.INVOICE, Scope(Period.QUARTER)),
        ("Training up to $2,000 annually.", CapUnit.INVOICE, Scope(Period.YEAR)),
        ("A laptop up to INR 90,000 in any 3-year period.", CapUnit.INVOICE, Scope(Period.YEAR, 3)),
        ("Spectacles up to $250 once every two years.", CapUnit.INVOICE, Scope(Period.YEAR, 2)),
        ("Phone bills up to INR 800, up to 2 claims per month.", CapUnit.INVOICE, Scope(Period.MONTH, 1, 2)),
        ("One phone bill a month is reimbursed, up to INR 800.", CapUnit.MONTH, Scope(Period.MONTH, 1, 1)),
        ("Team dinners up to $300, once a quarter.", CapUnit.INVOICE, Scope(Period.QUARTER, 1, 1)),
        (
            "Cabs up to INR 1,000 per month, no more than 10 claims per month.",
            CapUnit.MONTH,
            Scope(Period.MONTH),
        ),
        # Not periods: per-bill units and a deadline's words.
        ("Hotels up to INR 4,000 per night.", CapUnit.NIGHT, Scope()),
        ("Taxi up to $40 per ride; submit within 3 months.", CapUnit.RIDE, Scope()),
        ("Any claim up to $1,000 must be filed within a week.", CapUnit.INVOICE, Scope()),
    ],
)
def test_period_phrasing(clause: str, unit: CapUnit, scope: Scope) -> None:
    assert scope_of(clause, unit) == scope


def test_a_count_of_claims_per_month_is_no_deadline() -> None:
    assert find_deadline_rule("One mobile phone bill a month is reimbursed, up to INR 800.") is None
    found = find_deadline_rule("Claims must be submitted within a month of the invoice date.")
    assert found is not None and found.months == 1

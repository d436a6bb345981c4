"""A heading that names both sides of the state line ("Travel In-state/Out-of-State", "In-State or
Out-of-State travel") covers both: no side is a condition of the limits under it (set J: University
of South Alabama). A slash between sides that stand beside amounts still pairs them."""

from __future__ import annotations

from decimal import Decimal

from reimburse.adapters.heuristic.conditions import scopes_in
from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.domain.verdict.document import Document


def test_both_state_sides_joined_are_no_side() -> None:
    assert scopes_in("Trips In-state/Out-of-State") == []
    assert scopes_in("In-State or Out-of-State trips") == []


def test_sides_beside_amounts_stay_sides() -> None:
    assert scopes_in("Dinner In-state/Out-of-state: $20/$24") == ["In-state", "Out-of-state"]


def test_a_daily_meal_limit_under_a_both_sides_heading_is_unconditional() -> None:
    text = (
        "Trips In-state/Out-of-State\n"
        "Meals are repaid at actual cost up to a maximum of $48.00 per day of travel."
    )
    policy = HeuristicPolicyInterpreter().read(Document("p.pdf", "2c" * 32, text, (text,)))
    [cap] = [c for c in policy.caps if c.amount == Decimal("48.00")]
    assert cap.condition is None

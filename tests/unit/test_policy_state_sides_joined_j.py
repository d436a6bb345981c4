"""Both sides of the state line joined by "or"/"and" ("In-State or Out-of-State travel") are no side,
as "domestic or international" already was (set J: University of South Alabama's heading names both
sides). A slash between them still names two columns (test_policy_both_sides_h)."""

from __future__ import annotations

from decimal import Decimal

from reimburse.adapters.heuristic.conditions import scopes_in
from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.domain.verdict.document import Document


def test_both_state_sides_joined_are_no_side() -> None:
    assert scopes_in("In-State or Out-of-State trips") == []
    assert scopes_in("In-state and out-of-state trips") == []


def test_a_slash_between_state_sides_still_names_two() -> None:
    assert scopes_in("Dinner (In-state / Out-of-state)") == ["In-state", "Out-of-state"]


def test_a_daily_meal_limit_for_both_sides_is_unconditional() -> None:
    text = "Meals\nFor in-state or out-of-state trips, meals are repaid at actual cost up to $48.00 per day."
    policy = HeuristicPolicyInterpreter().read(Document("p.pdf", "2c" * 32, text, (text,)))
    [cap] = [c for c in policy.caps if c.amount == Decimal("48.00")]
    assert cap.condition is None

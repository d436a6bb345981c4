"""US meal lists write the meal, a mark, then its limit: "Breakfast=$9.00" as bullets, or
"breakfast, $9; lunch, $12" in a sentence (set J: Messiah University, University of
Missouri-St. Louis). The meal before "=" or "," labels the amount as it does before ":"."""

from __future__ import annotations

from decimal import Decimal

from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import CapUnit


def _meal_caps(text: str) -> dict[Decimal, CapUnit]:
    policy = HeuristicPolicyInterpreter().read(Document("p.pdf", "0a" * 32, text, (text,)))
    return {c.amount: c.unit for c in policy.caps if c.category == "meals"}


def test_meals_written_with_an_equals_sign() -> None:
    text = "\n".join(
        [
            "Meals on overnight trips",
            "Actual costs are paid, but should stay within these guidelines (tip included):",
            "- Breakfast=$9.00",
            "- Lunch=$14.00",
            "- Dinner=$27.00",
        ]
    )
    assert _meal_caps(text) == {
        Decimal("9.00"): CapUnit.MEAL,
        Decimal("14.00"): CapUnit.MEAL,
        Decimal("27.00"): CapUnit.MEAL,
    }


def test_meals_written_with_a_comma_in_a_sentence() -> None:
    text = (
        "Meal costs\n"
        "When only some meals are claimed, each may not exceed its own maximum: "
        "breakfast, $9; lunch, $12.50; and dinner, $23.50."
    )
    assert set(_meal_caps(text)) == {Decimal(9), Decimal("12.50"), Decimal("23.50")}


def test_a_comma_after_a_kind_does_not_make_a_count_money() -> None:
    # No currency: "meals, 3" is a count in a text that prints its money with "$".
    text = "Meals\nBreakfast is $9 and lunch is $12 per day.\nMeals, 3 a day at most, are paid at cost."
    assert Decimal(3) not in _meal_caps(text)

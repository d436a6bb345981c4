"""Meal rows as rate pages print them: several meals on one line under a "per diem" lead-in, a
meal's row with a day's unit, and the British and Canadian names of dinner ("supper", "evening
meal"). Seen at two Canadian universities' rate pages and a British university's subsistence table
of the external sets; the texts here are written for the tests and keep those shapes."""

from __future__ import annotations

from decimal import Decimal

from reimburse.domain.verdict.policy import CapUnit
from tests.policy_text import read


def _meal_caps(text: str) -> dict[str, tuple[Decimal, CapUnit]]:
    return {c.meal: (c.amount, c.unit) for c in read(text).caps if c.meal}


def test_several_meal_rows_on_one_line_under_a_per_diem_are_each_per_meal() -> None:
    caps = _meal_caps("Partial per diem: Breakfast - $9.00 Lunch - $14.00 Supper - $22.00\n")
    assert caps == {
        "breakfast": (Decimal("9.00"), CapUnit.MEAL),
        "lunch": (Decimal("14.00"), CapUnit.MEAL),
        "dinner": (Decimal("22.00"), CapUnit.MEAL),
    }


def test_meal_rows_with_a_per_day_unit_stay_apart() -> None:
    caps = _meal_caps(
        "Daily rates while on travel status\nBreakfast $18.40 per day\nLunch $19.00 per day\nDinner $44.10 per day\n"
    )
    assert caps == {
        "breakfast": (Decimal("18.40"), CapUnit.DAY),
        "lunch": (Decimal("19.00"), CapUnit.DAY),
        "dinner": (Decimal("44.10"), CapUnit.DAY),
    }


def test_evening_meal_is_dinner() -> None:
    caps = _meal_caps("Subsistence rates\nLunch £9\nEvening Meal £21\n")
    assert caps["dinner"][0] == Decimal("21")
    assert caps["lunch"][0] == Decimal("9")


def test_two_meals_joined_before_a_daily_amount_are_no_one_meal() -> None:
    caps = read("Lunch and dinner $40 per day when away overnight.\n").caps
    assert [(c.amount, c.meal, c.unit) for c in caps] == [(Decimal("40"), "", CapUnit.DAY)]

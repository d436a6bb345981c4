"""An allowance named for two meals of the day together ("including lunch and dinner") pays the
day's two meals: it is no cap on either meal alone, and it must not replace the single meal's own
row. Texts written for these tests, in the layout of UK subsistence rate tables."""

from __future__ import annotations

from decimal import Decimal

from reimburse.domain.verdict.policy import CapRule, CapUnit
from tests.policy_text import read

RATES = """  1 Mar 2021 1 Apr 2023
Part of a day including breakfast £8.00 £9.00
Part of a day including lunch £8.00 £9.00
Part of a day including dinner £20.00 £22.00
Part of a day including lunch and dinner £28.00 £30.00
"""


def _caps(text: str) -> list[CapRule]:
    return list(read(text).caps)


def test_two_meals_together_are_a_day_amount_and_the_lunch_row_keeps_its_own() -> None:
    caps = _caps(RATES)
    by_meal = {c.meal: c for c in caps if c.unit is CapUnit.MEAL}
    assert by_meal["lunch"].amount == Decimal("9.00")  # not the two meals' £30
    assert by_meal["breakfast"].amount == Decimal("9.00")
    assert by_meal["dinner"].amount == Decimal("22.00")
    (both,) = [c for c in caps if c.amount == Decimal("30.00")]
    assert both.unit is CapUnit.DAY
    assert both.meal == ""


def test_one_amount_for_each_of_two_meals_stays_per_meal() -> None:
    (cap,) = _caps("Breakfast and lunch: up to $12 each.")
    assert cap.unit is CapUnit.MEAL


def test_alternative_meals_are_no_two_meals_together() -> None:
    (cap,) = _caps("Breakfast or lunch: up to $12.")
    assert cap.unit is CapUnit.MEAL

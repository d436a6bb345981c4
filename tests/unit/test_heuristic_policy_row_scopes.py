"""Rows of a schedule printed as lines, read with what the lines around them say (policy sets M, O and
Q, issue 19): a "travelling allowance" section paid by the day (Australian public-sector awards), the
next block of the same table, towns the gazetteer does not know among rows by place, and caption lines
naming the places the meal rows under them hold for. The texts are written for the tests."""

from __future__ import annotations

from decimal import Decimal

from reimburse.domain.verdict.policy import CapUnit, Policy
from tests.policy_text import read

ALLOWANCES = """Schedule of staff allowances

Travelling allowances
Capital cities   Per day
Hobart   $241.50
Darwin   $305.20
Perth   $290.00
Regional centres   Per day
Townsville (QLD)   $231.40
Geelong (VIC)   $228.90
"""


def _limits(policy: Policy) -> dict[Decimal, tuple[str, CapUnit, str]]:
    return {c.amount: (c.category, c.unit, c.condition.text if c.condition else "") for c in policy.caps}


def test_a_travelling_allowance_paid_by_the_day_is_the_per_diem_of_each_place() -> None:
    limits = _limits(read(ALLOWANCES))
    assert limits[Decimal("241.50")] == ("meals", CapUnit.DAY, "location Hobart")
    assert limits[Decimal("290.00")] == ("meals", CapUnit.DAY, "location Perth")


def test_the_next_block_of_the_table_stays_in_the_allowance_section() -> None:
    limits = _limits(read(ALLOWANCES))
    assert limits[Decimal("231.40")] == ("meals", CapUnit.DAY, "location Townsville (QLD)")
    assert limits[Decimal("228.90")] == ("meals", CapUnit.DAY, "location Geelong (VIC)")


def test_a_travelling_allowance_not_paid_by_the_day_is_no_per_diem() -> None:
    # India's TA is the fare: without a daily unit the rows are no meal allowance.
    # The heading names no kind, so only the daily-unit guard keeps the rows from meals.
    text = "Travelling allowance\nCapital cities   Class\nHobart   $41.50\nPerth   $90.00\n"
    assert not [c for c in read(text).caps if c.category == "meals"]


def test_a_town_among_rows_by_place_is_its_rows_place() -> None:
    text = "Hotel nightly limits\n\nYakima: $98/night\nSeattle: $180/night\nWenatchee: $104/night\n"
    limits = _limits(read(text))
    assert limits[Decimal("98")][2] == "location Yakima"
    assert limits[Decimal("104")][2] == "location Wenatchee"


def test_rows_by_place_need_a_known_city_or_a_heading_of_places() -> None:
    text = "Hotel nightly limits\n\nYakima: $98/night\nWenatchee: $104/night\n"
    assert all(c.condition is None or "Yakima" not in c.condition.text for c in read(text).caps)


def test_captions_splitting_meal_rows_by_class_of_place_condition_their_rows() -> None:
    # A schedule's wrapped header and numbered items, as a state circular prints them.
    text = (
        "Table 3 Rates\n\nItem   Rule\nDescription   Amount\nNo   No\nMeals on day trips\n"
        "1   Capital cities and high cost regional towns (listed in\nitem 2)\n"
        "4.1.1   Breakfast   $22.40\n4.1.2   Dinner   $44.30\n4.1.3   Lunch   $25.10\n"
        "Zone 2 and other regional towns (listed in item 2)\n"
        "4.1.1   Breakfast   $20.05\n4.1.2   Dinner   $40.20\n4.1.3   Lunch   $23.35\n"
        "2   Other allowances\n"
    )
    limits = _limits(read(text))
    assert "Capital cities and high cost regional towns" in limits[Decimal("22.40")][2]
    assert "Capital cities and high cost regional towns" in limits[Decimal("25.10")][2]
    # The class as printed, every part of it: "Zone 2" alone would lose "other regional towns".
    assert limits[Decimal("40.20")][2].startswith("location Zone 2 and other regional towns")


def test_a_caption_naming_a_place_conditions_the_meal_rows_under_it() -> None:
    text = "Meals\n\nLondon Meal Rates (£60 Daily)\n\nBreakfast £12\nLunch £18\nDinner £30\n"
    limits = _limits(read(text))
    assert limits[Decimal("12")][2] == "location London"
    assert limits[Decimal("30")][2] == "location London"


def test_one_caption_naming_only_a_class_of_places_leaves_its_rows_alone() -> None:
    text = "Meals\n\nMeal allowances for all locations\n\nBreakfast $12\nLunch $18\nDinner $30\n"
    assert all(c.condition is None for c in read(text).caps if c.amount in (12, 18, 30))


def test_a_caption_excluding_a_place_does_not_give_the_rows_that_place() -> None:
    # Review s16 finding 1: the rows became San Francisco's, and a claim elsewhere had no cap.
    for caption in ("Every location except San Francisco", "Cities other than San Francisco"):
        text = f"Meals\n\n{caption}\n\nBreakfast $11\nLunch $14\nDinner $26\n"
        caps = [c for c in read(text).caps if c.amount in (11, 14, 26)]
        assert caps
        assert all(c.condition is None or "San Francisco" not in c.condition.text for c in caps)


def test_only_rows_by_place_in_a_travelling_allowance_section_are_meals_per_day() -> None:
    # Review s16 finding 3: the next block's other allowances became a meals cap for every place.
    text = ALLOWANCES + "Other allowances   Per day\nCamping allowance   $21.40\nTent Allowance   $18.70\n"
    limits = _limits(read(text))
    assert limits[Decimal("241.50")] == ("meals", CapUnit.DAY, "location Hobart")
    assert all(
        category != "meals"
        for category, _, _ in (limits.get(Decimal(a)) or ("",) * 3 for a in ("21.40", "18.70"))
    )


def test_a_caption_for_all_other_places_keeps_its_rows_as_the_fallback() -> None:
    # Review s16 (pre-existing): the second caption's rows took the first caption's city and vanished,
    # so a claim in any other city had no cap.
    text = (
        "Meal rates\n\nMeals in San Francisco\n\nBreakfast $17\nLunch $23\nDinner $41\n\n"
        "Meals in all other locations\n\nBreakfast $13\nLunch $15\nDinner $29\n"
    )
    limits = _limits(read(text))
    assert limits[Decimal("17")][2] == "location San Francisco"
    assert limits[Decimal("13")][2] == "location elsewhere"
    assert limits[Decimal("29")][2] == "location elsewhere"

"""Amounts a policy prints beside its limits that are none: a "suggested breakdown" of a per diem
(how it may be spent), rates that held before a date (superseded), and a flat amount for private
lodging whichever side of the amount the stay is named on. The texts are written for the tests and
keep the shapes of external policies (a Canadian university's per-diem page, another's rate page
with the rates before a date, an Australian agreement's non-commercial accommodation)."""

from __future__ import annotations

from decimal import Decimal

from reimburse.domain.verdict.policy import RuleType
from tests.policy_text import read


def _amounts(text: str) -> set[Decimal]:
    return {c.amount for c in read(text).caps}


def test_a_suggested_breakdown_of_a_per_diem_gives_no_meal_limits() -> None:
    text = (
        "The per diem for meals is $55.00 per day.\n"
        "The suggested breakdown for meals is $11.00 for breakfast, $16.00 for lunch and $28.00 for dinner.\n"
    )
    assert _amounts(text) == {Decimal("55.00")}
    examples = {r.amount for r in read(text).amounts if r.kind is RuleType.EXAMPLE}
    assert {Decimal("11.00"), Decimal("16.00"), Decimal("28.00")} <= examples


def test_amounts_given_for_guidance_only_are_no_limits() -> None:
    text = "Meals on day trips\nFor guidance only: breakfast up to $12 and lunch up to $18.\n"
    assert _amounts(text) == set()


def test_rates_that_held_before_a_date_never_cap() -> None:
    text = (
        "Meal allowance\nBreakfast $14\nLunch $20\nDinner $31\n"
        "Note: the meal rates prior to March 1, 2021 were $50 (Breakfast $10; Lunch $15; Dinner $25).\n"
    )
    caps = {(c.meal, c.amount) for c in read(text).caps}
    assert caps == {("breakfast", Decimal("14")), ("lunch", Decimal("20")), ("dinner", Decimal("31"))}


def test_the_previous_rates_were_no_limits() -> None:
    # The older rate is the higher here: read as a limit, it would have won over today's.
    text = "Lodging is capped at $160 per night. The previous lodging rates were $185 per night.\n"
    assert _amounts(text) == {Decimal("160")}


def test_non_commercial_accommodation_named_after_the_amount_is_no_hotel_cap() -> None:
    text = "Staff may claim up to $55 per night to cover costs of staying in non-commercial accommodation.\n"
    assert _amounts(text) == set()


def test_a_hotel_cap_beside_a_later_private_stay_clause_stays() -> None:
    text = "Hotels may cost up to $170 per night; staying with friends earns no allowance.\n"
    assert Decimal("170") in _amounts(text)

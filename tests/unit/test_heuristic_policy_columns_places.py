"""Limits with their own conditions: clauses joined by ";", a lead-in that governs every amount of
its sentence, tables whose header names one column per amount, cities as places, and the
currency a policy names its dollar by. Texts written for these tests."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reimburse.adapters.heuristic.conditions import condition_in, locations_in
from reimburse.adapters.heuristic.policy_currency import policy_currency
from reimburse.domain.verdict.policy import ELSEWHERE, CapRule
from tests.policy_text import read


def _caps(text: str) -> dict[Decimal, CapRule]:
    return {c.amount: c for c in read(text).caps}


def _where(cap: CapRule) -> tuple[str, ...]:
    return cap.condition.locations if cap.condition else ()


def test_each_clause_after_a_semicolon_keeps_its_own_scope_and_amount() -> None:
    caps = _caps(
        "For trips abroad, meals may not exceed $95 per day; for domestic trips the limit is $60 per day."
    )
    assert set(caps) == {Decimal(95), Decimal(60)}
    assert _where(caps[Decimal(95)]) == ("international",)
    assert _where(caps[Decimal(60)]) == ("domestic",)
    assert caps[Decimal(60)].category == "meals"


def test_a_lead_in_condition_holds_for_every_amount_of_its_sentence() -> None:
    caps = _caps(
        "On day trips of more than 40 miles, staff may be reimbursed up to $7 for breakfast and $15 for dinner."
    )
    assert set(caps) == {Decimal(7), Decimal(15)}
    for cap in caps.values():
        assert cap.condition is not None
        assert "day trips" in cap.condition.other
        assert "40 miles" in cap.condition.other


def test_an_amount_with_its_own_trip_condition_does_not_take_the_opening_one() -> None:
    caps = _caps("Overnight travel up to $55 per day, day trips up to $25 per day.")
    assert caps[Decimal(25)].condition is not None
    assert "Overnight" not in caps[Decimal(25)].condition.other


def test_two_columns_named_by_the_header_give_two_limits_with_their_conditions() -> None:
    caps = _caps(
        "Meal allowances\nStandard  Inner London\nBreakfast up to £5.50 up to £7.00\n"
        "Evening meal up to £14.00 up to £19.00\n"
    )
    assert set(caps) == {Decimal("5.50"), Decimal("7.00"), Decimal("14.00"), Decimal("19.00")}
    assert _where(caps[Decimal("7.00")]) == ("Inner London",)
    assert _where(caps[Decimal("19.00")]) == ("Inner London",)
    assert caps[Decimal("5.50")].condition is None
    assert caps[Decimal("14.00")].condition is None


def test_a_glued_header_with_a_notes_column_still_names_the_amount_columns() -> None:
    caps = _caps(
        "Meal  RateInner London RateNotes\nLunch up to £9.00 up to £11.00 (when away over midday)\n"
        "Dinner up to £16.00 up to £20.00 (when back after 8 pm)\n"
    )
    assert _where(caps[Decimal("11.00")]) == ("Inner London",)
    assert _where(caps[Decimal("20.00")]) == ("Inner London",)
    assert caps[Decimal("9.00")].condition is None


def test_columns_headed_by_effective_dates_keep_only_the_newest() -> None:
    caps = _caps(
        "Subsistence\n  1 Mar 2021   1 Apr 2023\nFor part of a day including lunch £9.00 £11.00\n"
        "For part of a day including dinner £21.00 £23.00\n"
    )
    assert set(caps) == {Decimal("11.00"), Decimal("23.00")}


def test_columns_in_date_order_reversed_keep_the_newest_too() -> None:
    caps = _caps("Hotel rates\n  1 Apr 2023   1 Mar 2021\nFor one night in a hotel £130.00 £110.00\n")
    assert set(caps) == {Decimal("130.00")}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Hotel (London rate) £150 per night", "London"),
        ("Accommodation in Manchester: up to £120 per night.", "Manchester"),
        ("Hotel in Osaka up to ¥15000 per night.", "Osaka"),
        ("Lodging in Nairobi: up to $140 per night.", "Nairobi"),
    ],
)
def test_capitals_and_large_cities_are_places(text: str, place: str) -> None:
    [cap] = read(text).caps
    assert _where(cap) == (place,)


def test_city_rows_no_longer_merge_into_one_limit() -> None:
    caps = _caps("Hotel in Tokyo up to ¥22000 per night. Hotel in Osaka up to ¥16000 per night.")
    assert _where(caps[Decimal(22000)]) == ("Tokyo",)
    assert _where(caps[Decimal(16000)]) == ("Osaka",)


def test_outside_a_city_is_every_other_place() -> None:
    assert locations_in("for 24 hours outside London") == (ELSEWHERE,)
    assert locations_in("for 24 hours in London") == ("London",)


@pytest.mark.parametrize(
    "label",
    [
        "Mobile phone charges",
        "Reading materials",
        "a nice hotel",
        "Bath towels and toiletries",
        "male and female staff",
        "muscat wine",
        "Victoria sponge",
        "a phoenix logo",
    ],
)
def test_common_words_are_no_places(label: str) -> None:
    assert condition_in(label) is None


@pytest.mark.parametrize(
    "label",
    [
        "Staff of the University of Toronto may claim",
        "Dublin City University staff",
        "Osaka Bank Ltd employees",
    ],
)
def test_a_city_inside_an_institution_s_name_is_no_place(label: str) -> None:
    assert condition_in(label) is None


def test_a_city_in_lower_case_is_no_place() -> None:
    assert condition_in("the lima bean salad") is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Breakfast 20.35, lunch 20.60 (Canadian $, taxes included)", "CAD"),
        ("Meals up to 50 Canadian dollars per day.", "CAD"),
        ("Meals: C$50 per day", "CAD"),
        ("Meals CA$50 per day", "CAD"),
        ("Meals A$45 per day", "AUD"),
        ("Meals AU$45 per day", "AUD"),
        ("Meals are paid at 45 Australian dollars a day.", "AUD"),
        ("Hotels up to NZ$180 per night", "NZD"),
        ("Hotels up to HK$900 per night", "HKD"),
        ("Hotels up to S$220 per night", "SGD"),
        ("Hotels up to US$200 per night", "USD"),
        ("Hotéis até R$350 por noite", "BRL"),
    ],
)
def test_a_dollar_named_by_its_country_is_that_country_s(text: str, code: str) -> None:
    assert policy_currency(text) == code


def test_c_dollar_in_a_nicaraguan_policy_is_the_cordoba() -> None:
    assert policy_currency("Viáticos en Nicaragua: hotel C$ 900 por noche") == "NIO"

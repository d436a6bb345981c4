"""A stay named after a per-night amount says when the amount is paid, not what it pays for: under
a heading that names the kind ("Incidental expenses"), the heading's kind is capped. Texts written
for these tests."""

from __future__ import annotations

from decimal import Decimal

from reimburse.domain.verdict.policy import CapUnit
from tests.policy_text import read


def test_a_per_night_allowance_for_stays_somewhere_keeps_its_heading_kind() -> None:
    policy = read(
        "Incidental expenses\n"
        "Small costs such as newspapers and snacks are paid within these limits.\n"
        "Home country: £6 per night for stays in the UK\n"
        "Abroad: £12 per night for stays outside the UK\n"
    )
    caps = {c.amount: c for c in policy.caps}
    for amount in (Decimal(6), Decimal(12)):
        assert caps[amount].category == "incidentals", caps[amount]
        assert caps[amount].unit is CapUnit.NIGHT


def test_a_hotel_stay_named_before_the_amount_is_still_the_hotel() -> None:
    policy = read("Incidental expenses\nHotel stays in the UK: £95 per night\n")
    assert [c.category for c in policy.caps if c.amount == Decimal(95)] == ["hotel"]


def test_without_a_heading_kind_the_stay_names_the_hotel() -> None:
    policy = read("Limits\n£80 per night for stays in Leeds\n")
    assert [c.category for c in policy.caps if c.amount == Decimal(80)] == ["hotel"]


def test_a_heading_with_the_date_its_rates_start_from_still_heads_its_rows() -> None:
    # Without its heading the row would sit under the meal table above and cap meals.
    policy = read(
        "Meal Allowance\n"
        "Breakfast up to £5.00\n"
        "\n"
        "Accommodation Rates (Bed and Breakfast) w.e.f 01.04.23\n"
        "\n"
        "UK - Leeds £95.00 per night\n"
    )
    assert [c.category for c in policy.caps if c.amount == Decimal(95)] == ["hotel"]


def test_an_allowance_for_a_period_of_24_hours_is_a_day_amount() -> None:
    policy = read(
        "Subsistence rates\n"
        "For part of a day including breakfast £7.00\n"
        "The allowance for a full period of 24 hours away from base £70.00\n"
    )
    units = {c.amount: c.unit for c in policy.caps}
    assert units[Decimal(70)] is CapUnit.DAY
    assert units[Decimal(7)] is CapUnit.MEAL


def test_a_bracket_between_the_kind_and_its_amount_qualifies_the_row() -> None:
    policy = read(
        "Subsistence rates\nFor bed and breakfast £95.00\nFor bed and breakfast (London rate) £130.00\n"
    )
    caps = {c.amount: c for c in policy.caps}
    london = caps[Decimal(130)]
    assert london.category == "hotel"
    assert london.condition is not None and "London" in london.condition.locations

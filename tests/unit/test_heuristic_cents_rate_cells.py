"""Mileage rates printed in cents in table cells (issue 19): "65.5 cents/mile" (the slash is the
unit, no fraction or date) and "56 cents" under a "Rate per Mile" header (the header says the unit).
Set K (BYU) and set L (Stanford). Texts are short paraphrases, not copies."""

from __future__ import annotations

from decimal import Decimal

from reimburse.domain.verdict.policy import CapUnit, RuleType
from tests.policy_text import read


def _rates(text: str) -> set[tuple[Decimal, CapUnit | None]]:
    policy = read(text)
    return {(a.amount, a.unit) for a in policy.amounts if a.kind is RuleType.RATE}


def test_cents_with_a_slash_unit_are_a_rate() -> None:
    text = (
        "Mileage Rates\n\nCar rate 62.5 cents/mile 64 cents/mile\nMeals are reimbursed up to $40 per day.\n"
    )
    assert _rates(text) == {(Decimal("0.625"), CapUnit.MILE), (Decimal("0.64"), CapUnit.MILE)}


def test_cents_cells_take_the_unit_of_their_header() -> None:
    text = (
        "Vehicle   Rate per Mile\nOwn car   58 cents\nMotorbike   31.5 cents\nHotels up to $150 per night.\n"
    )
    assert _rates(text) == {(Decimal("0.58"), CapUnit.MILE), (Decimal("0.315"), CapUnit.MILE)}


def test_cents_under_a_header_without_a_distance_stay_unread() -> None:
    # A header with no unit of distance says nothing of the cents below it: no rate is made up.
    text = "Vehicle   Notes\nOwn car   58 cents\nHotels up to $150 per night.\n"
    assert _rates(text) == set()


def test_a_fraction_after_a_bare_number_is_still_no_money() -> None:
    assert _rates("Support is available 24/7 and mileage is paid at 60 cents per mile.\n") == {
        (Decimal("0.60"), CapUnit.MILE)
    }

"""Meal allowances paid only when the journey starts or ends at certain hours, as UK subsistence
rates print them (a "Requirements" column, a footnote after the amount). The hours are the
amount's condition, one the engine cannot check, so such a claim goes to a reviewer instead of
being paid on a guess. Texts written for these tests."""

from __future__ import annotations

from decimal import Decimal

from reimburse.adapters.heuristic.conditions import travel_hours_in
from reimburse.domain.verdict.policy import CapRule
from tests.policy_text import read


def _caps(text: str) -> dict[Decimal, CapRule]:
    return {c.amount: c for c in read(text).caps}


def _other(cap: CapRule) -> str:
    return cap.condition.other if cap.condition else ""


TABLE = """Day subsistence, up to a maximum of:
Meal  AllowanceOuter London AllowanceRequirements
Breakfast up to £5.50 up to £6.50 (Requiring travel before 7:00 am)
Lunch up to £7.00 up to £9.00 (Requiring travel before 11:00 am and
continuing after 2:30 pm)
Dinner up to £14.00 up to £17.00 (Requiring travel after 8:00 pm)
"""


def test_a_requirements_column_gives_every_amount_of_its_row_the_hours() -> None:
    caps = _caps(TABLE)
    assert _other(caps[Decimal("5.50")]) == "Requiring travel before 7:00 am"
    assert _other(caps[Decimal("6.50")]) == "Requiring travel before 7:00 am"
    assert _other(caps[Decimal("17.00")]) == "Requiring travel after 8:00 pm"
    # The requirement that runs over two lines stays whole (longer than a short bracket note).
    assert _other(caps[Decimal("7.00")]) == "Requiring travel before 11:00 am and continuing after 2:30 pm"


def test_the_hours_written_after_a_comma_are_still_the_amounts_condition() -> None:
    caps = _caps("Breakfast: up to £12, only if leaving home before 6.30 am.")
    assert _other(caps[Decimal(12)]) == "leaving home before 6.30 am"


def test_each_amount_keeps_its_own_hours() -> None:
    caps = _caps("Breakfast £6 when leaving home before 6 a.m. and dinner £22 when returning after 8 p.m.")
    assert _other(caps[Decimal(6)]) == "leaving home before 6 a.m."
    assert _other(caps[Decimal(22)]) == "returning after 8 p.m."


def test_a_limit_with_hours_is_never_held_as_met_and_names_what_is_missing() -> None:
    cap = _caps(TABLE)[Decimal("5.50")]
    assert cap.condition is not None
    assert cap.condition.holds(None, None) is None  # undecided: a reviewer is asked
    assert "Requiring travel before 7:00 am" in cap.condition.missing(None, None)


def test_hours_that_are_no_journey_are_no_condition() -> None:
    caps = _caps(
        "Claims received after 5 pm are processed the next day. Dinner is paid up to $30 per person."
    )
    assert _other(caps[Decimal(30)]) == ""
    assert travel_hours_in("The office closes at 6 pm; submit before 5 pm.") == []


def test_a_date_or_a_year_after_travel_is_no_hour() -> None:
    assert travel_hours_in("for travel before 15 March and travel after 2024 ends") == []
    assert travel_hours_in("travel after 20:00 hrs") == ["travel after 20:00 hrs"]

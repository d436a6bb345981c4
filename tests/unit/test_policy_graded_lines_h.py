"""A rate schedule printed one grade per line, "grade: amount", under a lead that names the
allowance (external set H: Kenya's per diem by job group and cluster, Nigeria's duty tour allowance
by grade level). Each line is a limit for its grade; a short line above the rows is their common
condition; a distance rate in such a list stays a rate."""

from __future__ import annotations

from decimal import Decimal

from tests.policy_text import read

KENYA_LIKE = """Daily subsistence rates for officers.

The per diem rates are set by band and by zone.

Zone A

Zone A rates are paid when officers go to the largest towns.

Job groups A to E: Ksh. 4,000

Ksh. 4,000 Job groups F to J: Ksh. 6,100

Ksh. 6,100 Job groups K to N: Ksh. 10,900

Zone B

Job groups A to E: Ksh. 3,300

Ksh. 3,300 Job groups F to J: Ksh. 4,700

Ksh. 4,700 Job groups K to N: Ksh. 8,100
"""

NIGERIA_LIKE = """Allowances of federal officers in Nigeria.

The tour allowance pays for lodging during approved tours.

Rates by grade:

  • Grade Level 15-17 and its equivalent – N36000/night
  • Grade Level 10-14 and its equivalent – N21000/night
  • Grade Level 01-09 and its equivalent – N12000/night

Where no flight is available a road allowance is paid:

  • Grade Level 15-17 – N70/Kilometre
  • Grade Level 07-14 – N50/Kilometre
  • Grade Level 01-06 – N30/Kilometre
"""


def _limits(text: str) -> dict[Decimal, tuple[str, str, str]]:
    policy = read(text)
    return {
        c.amount: (c.currency, c.unit.value, c.condition.text if c.condition else "") for c in policy.caps
    }


def test_each_grade_line_is_a_limit_for_its_grade_and_zone() -> None:
    limits = _limits(KENYA_LIKE)
    assert set(limits) == {Decimal(v) for v in ("4000", "6100", "10900", "3300", "4700", "8100")}
    currency, unit, condition = limits[Decimal("4700")]
    assert (currency, unit) == ("KES", "day")
    assert "Zone B" in condition and "Job groups F" in condition
    assert "Zone A" in limits[Decimal("6100")][2]


def test_the_repeated_amount_before_a_label_is_not_a_limit_of_that_label() -> None:
    # "Ksh. 4,000 Job groups F to J: Ksh. 6,100": 4,000 belongs to the line above.
    limits = _limits(KENYA_LIKE)
    assert "Job groups F" not in limits[Decimal("4000")][2]


def test_naira_rows_per_night_and_distance_rates_stay_rates() -> None:
    policy = read(NIGERIA_LIKE)
    assert policy.currency == "NGN"
    caps = {c.amount: c for c in policy.caps}
    assert set(caps) == {Decimal("36000"), Decimal("21000"), Decimal("12000")}
    assert caps[Decimal("21000")].unit.value == "night"
    assert caps[Decimal("21000")].currency == "NGN"


def test_a_list_without_grades_is_left_to_the_sentences() -> None:
    text = "Meal allowances:\n\nBreakfast: $12\n\nLunch: $18\n\nDinner: $30\n"
    conditions = {c.amount: c.condition for c in read(text).caps}
    assert all(cond is None or not cond.grades for cond in conditions.values())


def test_an_n_before_a_number_is_no_naira_outside_nigeria() -> None:
    from reimburse.adapters.heuristic.policy_currency import money_currencies

    assert "NGN" not in money_currencies("Room N205 costs $90 per night.")


def test_bare_numbers_after_grades_are_no_limits() -> None:
    text = "The per diem rates were revised in these years:\n\nGrade 1: 2019\nGrade 2: 2021\nGrade 3: 2023\n"
    assert not [c for c in read(text).caps if c.amount in (Decimal("2019"), Decimal("2021"), Decimal("2023"))]

"""Allowance schedules printed as bare amounts (cents, no sign) under a caption that names the
currency and a header set over several lines: region names run together on one line or split
around an "&" line, or a pipe table with a top line of places over one line per kind. Texts
written for these tests, in the layout of government allowance schedules."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from reimburse.adapters.heuristic.tables import read_table
from reimburse.domain.verdict.decide import Claim, decide
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.policy import ELSEWHERE, CapRule, CapUnit
from tests.policy_text import read

REGIONS = """Schedule B: Daily allowances

2. Trips at home Canadian $ (tax included)
Canada (every province)
&
Continental USA
Alaska & Yukon Northwest Territories Nunavut
2.1 Meal allowances
Breakfast 18.10 19.50 21.00 25.40
Lunch 19.00 19.90 27.25 31.10
Dinner 45.30 55.80 59.60 80.00
Meal allowance total 82.40 95.20 107.85 136.50
2.2 Incidental expense allowance 16.00 16.00 16.00 16.00
"""


def _by_amount(text: str) -> dict[Decimal, list[CapRule]]:
    out: dict[Decimal, list[CapRule]] = {}
    for cap in read(text).caps:
        out.setdefault(cap.amount, []).append(cap)
    return out


def _places(caps: list[CapRule]) -> set[str]:
    return {loc for c in caps if c.condition for loc in c.condition.locations}


def test_region_names_run_together_in_the_header_give_one_limit_per_cell() -> None:
    caps = _by_amount(REGIONS)
    for amount in ("18.10", "19.50", "21.00", "25.40", "19.90", "27.25", "31.10", "45.30", "80.00"):
        assert Decimal(amount) in caps, amount
    (nunavut_dinner,) = caps[Decimal("80.00")]
    assert nunavut_dinner.category == "meals"
    assert nunavut_dinner.unit is CapUnit.MEAL
    assert _places(caps[Decimal("80.00")]) == {"Nunavut"}
    # "Northwest Territories" is one region: the head noun closes the name before it.
    assert _places(caps[Decimal("59.60")]) == {"Northwest Territories"}
    assert _places(caps[Decimal("55.80")]) == {"Alaska & Yukon"}
    # The "&" line joins the lines either side into the first column's name.
    (first,) = caps[Decimal("18.10")]
    assert first.condition is not None
    assert "Canada" in first.condition.locations[0] and "USA" in first.condition.locations[0]


def test_each_region_row_holds_only_for_its_own_region() -> None:
    caps = _by_amount(REGIONS)
    (nunavut,) = caps[Decimal("25.40")]
    (territories,) = caps[Decimal("21.00")]
    assert nunavut.condition is not None and territories.condition is not None
    assert nunavut.condition.holds(None, "Nunavut")
    assert not nunavut.condition.holds(None, "Northwest Territories")
    assert territories.condition.holds(None, "Northwest Territories")


def test_the_total_row_is_no_limit_and_the_incidentals_row_is_one_per_region() -> None:
    caps = _by_amount(REGIONS)
    assert not {Decimal("82.40"), Decimal("95.20"), Decimal("107.85"), Decimal("136.50")} & set(caps)
    incidentals = caps[Decimal("16.00")]
    assert len(incidentals) == 4
    assert {c.category for c in incidentals} == {"incidentals"}
    assert len(_places(incidentals)) == 4


def test_bare_numbers_under_a_caption_that_names_no_currency_are_not_read_as_limits() -> None:
    text = REGIONS.replace("Canadian $ (tax included)", "(claims per thousand trips)")
    caps = _by_amount(text)
    assert not {Decimal("18.10"), Decimal("25.40"), Decimal("59.60")} & set(caps)


GROUPS = """Barème des frais de mission
(En euros.)
GROUPE | LYON | AUTRES VILLES | ||
---|---|---|---|---|
Hôtel et petit déjeuner |
Repas |
Hôtel et petit déjeuner |
Repas |
|
Groupe A (cadres) | 95,50 | 27,00 | 70,00 | 24,50 |
Groupe B (employés) | 80,00 | 25,00 | 58,40 | 20,00 |
Repas pris au wagon-restaurant : dans la limite de 26,00 €.
"""


def test_a_pipe_table_with_places_over_kinds_gives_grade_and_place_per_cell() -> None:
    caps = _by_amount(GROUPS)
    (lyon_room,) = caps[Decimal("95.50")]
    assert lyon_room.category == "hotel"  # a room with its breakfast is lodging
    assert lyon_room.condition is not None
    assert lyon_room.condition.grades == ("Groupe A (cadres)",)
    assert lyon_room.condition.locations == ("LYON",)
    (other_meal,) = caps[Decimal("20.00")]
    assert other_meal.category == "meals"
    assert other_meal.condition is not None
    assert other_meal.condition.grades == ("Groupe B (employés)",)
    assert other_meal.condition.locations == (ELSEWHERE,)  # "other cities": every place but Lyon
    others = {"27.00", "70.00", "24.50", "80.00", "25.00", "58.40"}
    assert {Decimal(a) for a in others} <= set(caps)


def test_a_table_column_for_a_room_with_breakfast_is_lodging() -> None:
    limits = read_table([("", "Hotel & breakfast", "Dinner"), ("London", "£120.00", "£30.00")])
    kinds = {limit.finding.amount.value: limit.kinds for limit in limits}
    assert kinds[Decimal("120.00")] == ["hotel"]
    assert kinds[Decimal("30.00")] == ["meals"]


def test_a_hotel_night_is_capped_by_the_row_of_the_claims_group_and_city() -> None:
    policy = read(GROUPS)
    night = Invoice(
        total=Decimal("100.00"), currency="EUR", invoice_date=date(2026, 3, 2), category="hotel", nights=1
    )

    def paid(grade: str | None, place: str) -> tuple[Decimal, bool]:
        verdict = decide(
            policy, night, Claim("A. Martin", date(2026, 3, 5), employee_grade=grade, location=place)
        )
        return verdict.reimbursable, any(f.code.value == "missing_fact" for f in verdict.flags)

    assert paid("Groupe B", "Lyon") == (Decimal("80.00"), False)
    assert paid("Groupe A", "Lyon") == (Decimal("95.50"), False)
    assert paid("Groupe B", "Marseille") == (Decimal("58.40"), False)  # the other-cities column
    # No group given: the lowest row of the place is paid and a reviewer is asked.
    assert paid(None, "Lyon") == (Decimal("80.00"), True)


def test_province_beside_a_city_is_every_other_place() -> None:
    caps = _by_amount(GROUPS.replace("AUTRES VILLES", "PROVINCE"))
    assert _places(caps[Decimal("58.40")]) == {ELSEWHERE}
    assert _places(caps[Decimal("80.00")]) == {"LYON"}

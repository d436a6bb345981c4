"""Conditions that govern a limit from its lead-in or heading, and limit tables whose columns the
text layer ran together (issue 19). The texts are synthetic paraphrases of phrasings that several
US university and company policies share."""

from __future__ import annotations

import hashlib
from decimal import Decimal

from reimburse.adapters.heuristic.conditions import governing_in
from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.adapters.heuristic.tables import read_table, spaced_tables
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import Policy


def read(text: str) -> Policy:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return HeuristicPolicyInterpreter(default_currency="USD").read(Document("p.pdf", sha, text, (text,)))


def limits(policy: Policy) -> set[tuple[str, Decimal, str, str, str]]:
    return {
        (c.category, c.amount, c.unit.value, c.meal, c.condition.text if c.condition else "")
        for c in policy.caps
    }


def test_a_funding_lead_in_is_the_condition_and_the_rest_names_the_kind() -> None:
    policy = read(
        "Lodging\nFor travel funded by federal grants: lodging may not exceed $150 per night.\n"
        "Otherwise lodging is reimbursed up to $220 per night.\n"
    )
    assert limits(policy) == {
        ("hotel", Decimal(150), "night", "", "funded by federal grants"),
        ("hotel", Decimal(220), "night", "", ""),
    }


def test_a_lead_in_line_about_grants_governs_the_paragraph_below_it() -> None:
    policy = read(
        "Meals\nState Grants per diem requirements:\nState grants have their own rules. The maximum meal "
        "reimbursement for a 24-hour period is $40.00.\n"
    )
    assert limits(policy) == {("meals", Decimal(40), "day", "", "State Grants")}


def test_a_sponsored_program_heading_is_a_condition_a_reviewer_checks() -> None:
    policy = read("Sponsored Program Travel\nMeals are limited to $40 per day.\n")
    (cap,) = policy.caps
    assert cap.condition is not None and "Sponsored Program" in cap.condition.other
    # The engine cannot check who funds a trip: such a limit names the fact it lacks.
    assert cap.condition.holds("A", "Domestic") is None


def test_the_claiming_method_and_the_kind_of_trip_are_conditions() -> None:
    policy = read(
        "Meals\nUnder the actual cost basis, the maximum limit per person is:\nBreakfast: $30\n\n"
        "Per diem\nIf an overnight stay is required, meals are reimbursed up to $60 per day.\n"
        "On the first and last day of travel meals are reimbursed up to $45 per day.\n"
    )
    assert limits(policy) == {
        ("meals", Decimal(30), "meal", "breakfast", "actual cost basis"),
        ("meals", Decimal(60), "day", "", "overnight stay"),
        ("meals", Decimal(45), "day", "", "the first and last day of travel"),
    }


def test_words_of_an_ordinary_limit_are_no_condition() -> None:
    policy = read(
        "Hotels\nHotel accommodation may not exceed EUR 200 per night including taxes, unless approved "
        "in writing by the CFO.\nTravel expenses\nThe maximum meal reimbursement for a 24-hour period is "
        "$50.\n"
    )
    assert {c.condition for c in policy.caps} == {None}


def test_governing_phrases_are_found_and_plain_headings_are_not() -> None:
    assert [w for _, _, w in governing_in("State of Florida Grants allowance requirements:")] == [
        "State of Florida Grants"
    ]
    assert [w for _, _, w in governing_in("Meals charged to a sponsored grant are limited")] == [
        "charged to a sponsored grant"
    ]
    assert [w for _, _, w in governing_in("when travel is at least 50 miles away from the office")] == [
        "at least 50 miles away"
    ]
    for plain in ("Entertainment Expenses", "University Business Travel", "Air travel", "per 24-hour period"):
        assert governing_in(plain) == []


def test_a_meal_table_by_location_gives_one_limit_per_cell() -> None:
    policy = read(
        "Business Meals\nMaximum rates per person by location and meal type are:\n"
        "Type of Meal Continental United States All Other Locations (including international)\n"
        "Breakfast $28 $35\nLunch $31 $40\nDinner $46 $60\n"
    )
    assert limits(policy) == {
        ("meals", Decimal(28), "meal", "breakfast", "location United States"),
        ("meals", Decimal(35), "meal", "breakfast", "location elsewhere / international"),
        ("meals", Decimal(31), "meal", "lunch", "location United States"),
        ("meals", Decimal(40), "meal", "lunch", "location elsewhere / international"),
        ("meals", Decimal(46), "meal", "dinner", "location United States"),
        ("meals", Decimal(60), "meal", "dinner", "location elsewhere / international"),
    }


def test_a_grade_table_without_currency_signs_gives_a_limit_per_grade_and_column() -> None:
    policy = read(
        "Hotel and meal limits by grade (INR)\nGrade Hotel per night Meals per day\nE1-E3 3000 1200\n"
        "E4-E6 4500 1500\nM1 and above 7000 2500\n"
    )
    assert limits(policy) == {
        ("hotel", Decimal(3000), "night", "", "grade E1-E3"),
        ("meals", Decimal(1200), "day", "", "grade E1-E3"),
        ("hotel", Decimal(4500), "night", "", "grade E4-E6"),
        ("meals", Decimal(1500), "day", "", "grade E4-E6"),
        ("hotel", Decimal(7000), "night", "", "grade M1 and above"),
        ("meals", Decimal(2500), "day", "", "grade M1 and above"),
    }
    # "M1 and above" is an open range: a higher grade gets that row.
    top = next(c for c in policy.caps if c.amount == Decimal(7000))
    assert top.condition is not None and top.condition.holds("M3", None) is True


def test_columns_named_by_kinds_share_the_rows_location() -> None:
    rows = spaced_tables(
        "Maximum Meals & Incidentals Maximum Lodging\nContinental US $62 per day $275 per day (excluding taxes)\n"
    )
    assert len(rows) == 1
    found = {(tuple(t.kinds), t.finding.amount.value, t.condition) for t in read_table(rows[0][0])}
    assert {(k, v, c.locations if c else ()) for k, v, c in found} == {
        (("meals", "incidentals"), Decimal(62), ("Continental US",)),
        (("hotel",), Decimal(275), ("Continental US",)),
    }


def test_a_sentence_with_two_amounts_is_no_table_row() -> None:
    assert (
        spaced_tables("Meals Lodging\nBreakfast is reimbursed at $10 and dinner up to $25 when travelling.\n")
        == []
    )


def test_a_spaced_dash_before_an_amount_is_no_minus_sign() -> None:
    policy = read("Travel Expenses\nMeals (domestic) - $75 per day; Meals (international) - $100 per day\n")
    assert limits(policy) == {
        ("meals", Decimal(75), "day", "", "location domestic"),
        ("meals", Decimal(100), "day", "", "location international"),
    }


def test_a_bracketed_amount_after_a_limit_is_the_other_rows_limit() -> None:
    policy = read("Meals\nDaily meal expenses should not exceed $50 ($75 in major cities).\n")
    assert limits(policy) == {
        ("meals", Decimal(50), "day", "", ""),
        ("meals", Decimal(75), "day", "", "location major cities"),
    }


def test_within_and_outside_a_place_are_the_travel_scopes() -> None:
    country = read(
        "Meals\nThe per diem for meals is $59 per day within the continental United States and $75 per "
        "day outside the continental United States.\n"
    )
    state = read(
        "Meals\nThe daily meal allowance for travel within the state is $45 and for travel outside the "
        "state is $60.\n"
    )
    assert limits(country) == {
        ("meals", Decimal(59), "day", "", "location domestic"),
        ("meals", Decimal(75), "day", "", "location international"),
    }
    assert limits(state) == {
        ("meals", Decimal(45), "day", "", "location in-state"),
        ("meals", Decimal(60), "day", "", "location out-of-state"),
    }


def test_the_scope_after_a_list_of_meal_amounts_is_each_ones() -> None:
    policy = read(
        "Meals\nBreakfast $15, lunch $20, dinner $35 for domestic travel; breakfast $20, lunch $30, "
        "dinner $50 for international travel.\n"
    )
    assert limits(policy) == {
        ("meals", Decimal(15), "meal", "breakfast", "location domestic"),
        ("meals", Decimal(20), "meal", "lunch", "location domestic"),
        ("meals", Decimal(35), "meal", "dinner", "location domestic"),
        ("meals", Decimal(20), "meal", "breakfast", "location international"),
        ("meals", Decimal(30), "meal", "lunch", "location international"),
        ("meals", Decimal(50), "meal", "dinner", "location international"),
    }


def test_a_sentence_about_its_own_unknown_thing_borrows_no_kind() -> None:
    policy = read(
        "Other expenses\nInternet is reimbursed up to $50 per month.\n"
        "A one-time relocation allowance of up to $2,000 is paid.\n"
        "Travel expenses\nNotary fees are limited to $20 per document.\n"
        "Lodging\nThe nightly rate should not exceed $200.\n"
    )
    # Neither the internet sentence before it nor the generic travel heading names the relocation
    # or the notary; a sentence about the limit itself ("The nightly rate") keeps its heading's kind.
    assert limits(policy) == {
        ("internet", Decimal(50), "month", "", ""),
        ("hotel", Decimal(200), "night", "", ""),
    }


def test_incidentals_tips_laundry_and_baggage_are_kinds_of_their_own() -> None:
    policy = read(
        "Travel expenses\nIncidental expenses are reimbursed up to $5 per day.\n"
        "Laundry is reimbursed up to $25 per trip.\nChecked baggage fees are reimbursed up to $35 per trip.\n"
    )
    assert limits(policy) == {
        ("incidentals", Decimal(5), "day", "", ""),
        ("laundry", Decimal(25), "trip", "", ""),
        ("baggage", Decimal(35), "trip", "", ""),
    }


def test_each_amount_of_a_scoped_pair_keeps_its_own_side() -> None:
    pair = read(
        "Lodging\nLodging should not exceed $250 per night domestic and $400 per night international.\n"
    )
    bracket = read("Meals\nMeals are reimbursed up to $75 per day ($100 per day for international travel).\n")
    us = read("Meals\nU.S. travel: up to $65 per day. Non-U.S. travel: up to $90 per day.\n")
    assert limits(pair) == {
        ("hotel", Decimal(250), "night", "", "location domestic"),
        ("hotel", Decimal(400), "night", "", "location international"),
    }
    # A lone international scope still chooses between two rows: it stays a condition.
    assert limits(bracket) == {
        ("meals", Decimal(75), "day", "", ""),
        ("meals", Decimal(100), "day", "", "location international"),
    }
    assert limits(us) == {
        ("meals", Decimal(65), "day", "", "location domestic"),
        ("meals", Decimal(90), "day", "", "location international"),
    }


def test_outside_a_country_is_the_international_side_not_that_country() -> None:
    policy = read(
        "Meals\nFor travel in the United States, meals are reimbursed up to $60 per day. For travel "
        "outside the United States, up to $80 per day.\n"
    )
    assert limits(policy) == {
        ("meals", Decimal(60), "day", "", "location domestic"),
        ("meals", Decimal(80), "day", "", "location international"),
    }


def test_a_city_class_after_a_list_of_meal_amounts_is_each_ones() -> None:
    policy = read(
        "Meals\nIndividual meals should not exceed $20 for breakfast, $25 for lunch and $45 for dinner in "
        "high cost cities.\n"
    )
    assert limits(policy) == {
        ("meals", Decimal(20), "meal", "breakfast", "location high cost cities"),
        ("meals", Decimal(25), "meal", "lunch", "location high cost cities"),
        ("meals", Decimal(45), "meal", "dinner", "location high cost cities"),
    }


def test_a_spaced_table_headed_by_city_classes() -> None:
    policy = read("Per Diem\nHigh-Cost Areas All Other Areas\nDaily Per Diem $79 $64\n")
    assert limits(policy) == {
        ("meals", Decimal(79), "day", "", "location High-Cost Areas"),
        ("meals", Decimal(64), "day", "", "location elsewhere"),
    }


def test_annually_is_a_limit_per_year() -> None:
    policy = read("Phones\nCell phone charges are reimbursed up to $600 annually.\n")
    assert limits(policy) == {("phone", Decimal(600), "year", "", "")}
    assert policy.caps[0].period.value == "year"  # an employee's running total over the year


def test_amounts_of_an_example_or_of_a_per_diem_without_receipts_cap_nothing() -> None:
    policy = read(
        "Meals\nMeals are reimbursed up to $60 per day.\nFor example, a traveller who spends $80 on dinner "
        "will be reimbursed $60.\nPer diem\nA per diem of $59 per day is paid without receipts for "
        "domestic travel.\n"
    )
    assert limits(policy) == {("meals", Decimal(60), "day", "", "")}
    kinds = {(a.kind.value, a.amount) for a in policy.amounts}
    assert {("example", Decimal(80)), ("rate", Decimal(59))} <= kinds


def test_a_grade_by_city_class_table_gives_a_limit_per_cell_with_both_headers() -> None:
    policy = read(
        "Hotel entitlement\nLevel Tier 1 cities Tier 2 cities\nL1-L3 Rs. 4,000 Rs. 3,000\n"
        "L4 and above Rs. 6,000 Rs. 4,500\n"
    )
    assert {(c.amount, c.currency, c.condition.text if c.condition else "") for c in policy.caps} == {
        (Decimal(4000), "INR", "grade L1-L3; location Tier 1 cities"),
        (Decimal(3000), "INR", "grade L1-L3; location Tier 2 cities"),
        (Decimal(6000), "INR", "grade L4 and above; location Tier 1 cities"),
        (Decimal(4500), "INR", "grade L4 and above; location Tier 2 cities"),
    }
    # The verdict side: a claim gives its grade and city class, and only that cell holds.
    cell = next(c for c in policy.caps if c.amount == Decimal(4500))
    assert cell.condition is not None
    assert cell.condition.holds("L5", "Tier 2 cities") is True
    assert cell.condition.holds("L2", "Tier 2 cities") is False
    assert cell.condition.holds(None, "Tier 2 cities") is None  # the grade is missing: review


def test_a_role_printed_as_a_lines_label_is_its_condition() -> None:
    policy = read("Lodging\nDirectors: up to $300 per night.\nAll other employees: up to $200 per night.\n")
    assert limits(policy) == {
        ("hotel", Decimal(300), "night", "", "grade Directors"),
        ("hotel", Decimal(200), "night", "", "grade All other employees"),
    }


def test_domestic_and_foreign_sides_in_other_languages() -> None:
    policy = read("Reisekosten\nInland: Verpflegung bis zu 28 EUR pro Tag. Ausland: bis zu 40 EUR pro Tag.\n")
    assert limits(policy) == {
        ("meals", Decimal(28), "day", "", "location domestic"),
        ("meals", Decimal(40), "day", "", "location international"),
    }


def test_a_place_before_the_amount_is_a_row_when_the_next_clause_says_elsewhere() -> None:
    policy = read(
        "Lodging\nHotel costs in New York City may not exceed $350 per night; elsewhere $250 per night.\n"
    )
    assert limits(policy) == {
        ("hotel", Decimal(350), "night", "", "location New York City"),
        ("hotel", Decimal(250), "night", "", "location elsewhere"),
    }


def test_the_length_of_a_stay_is_a_condition() -> None:
    policy = read(
        "Lodging\nLodging is reimbursed up to $200 per night.\nFor stays of 30 days or more, lodging is "
        "limited to $120 per night.\n"
    )
    assert limits(policy) == {
        ("hotel", Decimal(200), "night", "", ""),
        ("hotel", Decimal(120), "night", "", "30 days or more"),
    }


def test_per_person_then_a_period_is_a_limit_per_that_period() -> None:
    policy = read(
        "Lodging\nLodging is limited to $200 per person per night.\n"
        "Meals\nMeals are limited to $50 per person per day.\n"
    )
    assert limits(policy) == {
        ("hotel", Decimal(200), "night", "", ""),
        ("meals", Decimal(50), "day", "", ""),
    }

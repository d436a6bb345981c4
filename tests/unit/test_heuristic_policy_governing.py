"""Conditions that govern a limit from its lead-in or heading, and limit tables whose columns the
text layer ran together (issue 19). The texts are synthetic paraphrases of phrasings that several
US university and company policies share."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest

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


D = Decimal
ANNUALLY = "Phones\nCell phone charges are reimbursed up to $600 annually.\n"
EXAMPLE_AND_RATE = (
    "Meals\nMeals are reimbursed up to $60 per day.\nFor example, a traveller who spends $80 on dinner "
    "will be reimbursed $60.\nPer diem\nA per diem of $59 per day is paid without receipts for "
    "domestic travel.\n"
)
GRADE_TABLE = (
    "Hotel and meal limits by grade (INR)\nGrade Hotel per night Meals per day\nE1-E3 3000 1200\n"
    "E4-E6 4500 1500\nM1 and above 7000 2500\n"
)

# (policy text, the limits read: category, amount, unit, meal, condition)
LIMITS = [
    pytest.param(
        "Lodging\nFor travel funded by federal grants: lodging may not exceed $150 per night.\n"
        "Otherwise lodging is reimbursed up to $220 per night.\n",
        {("hotel", D(150), "night", "", "funded by federal grants"), ("hotel", D(220), "night", "", "")},
        id="a funding lead-in is the condition and the rest names the kind",
    ),
    pytest.param(
        "Meals\nState Grants per diem requirements:\nState grants have their own rules. The maximum meal "
        "reimbursement for a 24-hour period is $40.00.\n",
        {("meals", D(40), "day", "", "State Grants")},
        id="a lead-in line about grants governs the paragraph below it",
    ),
    pytest.param(
        "Meals\nUnder the actual cost basis, the maximum limit per person is:\nBreakfast: $30\n\n"
        "Per diem\nIf an overnight stay is required, meals are reimbursed up to $60 per day.\n"
        "On the first and last day of travel meals are reimbursed up to $45 per day.\n",
        {
            ("meals", D(30), "meal", "breakfast", "actual cost basis"),
            ("meals", D(60), "day", "", "overnight stay"),
            ("meals", D(45), "day", "", "the first and last day of travel"),
        },
        id="the claiming method and the kind of trip are conditions",
    ),
    pytest.param(
        "Business Meals\nMaximum rates per person by location and meal type are:\n"
        "Type of Meal Continental United States All Other Locations (including international)\n"
        "Breakfast $28 $35\nLunch $31 $40\nDinner $46 $60\n",
        {
            ("meals", D(28), "meal", "breakfast", "location United States"),
            ("meals", D(35), "meal", "breakfast", "location elsewhere / international"),
            ("meals", D(31), "meal", "lunch", "location United States"),
            ("meals", D(40), "meal", "lunch", "location elsewhere / international"),
            ("meals", D(46), "meal", "dinner", "location United States"),
            ("meals", D(60), "meal", "dinner", "location elsewhere / international"),
        },
        id="a meal table by location gives one limit per cell",
    ),
    pytest.param(
        GRADE_TABLE,
        {
            ("hotel", D(3000), "night", "", "grade E1-E3"),
            ("meals", D(1200), "day", "", "grade E1-E3"),
            ("hotel", D(4500), "night", "", "grade E4-E6"),
            ("meals", D(1500), "day", "", "grade E4-E6"),
            ("hotel", D(7000), "night", "", "grade M1 and above"),
            ("meals", D(2500), "day", "", "grade M1 and above"),
        },
        id="a grade table without currency signs gives a limit per grade and column",
    ),
    pytest.param(
        "Travel Expenses\nMeals (domestic) - $75 per day; Meals (international) - $100 per day\n",
        {
            ("meals", D(75), "day", "", "location domestic"),
            ("meals", D(100), "day", "", "location international"),
        },
        id="a spaced dash before an amount is no minus sign",
    ),
    pytest.param(
        "Meals\nDaily meal expenses should not exceed $50 ($75 in major cities).\n",
        {("meals", D(50), "day", "", ""), ("meals", D(75), "day", "", "location major cities")},
        id="a bracketed amount after a limit is the other row's limit",
    ),
    pytest.param(
        "Meals\nThe per diem for meals is $59 per day within the continental United States and $75 per "
        "day outside the continental United States.\n",
        {
            ("meals", D(59), "day", "", "location domestic"),
            ("meals", D(75), "day", "", "location international"),
        },
        id="within and outside a country are the travel scopes",
    ),
    pytest.param(
        "Meals\nThe daily meal allowance for travel within the state is $45 and for travel outside the "
        "state is $60.\n",
        {
            ("meals", D(45), "day", "", "location in-state"),
            ("meals", D(60), "day", "", "location out-of-state"),
        },
        id="within and outside the state are the travel scopes",
    ),
    pytest.param(
        "Meals\nBreakfast $15, lunch $20, dinner $35 for domestic travel; breakfast $20, lunch $30, "
        "dinner $50 for international travel.\n",
        {
            ("meals", D(15), "meal", "breakfast", "location domestic"),
            ("meals", D(20), "meal", "lunch", "location domestic"),
            ("meals", D(35), "meal", "dinner", "location domestic"),
            ("meals", D(20), "meal", "breakfast", "location international"),
            ("meals", D(30), "meal", "lunch", "location international"),
            ("meals", D(50), "meal", "dinner", "location international"),
        },
        id="the scope after a list of meal amounts is each one's",
    ),
    pytest.param(
        # Neither the internet sentence before it nor the generic travel heading names the relocation
        # or the notary; a sentence about the limit itself ("The nightly rate") keeps its heading's kind.
        "Other expenses\nInternet is reimbursed up to $50 per month.\n"
        "A one-time relocation allowance of up to $2,000 is paid.\n"
        "Travel expenses\nNotary fees are limited to $20 per document.\n"
        "Lodging\nThe nightly rate should not exceed $200.\n",
        {("internet", D(50), "month", "", ""), ("hotel", D(200), "night", "", "")},
        id="a sentence about its own unknown thing borrows no kind",
    ),
    pytest.param(
        "Travel expenses\nIncidental expenses are reimbursed up to $5 per day.\n"
        "Laundry is reimbursed up to $25 per trip.\nChecked baggage fees are reimbursed up to $35 per trip.\n",
        {
            ("incidentals", D(5), "day", "", ""),
            ("laundry", D(25), "trip", "", ""),
            ("baggage", D(35), "trip", "", ""),
        },
        id="incidentals, tips, laundry and baggage are kinds of their own",
    ),
    pytest.param(
        "Lodging\nLodging should not exceed $250 per night domestic and $400 per night international.\n",
        {
            ("hotel", D(250), "night", "", "location domestic"),
            ("hotel", D(400), "night", "", "location international"),
        },
        id="each amount of a scoped pair keeps its own side",
    ),
    pytest.param(
        # A lone international scope still chooses between two rows: it stays a condition.
        "Meals\nMeals are reimbursed up to $75 per day ($100 per day for international travel).\n",
        {("meals", D(75), "day", "", ""), ("meals", D(100), "day", "", "location international")},
        id="a bracketed international side is a condition",
    ),
    pytest.param(
        "Meals\nU.S. travel: up to $65 per day. Non-U.S. travel: up to $90 per day.\n",
        {
            ("meals", D(65), "day", "", "location domestic"),
            ("meals", D(90), "day", "", "location international"),
        },
        id="U.S. and Non-U.S. are the travel scopes",
    ),
    pytest.param(
        "Meals\nFor travel in the United States, meals are reimbursed up to $60 per day. For travel "
        "outside the United States, up to $80 per day.\n",
        {
            ("meals", D(60), "day", "", "location domestic"),
            ("meals", D(80), "day", "", "location international"),
        },
        id="outside a country is the international side not that country",
    ),
    pytest.param(
        "Meals\nIndividual meals should not exceed $20 for breakfast, $25 for lunch and $45 for dinner in "
        "high cost cities.\n",
        {
            ("meals", D(20), "meal", "breakfast", "location high cost cities"),
            ("meals", D(25), "meal", "lunch", "location high cost cities"),
            ("meals", D(45), "meal", "dinner", "location high cost cities"),
        },
        id="a city class after a list of meal amounts is each one's",
    ),
    pytest.param(
        "Per Diem\nHigh-Cost Areas All Other Areas\nDaily Per Diem $79 $64\n",
        {
            ("meals", D(79), "day", "", "location High-Cost Areas"),
            ("meals", D(64), "day", "", "location elsewhere"),
        },
        id="a spaced table headed by city classes",
    ),
    pytest.param(ANNUALLY, {("phone", D(600), "year", "", "")}, id="annually is a limit per year"),
    pytest.param(
        EXAMPLE_AND_RATE,
        {("meals", D(60), "day", "", "")},
        id="amounts of an example or of a per diem without receipts cap nothing",
    ),
    pytest.param(
        "Lodging\nDirectors: up to $300 per night.\nAll other employees: up to $200 per night.\n",
        {
            ("hotel", D(300), "night", "", "grade Directors"),
            ("hotel", D(200), "night", "", "grade All other employees"),
        },
        id="a role printed as a line's label is its condition",
    ),
    pytest.param(
        "Reisekosten\nInland: Verpflegung bis zu 28 EUR pro Tag. Ausland: bis zu 40 EUR pro Tag.\n",
        {
            ("meals", D(28), "day", "", "location domestic"),
            ("meals", D(40), "day", "", "location international"),
        },
        id="domestic and foreign sides in other languages",
    ),
    pytest.param(
        "Lodging\nHotel costs in New York City may not exceed $350 per night; elsewhere $250 per night.\n",
        {
            ("hotel", D(350), "night", "", "location New York City"),
            ("hotel", D(250), "night", "", "location elsewhere"),
        },
        id="a place before the amount is a row when the next clause says elsewhere",
    ),
    pytest.param(
        "Lodging\nLodging is reimbursed up to $200 per night.\nFor stays of 30 days or more, lodging is "
        "limited to $120 per night.\n",
        {("hotel", D(200), "night", "", ""), ("hotel", D(120), "night", "", "30 days or more")},
        id="the length of a stay is a condition",
    ),
    pytest.param(
        "Lodging\nLodging is limited to $200 per person per night.\n"
        "Meals\nMeals are limited to $50 per person per day.\n",
        {("hotel", D(200), "night", "", ""), ("meals", D(50), "day", "", "")},
        id="per person then a period is a limit per that period",
    ),
]


@pytest.mark.parametrize(("text", "expected"), LIMITS)
def test_limits_and_their_conditions(text: str, expected: set[tuple[str, Decimal, str, str, str]]) -> None:
    assert limits(read(text)) == expected


def test_a_sponsored_program_heading_is_a_condition_a_reviewer_checks() -> None:
    policy = read("Sponsored Program Travel\nMeals are limited to $40 per day.\n")
    (cap,) = policy.caps
    assert cap.condition is not None and "Sponsored Program" in cap.condition.other
    # The engine cannot check who funds a trip: such a limit names the fact it lacks.
    assert cap.condition.holds("A", "Domestic") is None


def test_words_of_an_ordinary_limit_are_no_condition() -> None:
    policy = read(
        "Hotels\nHotel accommodation may not exceed EUR 200 per night including taxes, unless approved "
        "in writing by the CFO.\nTravel expenses\nThe maximum meal reimbursement for a 24-hour period is "
        "$50.\n"
    )
    assert {c.condition for c in policy.caps} == {None}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("State of Florida Grants allowance requirements:", ["State of Florida Grants"]),
        ("Meals charged to a sponsored grant are limited", ["charged to a sponsored grant"]),
        ("when travel is at least 50 miles away from the office", ["at least 50 miles away"]),
        ("Entertainment Expenses", []),
        ("University Business Travel", []),
        ("Air travel", []),
        ("per 24-hour period", []),
    ],
)
def test_governing_phrases_are_found_and_plain_headings_are_not(text: str, found: list[str]) -> None:
    assert [w for _, _, w in governing_in(text)] == found


def test_an_open_grade_range_holds_for_a_higher_grade() -> None:
    # "M1 and above" is an open range: a higher grade gets that row.
    top = next(c for c in read(GRADE_TABLE).caps if c.amount == Decimal(7000))
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


def test_annually_counts_over_the_year() -> None:
    policy = read(ANNUALLY)
    assert policy.caps[0].period.value == "year"  # an employee's running total over the year


def test_an_example_amount_and_a_per_diem_without_receipts_are_kept_as_what_they_are() -> None:
    kinds = {(a.kind.value, a.amount) for a in read(EXAMPLE_AND_RATE).amounts}
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

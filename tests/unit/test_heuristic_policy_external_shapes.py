"""Shapes of limits that real policies by other issuers print and the reader missed (issue 19):
tables whose text puts one cell on each line, a row-header column named "Band" or "City" whose
labels read like no grade or place, the place class an opening "When travelling to ..." clause
names for the amounts after it, and a common misspelling of accommodation. Texts are written for
these tests; each keeps only the structure it tests."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest

from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.adapters.heuristic.tables import read_table, stacked_tables
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import CapRule, CapUnit, Policy


def _read(text: str, currency: str = "USD") -> Policy:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return HeuristicPolicyInterpreter(default_currency=currency).read(Document("p.pdf", sha, text, (text,)))


def _cap(policy: Policy, amount: str) -> CapRule:
    found = [c for c in policy.caps if c.amount == Decimal(amount)]
    assert len(found) == 1, (amount, policy.caps)
    return found[0]


# A band-by-city-tier grid as a web page or a PDF text layer gives it: every cell on its own line,
# a caption, the column names, then each band's label and its cells.
BAND_GRID = """Staff travel rules
Lodging allowances

Band
Tier 1 cities/night (max)
Tier 2 cities/night (max)
Overseas

B1, B2, C1
< 2400 Rs
< 1800 Rs
Actual cost
C2, D1
Preferably < 3100 Rs
Preferably < 2200 Rs
Actual cost
Vice Presidents
Preferably < 5200 Rs
Preferably < 3900 Rs
Actual cost

Rooms are shared when two employees travel together.
"""

BAND_CELLS = {
    ("B1, B2, C1", "Tier 1 cities", "2400"),
    ("B1, B2, C1", "Tier 2 cities", "1800"),
    ("C2, D1", "Tier 1 cities", "3100"),
    ("C2, D1", "Tier 2 cities", "2200"),
    ("Vice Presidents", "Tier 1 cities", "5200"),
    ("Vice Presidents", "Tier 2 cities", "3900"),
}


def test_a_grid_with_one_cell_a_line_gives_one_limit_per_band_and_tier() -> None:
    policy = _read(BAND_GRID, "INR")
    got = set()
    for cap in policy.caps:
        assert cap.category == "hotel" and cap.unit is CapUnit.NIGHT and cap.currency == "INR", cap
        assert cap.condition is not None, cap
        got.add((cap.condition.grades[0], cap.condition.locations[0], str(cap.amount)))
    assert got == BAND_CELLS


TWO_COLUMNS = """Travel maximums

Trips of one night to thirty days follow the daily maximums below.

Maximum Meals & Incidentals

Maximum Lodging

Continental US – 2 to 30 days

$64 per day

$260 per night (before taxes)

Outside the mainland

State Department rate

Up to 250% of the State Department rate
"""


def test_two_stacked_columns_give_their_limits_with_the_row_as_location() -> None:
    policy = _read(TWO_COLUMNS)
    meals, lodging = _cap(policy, "64"), _cap(policy, "260")
    assert "meals" in meals.category and meals.unit is CapUnit.DAY
    assert lodging.category == "hotel" and lodging.unit is CapUnit.NIGHT
    for cap in (meals, lodging):
        assert cap.condition is not None and cap.condition.locations == ("Continental US",), cap
    # The second row holds no money: no limit, and the percentage is none either.
    assert {str(c.amount) for c in policy.caps} == {"64", "260"}


@pytest.mark.parametrize(
    "text",
    [
        # Headings followed by a sentence: no grid, one limit for every traveller.
        "Meals\nLodging\nThe lodging limit is $210 per night for every traveller.\n",
        # A list of kinds, then prose with two amounts on one line.
        "Covered items\nHotel\nMeals\nHotel stays up to $210 per night and meals up to $55 per day are paid.\n",
    ],
)
def test_lines_of_headings_before_prose_are_no_grid(text: str) -> None:
    policy = _read(text)
    assert all(c.condition is None for c in policy.caps), policy.caps
    assert _cap(policy, "210").category == "hotel"


@pytest.mark.parametrize(
    ("row_header", "label", "grades", "locations"),
    [
        ("Band", "A1, A2", ("A1, A2",), ()),
        ("Employee grade", "Associates", ("Associates",), ()),
        ("City", "Pune", (), ("Pune",)),
        ("Location", "Kochi", (), ("Kochi",)),
        # A label the headers already read keeps its reading.
        ("Grade", "Grade 4", ("Grade 4",), ()),
    ],
)
def test_a_row_header_column_says_what_its_labels_are(
    row_header: str, label: str, grades: tuple[str, ...], locations: tuple[str, ...]
) -> None:
    limits = read_table([(row_header, "Hotel per night"), (label, "INR 2,500")])
    assert len(limits) == 1
    condition = limits[0].condition
    assert condition is not None
    assert condition.grades == grades and condition.locations == locations


def test_a_stacked_table_is_found_with_its_caption_left_out() -> None:
    tables = stacked_tables(BAND_GRID)
    assert len(tables) == 1
    rows, _ = tables[0]
    assert rows[0] == ("Band", "Tier 1 cities/night (max)", "Tier 2 cities/night (max)", "Overseas")
    assert [r[0] for r in rows[1:]] == ["B1, B2, C1", "C2, D1", "Vice Presidents"]


TIERS = """Meals are reimbursed at the daily rates above.

(5) When travelling to a Tier I location (for example Denver, Miami and Portland), a traveller may keep the flat out-of-state allowance or claim actual meal costs, with itemised receipts, up to $68 per day.

When travelling to a Tier II location (for example Austin, Tampa and Omaha), a traveller may keep the flat out-of-state allowance or claim actual meal costs, with itemised receipts, up to $59 per day.
"""


def test_the_opening_clause_names_the_place_class_of_its_amount() -> None:
    policy = _read(TIERS)
    tier1, tier2 = _cap(policy, "68"), _cap(policy, "59")
    assert tier1.condition is not None and tier1.condition.locations == ("Tier I location",)
    assert tier2.condition is not None and tier2.condition.locations == ("Tier II location",)


def test_an_opening_clause_does_not_reach_past_a_semicolon() -> None:
    text = (
        "Meals are reimbursed.\n"
        "For international travel, meals may not exceed $100 per day; for domestic travel the limit is $70 per day.\n"
    )
    policy = _read(text)
    assert _cap(policy, "100").condition is not None
    for cap in policy.caps:
        if cap.amount == Decimal(70):
            assert cap.condition is None or "international" not in cap.condition.locations, cap


@pytest.mark.parametrize("word", ["Accomodation", "accomodations"])
def test_accommodation_misspelt_is_still_lodging(word: str) -> None:
    # The caption alone says what the grid caps: its cells name no kind.
    text = f"{word} limits\nGrade   Metro cities   Other cities\nGrade A   INR 3,000   INR 2,000\n"
    policy = _read(text, "INR")
    assert {(c.category, str(c.amount)) for c in policy.caps} == {("hotel", "3000"), ("hotel", "2000")}


@pytest.mark.parametrize(
    ("text", "total"),
    [
        ("Meal allowances\nBreakfast $9.00\nLunch $13.00\nDinner $21.00\nTotal $43.00\n", "43"),
        (
            "Meal allowances (CAD)\nBreakfast $19.10\nLunch $18.90\nDinner $47.35\nMeal allowance total $85.35\n",
            "85.35",
        ),
        ("Meals are paid as follows: breakfast $9, lunch $13, dinner $21. Daily total: $43.\n", "43"),
    ],
)
def test_a_total_row_is_the_sum_of_the_rows_not_a_limit(text: str, total: str) -> None:
    policy = _read(text)
    assert all(c.amount != Decimal(total) for c in policy.caps), policy.caps
    assert Decimal(total) in {a.amount for a in policy.amounts}
    assert len(policy.caps) == 3


@pytest.mark.parametrize(
    "text",
    [
        "Meals are reimbursed.\nThe total reimbursement for meals may not exceed $75 per day.\n",
        "Meals are reimbursed.\nMeals in total: up to $75 per day.\n",
    ],
)
def test_a_total_stated_as_a_limit_stays_a_limit(text: str) -> None:
    assert _cap(_read(text), "75").unit is CapUnit.DAY


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Where staff travel for 10 hours or more but no overnight stay, they receive an allowance of up to "
            "$41 per day for meals.\n",
            "no overnight stay",
        ),
        ("Non-overnight meal reimbursements may not exceed $33 per day.\n", "Non-overnight"),
        (
            "Meals on a day without an overnight stay are reimbursed up to $27 per day.\n",
            "without an overnight stay",
        ),
    ],
)
def test_a_trip_without_a_night_away_is_not_read_as_an_overnight_stay(text: str, said: str) -> None:
    cap = next(iter(_read(text).caps))
    assert cap.condition is not None and said in cap.condition.other, cap
    assert cap.condition.other.split("; ")[-1] != "overnight stay"


def test_business_entertaining_heading_says_what_its_rows_cap() -> None:
    text = (
        "Laundry is reimbursed up to a maximum of £12.00.\n"
        "Business Entertaining\n"
        "Costs of entertaining business guests are reimbursed up to these limits:\n"
        "Lunchtime a maximum of £22 per person\n"
    )
    policy = _read(text, "GBP")
    assert _cap(policy, "22").category == "entertainment"
    assert _cap(policy, "12.00").category == "laundry"


def test_an_allowance_paid_without_a_receipt_is_a_limit_per_meal() -> None:
    text = (
        "Meals are reimbursed.\n"
        "Staff on one-day trips more than 40 miles from their office are eligible for reimbursement of "
        "$6.00 for breakfast and $14.00 for dinner without a receipt.\n"
    )
    policy = _read(text)
    for amount, meal in (("6.00", "breakfast"), ("14.00", "dinner")):
        cap = _cap(policy, amount)
        assert (cap.category, cap.unit, cap.meal) == ("meals", CapUnit.MEAL, meal), cap


def test_a_receipt_the_claim_comes_with_is_no_unit() -> None:
    text = "Meals are reimbursed.\nBreakfast is reimbursed up to $11 on presentation of a receipt.\n"
    assert _cap(_read(text), "11").unit is CapUnit.MEAL


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        (
            "Meals are reimbursed.\nWhile travelling, receipts under $70 are not required unless they are for lodging.\n",
            "70",
        ),
        ("Meals are reimbursed.\nReceipts are required for every expense over $25.\n", "25"),
        (
            "Meals are reimbursed.\nNo receipts are needed for meals of less than $15, without exception.\n",
            "15",
        ),
    ],
)
def test_a_receipt_rule_with_a_comparison_stays_a_threshold(text: str, amount: str) -> None:
    policy = _read(text)
    assert all(c.amount != Decimal(amount) for c in policy.caps), policy.caps


@pytest.mark.parametrize(
    ("rows", "first", "second"),
    [
        (
            "Hotel rates\nUK - Manchester £140.00 per night\nUK - Other £85.00 per night\n",
            ("140.00", "UK - Manchester"),
            ("85.00", "elsewhere"),
        ),
        (
            "Hotel stays, reasonable rates:\n  • Major cities: £150 per night\n  • Other: £95 per night\n",
            ("150", "Major cities"),
            ("95", "elsewhere"),
        ),
        (
            "Hotel stays\nGeneva: CHF 240 per night\nOther: CHF 170 per night\n",
            ("240", "Geneva"),
            ("170", "elsewhere"),
        ),
    ],
)
def test_a_bare_other_row_under_a_place_row_is_every_other_place(
    rows: str, first: tuple[str, str], second: tuple[str, str]
) -> None:
    policy = _read(rows, "GBP")
    for amount, place in (first, second):
        cap = _cap(policy, amount)
        assert cap.unit is CapUnit.NIGHT and cap.condition is not None, cap
        assert cap.condition.locations == (place,), cap


@pytest.mark.parametrize(
    ("rows", "amount"),
    [
        # A role above "Other" makes it the other grades' row, not a place's.
        ("Hotel stays are reimbursed.\nDirectors £200 per night\nOther £150 per night\n", "150"),
        # A kind above "Other" is no place either.
        ("Meals are reimbursed.\nBreakfast £10\nOther £25\n", "10"),
    ],
)
def test_an_other_row_under_a_role_or_a_kind_names_no_place(rows: str, amount: str) -> None:
    policy = _read(rows, "GBP")
    assert all(not (c.condition and c.condition.locations) for c in policy.caps), policy.caps
    _cap(policy, amount)


@pytest.mark.parametrize(
    "text",
    [
        "Subsistence rates\nFor bed and breakfast £118.00\n",
        "UK accommodation rates (bed and breakfast)\nAny UK city £118.00 per night\n",
        "Overnight stays\nB&B up to £118.00 per night\n",
    ],
)
def test_bed_and_breakfast_is_a_night_of_lodging_not_a_meal(text: str) -> None:
    cap = _cap(_read(text, "GBP"), "118.00")
    assert (cap.category, cap.unit, cap.meal) == ("hotel", CapUnit.NIGHT, ""), cap

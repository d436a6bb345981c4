"""Shapes of US public universities' and colleges' policies (set Q, issue 19): a policy that
prints no money but names its state, the IRS or a .edu address is in dollars; the header row of a
per diem breakdown table names tiers, not limits; "non-high cost areas" keeps its negation. The
texts are written for these tests."""

from __future__ import annotations

import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st

from reimburse.adapters.heuristic.conditions import classes_in
from reimburse.adapters.heuristic.policy_currency import policy_currency
from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.adapters.heuristic.tier_headers import is_tier_header
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import Policy, RuleType


def _read(text: str) -> Policy:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return HeuristicPolicyInterpreter(default_currency="USD").read(Document("p.pdf", sha, text, (text,)))


# --- currency of a policy printing no money ------------------------------------------------


def test_a_state_university_printing_no_money_is_in_dollars() -> None:
    text = "Kansas State University. Tips for meals may not go above 18% of the bill. No alcohol."
    assert policy_currency(text) == "USD"


def test_one_us_word_is_enough_when_no_money_is_printed() -> None:
    assert policy_currency("Mileage is paid at the IRS standard rate per mile.") == "USD"
    assert policy_currency("Send your claim to travel@college.edu within a month.") == "USD"


def test_a_policy_naming_india_keeps_no_dollar() -> None:
    text = "Rules of the Government of India: TA/DA as per entitlement; travel by IRS officers by rail."
    assert policy_currency(text) is None


def test_georgia_the_country_splits_the_evidence() -> None:
    # "Georgia" is a US state and a country: one piece, and a country outside the dollar lands.
    assert policy_currency("Travel within Georgia follows the ministry's rules.") is None


def test_printed_money_still_decides_over_one_us_word() -> None:
    assert policy_currency("IRS rules. Dinner up to Rs. 500. Lunch up to Rs. 300. Tea Rs. 50.") == "INR"


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["Ohio", "Maine", "Oregon", "Texas", "IRS", "GSA", "M&IE"]))
def test_any_single_us_evidence_gives_dollars(word: str) -> None:
    assert policy_currency(f"Business meals: {word}. Tips are limited to a share of the bill.") == "USD"


# --- the header row of a per diem breakdown ------------------------------------------------

BREAKDOWN = (
    "Claiming meals\n"
    "Use the split below for the daily rate of your destination.\n"
    "{header}\n"
    "Breakfast 8 10 11 12\n"
    "Lunch 12 13 14 16\n"
    "Dinner 26 29 32 35\n"
)


def test_a_tier_header_row_is_no_limit() -> None:
    # Read as caps, these headers gave a $63 daily meal limit and a $46 one on every invoice.
    for header in ("Per diem rate: $46 $52 $57 $63", "Meals & Incidentals $46 $52 $57"):
        assert _read(BREAKDOWN.format(header=header)).caps == ()


def test_a_tier_header_needs_the_meal_row_under_it() -> None:
    assert is_tier_header("Daily rate: $46 $52 $57 $63", "Breakfast 8 10 11 12")
    assert is_tier_header("M&IE total $46 $52 $57", "Incidentals 5 5 5")
    # Three amounts over a sentence: a list of figures, not a breakdown's header.
    assert not is_tier_header("Daily rate: $46 $52 $57", "Meals are paid per day of travel.")
    # Two amounts: the columns of a two-place table ("In state | Out of state").
    assert not is_tier_header("Dinner $46 $60", "Lunch 12 13 14")


def test_a_row_of_meal_amounts_with_signs_stays_limits() -> None:
    text = "Meal limits\nBreakfast: $12 per meal\nLunch: $15 per meal\nDinner: $28 per meal\n"
    amounts = sorted(c.amount for c in _read(text).caps)
    assert [int(a) for a in amounts] == [12, 15, 28]


# --- "non-high cost areas" -----------------------------------------------------------------


def test_non_high_cost_keeps_its_negation() -> None:
    assert classes_in("up to $30.00 a day in non-high cost areas") == ["non-high cost areas"]
    assert classes_in("up to $40.00 a day in high-cost areas") == ["high-cost areas"]


def test_a_non_high_cost_daily_limit_is_not_the_high_cost_one() -> None:
    text = "The daily meal allowance is $30.00 for non-high cost areas of the state.\n"
    (cap,) = _read(text).caps
    assert cap.condition is not None and "non-high" in cap.condition.text.lower()


# --- "approved rates" and the meals of a hosted occasion -----------------------------------


def test_approved_rates_are_the_limits_not_an_approval_threshold() -> None:
    text = "Meal rates for staff\nThe approved rates are:\nBreakfast - $12\nLunch - $18\nDinner - $35\n"
    policy = _read(text)
    assert sorted(int(c.amount) for c in policy.caps) == [12, 18, 35]
    assert not [a for a in policy.amounts if a.kind is RuleType.APPROVAL_THRESHOLD]


def test_an_amount_needing_approval_stays_a_threshold() -> None:
    text = "Meal rates for staff\nThe approved rates are:\nDinner - $35\nMeals above $75 need the dean's approval.\n"
    policy = _read(text)
    assert [int(c.amount) for c in policy.caps] == [35]
    assert [a.amount for a in policy.amounts if a.kind is RuleType.APPROVAL_THRESHOLD] == [75]


def test_meal_rows_under_a_hosting_heading_hold_for_the_occasion() -> None:
    text = "Guidelines for Hosting Visitors\nThe approved rates are:\nBreakfast - $12\nLunch - $18\nDinner - $35\n"
    caps = _read(text).caps
    assert len(caps) == 3
    assert all(c.condition is not None and "hosting" in c.condition.other.lower() for c in caps)


def test_meal_rows_under_an_entertainment_heading_hold_for_the_occasion() -> None:
    text = "Entertainment Expenses\nThe most per guest is:\nBreakfast: $40\nLunch: $60\nDinner: $120\n"
    caps = _read(text).caps
    assert len(caps) == 3
    assert all(c.condition is not None and "entertainment" in c.condition.other.lower() for c in caps)


def test_a_heading_naming_travel_keeps_the_travellers_own_meals() -> None:
    text = "Travel Meals and Entertainment\nMeal limits:\nBreakfast: $12\nLunch: $18\nDinner: $35\n"
    caps = _read(text).caps
    assert len(caps) == 3
    assert all(c.condition is None for c in caps)


# --- refusals on a funding source ----------------------------------------------------------


def _exclusions(text: str) -> dict[str, str]:
    return {e.name: e.condition for e in _read(text).exclusions}


def test_no_x_is_reimbursable_names_x() -> None:
    assert _exclusions("Meals\nNo alcoholic beverages are reimbursable.\n") == {"alcohol": ""}


def test_a_refusal_on_state_funds_holds_for_those_funds_only() -> None:
    # Other funds (a foundation's) may pay: a reviewer sees the item instead of a silent refusal.
    excluded = _exclusions("Meals\nNo alcohol expenses are reimbursable with state funds.\n")
    assert excluded == {"alcohol": "with state funds"}
    excluded = _exclusions("Meals\nAlcohol is not reimbursable from federal funds.\n")
    assert excluded == {"alcohol": "from federal funds"}


# --- a city, a country's name or a demonym never places a policy alone (review of set Q) ----


def test_a_city_name_alone_places_no_policy_in_a_dollar_country() -> None:
    # Towns share these names with cities in dollar countries; with no amount the default holds.
    for text in (
        "Perth and Kinross Council: staff mileage follows the HMRC approved rates.",
        "Boston Borough Council members claim mileage at the HMRC rate.",
        "Trustees living in Wellington, Somerset may claim their travel.",
    ):
        assert policy_currency(text) is None


def test_a_demonym_alone_places_no_policy_in_a_dollar_country() -> None:
    assert policy_currency("Pay flights with the corporate American Express card.") is None


def test_a_city_beside_a_state_still_gives_dollars() -> None:
    assert policy_currency("Staff based in Boston, Massachusetts claim mileage per mile.") == "USD"


def test_the_irs_beside_indias_services_is_no_us_evidence() -> None:
    assert policy_currency("Officers of the IRS and the IAS draw TA/DA by their grade.") is None
    assert policy_currency("IRS officers draw TA / DA as entitled.") is None

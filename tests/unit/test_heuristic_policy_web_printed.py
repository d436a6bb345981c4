"""Policies printed from web pages (set I, US colleges): the text keeps no bullet signs, headings
use English title case, and list leads say "The following is a list of ..."; texts are synthetic."""

from __future__ import annotations

import hashlib
from decimal import Decimal

from reimburse.adapters.heuristic.clauses import split_clauses
from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import Policy


def read(text: str) -> Policy:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return HeuristicPolicyInterpreter(default_currency="USD").read(Document("p.pdf", sha, text, (text,)))


def keywords(policy: Policy) -> set[str]:
    return {k for e in policy.exclusions for k in e.keywords}


def test_items_without_bullet_signs_under_a_lead_in_are_its_items() -> None:
    text = (
        "Travel Guide\n\n"
        "The school repays what a trip for its work costs, at the most reasonable rate it can find, and\n"
        "expects each traveller to keep every receipt until the claim is paid.\n\n"
        "Costs regarded as personal, which are not reimbursable:\n\n"
        "Seat upgrades bought at the gate\n"
        "Baggage insurance\n"
        "Child or dependent care\n\n"
        "Mileage is paid at the IRS rate.\n"
    )
    leads = {c.text: c.lead for c in split_clauses(text)}
    assert leads["Baggage insurance"].startswith("Costs regarded as personal")
    assert leads["Mileage is paid at the IRS rate."] == ""  # the blank line ended the list
    found = keywords(read(text))
    assert "insurance" in found and "dependent care" in found


def test_a_title_with_a_short_preposition_is_a_heading() -> None:
    text = "Travel: Costs Not Paid by the School\nThe school does not pay the items below.\n"
    clauses = split_clauses(text)
    assert clauses[0].heading == "Travel: Costs Not Paid by the School"


def test_a_list_of_is_no_keyword() -> None:
    policy = read(
        "Expenses Not Reimbursable\n"
        "The following is a list of personal expenses (besides those named in other parts of this\n"
        "guide) which the school does not repay:\n"
        "In-room movies\n\nMeals are reimbursed.\n"
    )
    assert not {"list", "list of personal expenses"} & keywords(policy)


def read_default_inr(text: str) -> Policy:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return HeuristicPolicyInterpreter().read(Document("p.pdf", sha, text, (text,)))


def test_a_policy_printing_no_money_takes_its_dollar_country_from_clear_evidence() -> None:
    text = (
        "Mileage is repaid at the Internal Revenue Service standard rate.\n"
        "Alcohol is not reimbursable.\nTrips to Ohio and Indiana need approval.\n"
    )
    assert read_default_inr(text).currency == "USD"


def test_no_evidence_or_a_country_outside_the_dollar_lands_leaves_the_default_currency() -> None:
    # One US word is enough when no money is printed (set Q), unless the text names a country
    # outside the dollar lands, as India's rules do.
    alcohol = "Alcohol is not reimbursable.\n"
    assert read_default_inr("Mileage is repaid at the IRS standard rate.\n" + alcohol).currency == "USD"
    assert (
        read_default_inr("Mileage is repaid at the IRS standard rate in India.\n" + alcohol).currency == "INR"
    )
    assert read_default_inr("Mileage is repaid at the standard rate.\n" + alcohol).currency == "INR"


def amounts_of(policy: Policy) -> set[str]:
    return {f"{c.category} {c.amount}" for c in policy.caps}


def test_a_range_of_money_is_limited_by_its_upper_end() -> None:
    policy = read("Meals on trips are reimbursed up to these amounts:\nBreakfast $8-$12\nDinner $20 - $30\n")
    assert amounts_of(policy) == {"meals 12", "meals 30"}


def test_between_two_amounts_the_limit_is_the_higher() -> None:
    policy = read("Hotel rooms should cost between $90 and $140 per night.\n")
    assert {c.amount for c in policy.caps} == {Decimal("140")}


def test_two_limits_joined_by_and_are_no_range() -> None:
    policy = read("Lodging is limited to $150 per night and $60 per day for meals.\n")
    assert {c.amount for c in policy.caps} == {Decimal("150"), Decimal("60")}


def test_rows_that_open_with_their_amount_keep_their_own_meal() -> None:
    policy = read(
        "Travelling staff may claim these meal amounts.\n\n$9 - Breakfast\n$14 - Lunch\n$4 - Incidentals\n"
    )
    assert {(c.category, c.amount, c.unit.value) for c in policy.caps} == {
        ("meals", Decimal("9"), "meal"),
        ("meals", Decimal("14"), "meal"),
        ("incidentals", Decimal("4"), "day"),
    }
    assert "Breakfast" in next(c.clause for c in policy.caps if c.amount == Decimal("9"))


def test_a_rule_ending_in_a_colon_leads_the_amount_rows_under_it() -> None:
    policy = read(
        "For staff who choose the per diem method, the daily rate is $40 with tips:\n\n"
        "$9 - Breakfast\n$14 - Lunch\n\nOther costs are repaid as spent.\n"
    )
    conditions = {c.amount: c.condition.text if c.condition else "" for c in policy.caps}
    assert "per diem method" in conditions[Decimal("9")] and "per diem method" in conditions[Decimal("14")]


def test_each_amount_takes_the_kind_named_after_its_own_maximum() -> None:
    policy = read("The school applies a $90 maximum for lodging and a $40 maximum for meals.\n")
    assert {(c.category, c.amount) for c in policy.caps} == {
        ("hotel", Decimal("90")),
        ("meals", Decimal("40")),
    }


def test_a_participle_closing_the_object_narrows_nothing() -> None:
    policy = read(
        "Meals are reimbursed.\nWe cannot reimburse any alcohol purchased, and travellers remove it from the claim.\n"
    )
    assert "alcohol" in keywords(policy)


def test_a_participle_with_its_own_complement_still_qualifies() -> None:
    policy = read("Meals are reimbursed.\nWe will not reimburse laundry purchased with hotel vouchers.\n")
    assert "laundry" not in keywords(policy)


def test_prohibited_to_reimburse_names_its_object() -> None:
    policy = read(
        "Meals are reimbursed.\nIt is prohibited to reimburse the cost of alcoholic drinks from public money.\n"
    )
    assert "alcohol" in keywords(policy)


def test_a_maximum_after_the_meals_of_the_day_is_the_days() -> None:
    policy = read("Meal allowance:\nBreakfast-$7.00\nLunch-$10.00\nDinner-$15.00 or a maximum of $30.00\n")
    units = {c.amount: c.unit.value for c in policy.caps}
    assert units == {
        Decimal("7.00"): "meal",
        Decimal("10.00"): "meal",
        Decimal("15.00"): "meal",
        Decimal("30.00"): "day",
    }


def test_a_sentence_announcing_a_refused_list_leads_items_printed_without_signs() -> None:
    text = (
        "Travel costs the school does not repay\n\n"
        "The following items are generally not reimbursable. Note: the list is not complete.\n\n"
        "Hotel minibar purchases\n\n"
        "Parking tickets\n"
    )
    leads = {c.text: c.lead for c in split_clauses(text)}
    assert leads["Parking tickets"].startswith("The following items are generally not reimbursable")
    assert "parking fine" in keywords(read(text + "\nMeals are reimbursed.\n"))

"""Limit phrasings common to real travel policies (issue 19): each rule rests on policies of
several issuers or on a convention of English policy writing; the texts here are synthetic."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal

from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.domain.verdict.decide import Claim, decide
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.policy import CapUnit, Policy
from reimburse.domain.verdict.verdict import FlagCode


def read(text: str) -> Policy:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return HeuristicPolicyInterpreter(default_currency="USD").read(Document("p.pdf", sha, text, (text,)))


def rows(policy: Policy) -> set[tuple[str, Decimal, str, str]]:
    return {(c.category, c.amount, c.unit.value, c.scope) for c in policy.caps}


def test_a_travel_scope_label_under_a_heading_caps_the_headings_kind() -> None:
    policy = read(
        "Meals\nDomestic travel: $65 per day\nInternational travel: $100 per day\n"
        "Lodging\nDomestic: up to $250 per night\nInternational: up to $350 per night\n"
    )
    assert rows(policy) == {
        ("meals", Decimal(65), "day", "location Domestic"),
        ("meals", Decimal(100), "day", "location International"),
        ("hotel", Decimal(250), "night", "location Domestic"),
        ("hotel", Decimal(350), "night", "location International"),
    }


def test_the_meal_named_after_each_amount_is_that_amounts() -> None:
    policy = read(
        "Travel\nReimbursement for meals is limited to $25 for breakfast, $30 for lunch and $50 for "
        "dinner, including tax and tip.\n"
    )
    assert {(c.amount, c.unit, c.meal, c.condition) for c in policy.caps} == {
        (Decimal(25), CapUnit.MEAL, "breakfast", None),
        (Decimal(30), CapUnit.MEAL, "lunch", None),
        (Decimal(50), CapUnit.MEAL, "dinner", None),
    }


def test_a_round_trip_fare_is_a_limit_per_trip() -> None:
    policy = read("Air travel\nAirfare is reimbursed in economy class, not to exceed $600 round trip.\n")
    assert [(c.category, c.amount, c.unit) for c in policy.caps] == [("flight", Decimal(600), CapUnit.TRIP)]


def test_a_lone_scope_stays_a_condition_when_the_policy_speaks_of_the_other_scope() -> None:
    lone = read("Meals\nMeals for domestic travel are reimbursed up to $60 per day.\n")
    assert [c.condition for c in lone.caps] == [None]
    both = read(
        "Meals\nMeals for domestic travel are reimbursed up to $60 per day.\n"
        "International travel follows the State Department per diem rates.\n"
    )
    assert [c.condition.locations if c.condition else () for c in both.caps] == [("domestic",)]


def test_meal_times_under_an_entertainment_heading_cap_hosted_meals() -> None:
    policy = read(
        "Entertainment Expenses\nBusiness entertainment must have a clear purpose. "
        "The maximum limit per person is as follows:\n- Breakfast: $45\n- Dinner: $150\n"
    )
    assert {(c.category, c.amount, c.unit, c.meal) for c in policy.caps} == {
        ("entertainment", Decimal(45), CapUnit.MEAL, "breakfast"),
        ("entertainment", Decimal(150), CapUnit.MEAL, "dinner"),
    }


def test_a_meal_bill_under_per_meal_limits_pays_the_lowest_and_asks_which_meal() -> None:
    policy = read("Meals\nMeals are reimbursed: Breakfast $15, Lunch $20, Dinner $40.\n")
    bill = Invoice(total=Decimal(35), currency="USD", category="meals", invoice_date=date(2024, 5, 2))
    verdict = decide(policy, bill, Claim("Rani", date(2024, 5, 3)))
    assert verdict.reimbursable == Decimal("15.00")
    assert any(f.code == FlagCode.MISSING_FACT and "meal" in f.message for f in verdict.flags)


def test_kind_headings_inside_a_scope_section_keep_its_scope() -> None:
    policy = read(
        "Domestic Travel\nMeals\nMeals are reimbursed up to $60 per day.\n"
        "International Travel\nMeals\nMeals are reimbursed up to $90 per day.\n"
        "Reimbursement Procedures\nClaims are paid monthly.\n"
    )
    assert {(c.amount, c.scope.casefold()) for c in policy.caps} == {
        (Decimal(60), "location domestic"),
        (Decimal(90), "location international"),
    }


def test_a_heading_about_something_else_ends_the_scope_section() -> None:
    policy = read(
        "International Travel\nTravellers need a visa.\nGeneral Rules\nMeals\n"
        "Meals are reimbursed up to $60 per day.\n"
    )
    assert [c.condition for c in policy.caps] == [None]


def test_run_together_rows_give_each_amount_the_label_printed_before_it() -> None:
    policy = read(
        "Meals\nMeal expenses are limited as follows, tip included: Standard rate $50 per day "
        "High cost metropolitan area $70 per day.\n"
    )
    assert {(c.amount, c.scope) for c in policy.caps} == {
        (Decimal(50), ""),
        (Decimal(70), "location High cost metropolitan area"),
    }

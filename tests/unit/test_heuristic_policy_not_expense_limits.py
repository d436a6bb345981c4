"""Amounts that bound something other than what is reimbursed (set S, issue 19): a role's approval
authority ("may approve ... up to $N"), the petty-cash route, a payment card's own spending limit;
and a distance said with "greater than" as a condition. Synthetic paraphrases of college policies."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest

from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import Policy, RuleType

D = Decimal


def read(text: str) -> Policy:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return HeuristicPolicyInterpreter(default_currency="USD").read(Document("p.pdf", sha, text, (text,)))


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        pytest.param(
            "Travel Reimbursement\nProgram directors may approve expenses, personal reimbursements included, "
            "charged to their program accounts up to $2500.00.\n",
            D(2500),
            id="a role that may approve up to an amount holds authority, no cap",
        ),
        pytest.param(
            "Travel Reimbursement\nBudget managers are authorized to approve travel reimbursements up to $750.\n",
            D(750),
            id="authorized to approve",
        ),
        pytest.param(
            "Travel Reimbursement\nClaims for travel of $75.00 or less can be paid at the cashier's window "
            "from petty cash.\n",
            D(75),
            id="the petty-cash route is no cap",
        ),
    ],
)
def test_an_authority_or_a_payment_route_is_no_limit(text: str, amount: Decimal) -> None:
    policy = read(text + "Lodging is repaid up to $150 per night.\n")
    assert {(c.category, c.amount) for c in policy.caps} == {("hotel", D(150))}
    assert any(a.amount == amount and a.kind is RuleType.APPROVAL_THRESHOLD for a in policy.amounts)


def test_a_cap_with_an_approver_as_exception_stays_a_cap() -> None:
    policy = read("Meals\nDinner may not exceed $45 per person unless the dean may approve more.\n")
    assert {(c.category, c.amount) for c in policy.caps} == {("meals", D(45))}


def test_a_payment_cards_spending_limit_is_no_limit() -> None:
    text = (
        "Conference travel with students\n"
        "Declining balance purchasing cards for students:\n"
        "- Order the card three weeks ahead\n"
        "- Maximum limit of $400\n"
        "Lodging is repaid up to $150 per night.\n"
    )
    assert {(c.category, c.amount) for c in read(text).caps} == {("hotel", D(150))}


def test_a_limit_naming_its_kind_beside_a_card_stays() -> None:
    policy = read("Purchasing cards\nHotel charges on the purchasing card may not exceed $210 per night.\n")
    assert {(c.category, c.amount, c.unit.value) for c in policy.caps} == {("hotel", D(210), "night")}


def test_greater_than_a_distance_is_the_condition_of_its_own_amount() -> None:
    policy = read(
        "Student travel\nThe maximum total available for transportation is $250 for travel within 300 miles "
        "and $350 for distances greater than 300 miles.\n"
    )
    conditions = {c.amount: c.condition.text if c.condition else "" for c in policy.caps}
    assert "within 300 miles" in conditions[D(250)]
    assert "greater than 300 miles" in conditions[D(350)]


def test_how_long_an_allowance_is_paid_is_no_deadline() -> None:
    policy = read(
        "Travel\nMeals are repaid only on request, at a flat per diem of $48/day for up to five days.\n"
        "Claims must be submitted within 30 days of the trip.\n"
    )
    assert policy.deadline is not None and policy.deadline.days == 30
    assert {(c.category, c.amount, c.unit.value) for c in policy.caps} == {("meals", D(48), "day")}


def test_a_relative_clause_holding_the_amount_caps_the_noun_before_it() -> None:
    policy = read(
        "Travel arrangements\nStaff may charge their travel expenses to the college card except food "
        "expenses, which are repaid only on request at a flat per diem of $47/day.\n"
    )
    assert {(c.category, c.amount, c.unit.value) for c in policy.caps} == {("meals", D(47), "day")}


def test_a_relative_clause_after_joined_nouns_caps_them_all() -> None:
    policy = read("Travel\nStaff are paid for lodging and meals, which are repaid up to $140 per day.\n")
    assert {(c.category, c.amount) for c in policy.caps} == {("hotel/meals", D(140))}

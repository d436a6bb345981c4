"""Numbers that are not limits never cap a payout (issue 19, rule types): approval thresholds,
advances, examples, rates and references (star ratings, policy, phone and page numbers, years,
percentages, day counts), deductions from an allowance, statistics, the price of a refused thing,
receipt thresholds, ages, distances and headcounts. Each sentence stands beside real limits, so that the policy prints its
money with a currency, and alone. Texts are synthetic."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest

from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import Policy

WITH_LIMITS = (
    "Meals are reimbursed up to $60 per day.\nHotel stays are reimbursed up to $200 per night.\n"
    "Taxi fares are reimbursed up to $50 per ride.\n"
)
COVERED_ONLY = "Meals, hotel, taxi, airfare and mileage are reimbursed.\n"
REAL = {Decimal(60), Decimal(200), Decimal(50)}


def read(text: str) -> Policy:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return HeuristicPolicyInterpreter(default_currency="USD").read(Document("p.pdf", sha, text, (text,)))


@pytest.mark.parametrize("base", [WITH_LIMITS, COVERED_ONLY], ids=["beside-limits", "alone"])
@pytest.mark.parametrize(
    "sentence",
    [
        "Hotels: up to 4-star hotels may be booked.",
        "Hotel stays must be in 3 star properties or below.",
        "Meals: see Policy No. 614257 for details.",
        "Hotel expenses up to $1,000 require approval by the direct manager.",
        "Up to $1,000 — Direct Manager — 1 business day",
        "A travel advance of up to $500 may be requested for hotel deposits.",
        "Cash advances of $300 are available for hotel deposits.",
        "Hotel bookings: call 1-800-555-0199.",
        "Meals are reimbursed as per section 4.2 of the policy, page 12 of 30.",
        "Taxi: for example, a $40 airport ride is typical.",
        "Mileage is reimbursed at $0.67 per mile.",
        "Hotel rooms shared at a 2:1 ratio are reimbursed.",
        "This policy is effective from 01/07/2024 for all meals and lodging.",
        "Hotel: Policy FIN-501, revised 2024.",
        "Meals over $75 per person require a list of attendees.",
        "Receipts are required for any hotel expense of $25 or more.",
        "Meals during trips longer than 10 days are reimbursed at 75% of the daily rate.",
        "Hotel receipts older than 90 days are not accepted.",
        # deductions, statistics, the price of a refused thing, receipt thresholds, day counts,
        # ages, distances and headcounts
        "The per diem for meals is reduced by $15 when breakfast is provided.",
        "Hotel: the average rate last year was $145 per night.",
        "Hotel: cancellation penalties of $35 are not reimbursed.",
        "Receipts are required for all meal expenses of $25 or more.",
        "A receipt is needed for any taxi fare over $25.",
        "Meal receipts under $25 are not required.",
        "Hotel claims must be submitted within 30 days of return.",
        "Taxi: travelers under 25 years of age may not rent cars.",
        "Mileage is paid for trips of more than 50 miles from campus.",
        "Meals for groups of 10 or more need prior approval.",
        "Meals: 1 in 5 claims is audited each month.",
        "Taxi questions: call +1 (555) 123-4567.",
        "Taxi fares are reimbursed at 100% of the metered fare.",
        "Hotel costs above $300 per night require CFO approval.",
        "Travel advances of up to 80% of the estimated hotel cost may be requested.",
        "Hotels within 5 km of the office are preferred.",
    ],
)
def test_a_number_that_is_no_limit_caps_nothing(base: str, sentence: str) -> None:
    caps = read(base + sentence + "\n").caps
    expected = REAL if base == WITH_LIMITS else set()
    assert {c.amount for c in caps} == expected


@pytest.mark.parametrize(
    "table",
    [
        # Spaced columns under a heading that says the amounts are receipt thresholds.
        "Receipt requirements\nExpense type      Receipt needed above\nMeals             $25\nTaxi              $15\n",
        # The column says so.
        "Expense type      Receipt required over      Approval required over\n"
        "Meals             $25                        $500\nTaxi              $15                        $300\n",
    ],
    ids=["heading", "columns"],
)
def test_a_table_of_receipt_or_approval_thresholds_caps_nothing(table: str) -> None:
    assert {c.amount for c in read(WITH_LIMITS + table).caps} == REAL


def test_a_deduction_leaves_the_allowance_it_is_taken_from() -> None:
    caps = read("Meal allowance: $60 per day, less $12 for each meal provided by the conference.\n").caps
    assert {c.amount for c in caps} == {Decimal(60)}


@pytest.mark.parametrize(
    ("sentence", "amount"),
    [
        ("The average hotel rate may not exceed $150 per night.", Decimal(150)),
        ("Hotel charges of $180 per night are reimbursed.", Decimal(180)),
    ],
)
def test_a_limit_near_those_words_stays_a_limit(sentence: str, amount: Decimal) -> None:
    assert amount in {c.amount for c in read(sentence + "\n").caps}

"""Numbers that are not limits never cap a payout (issue 19, rule types): approval thresholds,
advances, examples, rates and references (star ratings, policy, phone and page numbers, years,
percentages, day counts). Each sentence stands beside real limits, so that the policy prints its
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
    ],
)
def test_a_number_that_is_no_limit_caps_nothing(base: str, sentence: str) -> None:
    caps = read(base + sentence + "\n").caps
    expected = REAL if base == WITH_LIMITS else set()
    assert {c.amount for c in caps} == expected

"""Submission deadlines as policies print them (issue 19); texts are synthetic paraphrases of
phrasings seen in published travel policies."""

from __future__ import annotations

import hashlib

import pytest

from reimburse.adapters.heuristic.deadlines import find_deadline_rule
from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import Policy


def read(text: str) -> Policy:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return HeuristicPolicyInterpreter(default_currency="USD").read(Document("p.pdf", sha, text, (text,)))


@pytest.mark.parametrize(
    ("sentence", "days", "months"),
    [
        ("Claims must be submitted within 30 days of the expense.", 30, 0),
        ("Expense reports must be submitted no later than 60 days after the end of the trip.", 60, 0),
        ("Belege sind innerhalb von 3 Monaten nach Reiseende einzureichen.", 90, 3),
        ("Les notes de frais doivent être soumises dans un délai de 45 jours.", 45, 0),
        ("Submit your expense report within two weeks of returning.", 14, 0),
        ("Receipts must be submitted within 90 calendar days of purchase.", 90, 0),
        ("Expense reports must be submitted within one hundred twenty (120) days.", 120, 0),
        ("Expense reports must be submitted within sixty (60) days after the trip.", 60, 0),
    ],
)
def test_printed_deadlines(sentence: str, days: int, months: int) -> None:
    found = find_deadline_rule(sentence)
    assert found is not None
    assert (found.days, found.months) == (days, months)


@pytest.mark.parametrize(
    "sentence",
    [
        "Travel requests must be submitted 14 days before departure.",
        "Travel requests must be submitted no later than 21 days in advance of the trip.",
        "Requests for conference travel must be filed at least three weeks prior to travel.",
    ],
)
def test_approval_lead_times_are_no_claim_deadline(sentence: str) -> None:
    assert find_deadline_rule(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        (
            "Reports should be submitted within 10 business days; claims submitted after 90 days will not "
            "be reimbursed.",
            90,
        ),
        (
            "Expense reports should be submitted within 30 days and must be submitted within 60 days of the trip.",
            60,
        ),
    ],
)
def test_the_mandatory_deadline_outranks_the_advised_one_in_a_sentence(sentence: str, days: int) -> None:
    found = find_deadline_rule(sentence)
    assert found is not None and found.days == days and not found.business_days


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # the mandatory deadline outranks the advised one across sentences
        (
            "Meals are reimbursed at actual cost.\n"
            "Travelers are encouraged to submit expense reports within 10 days of returning.\n"
            "Expense reports submitted more than 45 days after the trip will not be reimbursed.\n",
            45,
        ),
        # a lead time does not hide the claim deadline
        (
            "Hotel stays are reimbursed.\n"
            "Travel requests must be submitted to the department 14 days before departure.\n"
            "Expense claims must be submitted within 30 days of the end of the trip.\n",
            30,
        ),
    ],
)
def test_the_claim_deadline_of_a_policy(text: str, days: int) -> None:
    policy = read(text)
    assert policy.deadline is not None and policy.deadline.days == days


def test_a_cut_off_day_of_the_next_month_is_listed_not_counted() -> None:
    policy = read(
        "Hotel stays are reimbursed.\nExpense claims must be submitted by the 5th of the following month.\n"
    )
    assert policy.deadline is None
    names = {r.name: r.checked for r in policy.process_rules}
    assert names.get("submission by a day of the following month") is False

"""Refused lists printed from web pages without bullet signs (sets J and K, US colleges): a status
line of its own leads them, every line in them is an item, and a lead-in wrapped over two lines is
one lead. The texts are synthetic."""

from __future__ import annotations

import hashlib

from reimburse.adapters.heuristic.clauses import split_clauses
from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import Policy


def read(text: str) -> Policy:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return HeuristicPolicyInterpreter(default_currency="USD").read(Document("p.pdf", sha, text, (text,)))


def keywords(policy: Policy) -> set[str]:
    return {k for e in policy.exclusions for k in e.keywords}


STATUS_HEADING = (
    "Trip Costs\n"
    "Costs of a trip are repaid when they serve the school's work and are reasonable in amount, as\n"
    "the rules of the state and of the school allow.\n\n"
    "{status}\n\n"
    "Dry cleaning, unless the stay lasts a week or longer\n"
    "Tobacco\n"
    "Alcohol\n"
    "Lottery tickets bought on the road\n\n"
    "Helpful Notes\n\n"
    "Mileage is paid at the IRS rate.\n"
)


def test_a_status_line_of_its_own_leads_the_items_below_it() -> None:
    for status in ("Not reimbursable", "These items are NOT reimbursable", "Non-Reimbursable Expenses"):
        clauses = split_clauses(STATUS_HEADING.format(status=status))
        leads = {c.text: c.lead for c in clauses}
        assert leads["Tobacco"] == status, status
        assert leads["Alcohol"] == status, status
        assert leads["Lottery tickets bought on the road"] == status, status
        assert leads["Mileage is paid at the IRS rate."] == ""  # the blank line ended the list
        found = keywords(read(STATUS_HEADING.format(status=status)))
        assert {"tobacco", "alcohol"} <= found, status


def test_a_status_sentence_with_its_stop_is_a_rule_not_a_lead() -> None:
    clauses = split_clauses("Alcohol is not reimbursable.\n\nTaxi fares\nBus tickets\n")
    assert all(c.lead == "" for c in clauses)


def test_one_word_lines_under_a_colon_lead_are_items_not_headings() -> None:
    text = (
        "Costs of a trip that are not reimbursable:\n\n"
        "Parking at the home campus\n"
        "Childcare\n"
        "Alcohol\n"
        "Fines for traffic offences\n"
    )
    clauses = split_clauses(text)
    assert {c.heading for c in clauses} == {""}
    assert "alcohol" in keywords(read(text))


def test_a_refusing_lead_in_wrapped_over_two_lines_is_one_lead() -> None:
    text = (
        "Food\n"
        "Every meal bought with school money must be a reasonable one and must serve the school's own work.\n\n"
        "The purchases below are not permitted or allowable for reimbursement from either school budgets\n"
        "or the gifts of donors under the school's rules:\n\n"
        "Alcoholic drinks for staff, coaches or students.\n\n"
        "Meals are repaid with a receipt.\n"
    )
    clauses = split_clauses(text)
    item = next(c for c in clauses if c.text.startswith("Alcoholic"))
    assert item.lead.startswith("The purchases below are not permitted")
    assert not any(c.text.startswith("The purchases below") for c in clauses)  # no half sentence left
    assert "alcohol" in keywords(read(text))

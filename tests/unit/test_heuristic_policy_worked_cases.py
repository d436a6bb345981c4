"""A worked case that goes on in a second sentence ("For example, ... Conversely, ...") prints
prices and payouts, not limits (set N, issue 19). Synthetic paraphrase of a college page that states
its limit only inside such a case."""

from __future__ import annotations

import hashlib
from decimal import Decimal

from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import Policy

D = Decimal


def read(text: str) -> Policy:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return HeuristicPolicyInterpreter(default_currency="USD").read(Document("p.pdf", sha, text, (text,)))


CASE = (
    "Meals\nProgram staff are repaid through their school district, at the lesser of the two policies.\n"
    "For example, if the district pays $11 for lunch, we repay $11, although our own limit is $16 for "
    "lunch. {opening} if the district allows up to $22 for lunch, we repay only up to $16.\n"
)


def test_a_sentence_comparing_itself_with_a_worked_case_goes_on_with_it() -> None:
    policy = read(CASE.format(opening="Conversely,"))
    assert not [c for c in policy.caps if c.amount == D(22)]


def test_the_same_sentence_after_no_worked_case_still_caps() -> None:
    text = "Meals\nOur own limit is $16 for lunch. Conversely, lunches in the city may cost up to $22.\n"
    assert [c.amount for c in read(text).caps if c.amount == D(22)] == [D(22)]


def test_a_count_that_opens_a_wrapped_line_goes_on_with_the_sentence() -> None:
    text = (
        "Expense reports\nPlease send the signed report and its receipts to the Accounts Payable Office within\n"
        "45 days upon returning from a trip.\n"
    )
    policy = read(text)
    assert policy.deadline is not None and policy.deadline.days == 45


def test_a_template_section_word_gives_way_to_the_heading_above_it() -> None:
    text = (
        "Faculty Research Travel\nShort-term Domestic Research Travel\nPolicy\n"
        "Faculty on short research trips are paid a per diem. The current per diem rate is $80 per day.\n"
    )
    (cap,) = read(text).caps
    assert cap.amount == D(80) and cap.condition is not None and "Research Travel" in cap.condition.text


def test_a_fronted_negation_refuses_what_follows() -> None:
    for text in (
        "Faculty gatherings\nUnder no circumstances should alcohol be served at a department lunch.\n",
        "Faculty gatherings\nIn no situation will reimbursement be approved for alcohol.\n",
    ):
        assert [e.name for e in read(text).exclusions] == ["alcohol"]

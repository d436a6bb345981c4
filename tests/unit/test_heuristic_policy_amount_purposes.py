"""What an amount pays for when its sentence names other kinds too (set N, issue 19): the purpose
after it ("$5 to cover incidental expenses"), the incidentals share of a per diem, and the kinds an
amount only includes (", including gratuities,"). Synthetic paraphrases of college policies."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest

from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import Policy

D = Decimal


def read(text: str) -> Policy:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return HeuristicPolicyInterpreter(default_currency="USD").read(Document("p.pdf", sha, text, (text,)))


def limits(policy: Policy) -> set[tuple[str, Decimal, str]]:
    return {(c.category, c.amount, c.unit.value) for c in policy.caps}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Tips\nWhatever meals are provided, the daily per diem holds $4 to cover incidental expenses.\n",
            {("incidentals", D(4), "day")},
            id="the purpose after the amount names what it pays",
        ),
        pytest.param(
            "Per diem\nFor trips abroad a $6 incidental per diem is added to the reimbursement.\n",
            {("incidentals", D(6), "day")},
            id="an incidental per diem is the incidentals share, no meal allowance",
        ),
        pytest.param(
            "Travel meals\nThirty-five dollars ($35), including gratuities, is the maximum we repay for any one meal.\n",
            {("meals", D(35), "meal")},
            id="a kind the amount includes is not what it caps",
        ),
    ],
)
def test_what_the_amount_pays_for(text: str, expected: set[tuple[str, Decimal, str]]) -> None:
    assert limits(read(text)) == expected


def test_an_including_phrase_before_the_capped_kind_still_caps_that_kind() -> None:
    policy = read("Lodging\nHotel rooms are repaid up to $180 per night, including taxes, in every city.\n")
    assert limits(policy) == {("hotel", D(180), "night")}

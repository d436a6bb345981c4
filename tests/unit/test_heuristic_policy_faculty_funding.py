"""Phrasings of US private research universities' faculty and student pages (policy set X, issue 19):
a conference part said with "deliver" or as the panel's discussant, a budget year said with "over
the fiscal year", and an invited speaker as a hosted guest. The texts are short synthetic
paraphrases, not copies of the pages."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest

from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import Policy

Limit = tuple[str, Decimal, str, str]  # category, amount, unit, condition


def read(text: str) -> Policy:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return HeuristicPolicyInterpreter(default_currency="USD").read(Document("p.pdf", sha, text, (text,)))


def limits(text: str) -> set[Limit]:
    return {
        (c.category, c.amount, c.unit.value, c.condition.text if c.condition else "") for c in read(text).caps
    }


def test_delivering_a_paper_is_the_trips_purpose() -> None:
    text = (
        "Conference support\nThe school pays airfare and lodging up to $1,800 per fiscal year for a "
        "full-time lecturer who delivers a paper at a scholarly meeting.\n"
    )
    (limit,) = limits(text)
    assert limit[1:3] == (Decimal(1800), "year")
    assert "delivers a paper" in limit[3]


def test_a_discussant_is_the_trips_purpose() -> None:
    text = "Conference support\nThe school pays airfare up to $900 per fiscal year for a professor who serves as a discussant.\n"
    (limit,) = limits(text)
    assert "discussant" in limit[3]


def test_attending_alone_stays_unconditioned() -> None:
    # Neither word: no purpose is read into an ordinary travel limit.
    text = "Conference support\nThe school pays airfare up to $900 per fiscal year for conference trips.\n"
    assert all("deliver" not in c and "discussant" not in c for *_, c in limits(text))


@pytest.mark.parametrize(
    "said",
    ["over the fiscal year (July 1 - June 30)", "during the academic year", "during the budget year"],
)
def test_a_budget_year_said_without_per_is_per_year(said: str) -> None:
    text = f"Research travel\nEach graduate student may be reimbursed up to $450 {said} for airfare.\n"
    units = {unit for _, amount, unit, _ in limits(text) if amount == 450}
    assert units == {"year"}


def test_an_invited_speakers_dinner_is_a_hosted_occasion() -> None:
    text = "Class speakers\nDinner with visiting speaker: $60 per person including tax and tip.\n"
    (limit,) = limits(text)
    assert limit[:3] == ("meals", Decimal(60), "meal")
    assert "visiting speaker" in limit[3]


def test_a_loudspeaker_is_no_guest() -> None:
    # "speakers" without a visiting/guest/seminar word is equipment or a word of the text, no occasion.
    text = "Meals\nDinner after the speakers test: $60 per person including tax and tip.\n"
    assert all("speaker" not in c for *_, c in limits(text))


def test_the_conference_one_travels_to_is_the_trip() -> None:
    # The funds pay the trip to the meeting, not a conference fee.
    text = (
        "Research travel\nThe department supports trips to present at national conferences.\n"
        "Each postdoc may be reimbursed up to $700 per fiscal year to attend a conference.\n"
    )
    assert {c for c, amount, *_ in limits(text) if amount == 700} == {"travel"}


def test_a_conference_fee_stays_a_training_expense() -> None:
    text = "Registration\nConference registration fees are reimbursed up to $400 per event.\n"
    assert {c for c, amount, *_ in limits(text) if amount == 400} == {"training"}

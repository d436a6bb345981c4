"""A submission deadline worded as a "time limit" (issue 19): an Indian institute's FAQ prints
"Time limit for T.A. is 60 days", without the words claim or submit. The texts are written for
these tests."""

from __future__ import annotations

from reimburse.adapters.heuristic.deadlines import find_deadline
from tests.policy_text import read


def test_time_limit_for_an_allowance_is_the_deadline() -> None:
    assert find_deadline("Time limit for T.A. is 60 days (2 months).") == 60


def test_time_limit_of_days_with_claims_is_the_deadline() -> None:
    assert find_deadline("The time limit for claims is 90 days.") == 90


def test_a_time_limit_sentence_sets_the_policy_deadline() -> None:
    policy = read("Time limit for travel allowance is 45 days. After that the claim lapses.\n")
    assert policy.deadline is not None and policy.deadline.days == 45


def test_a_lead_time_named_time_limit_is_no_deadline() -> None:
    assert find_deadline("The time limit is 14 days before departure for booking flights.") is None

"""A page whose title names the guests it hosts (set V, issue 19): its heading-less meal caps hold
for that occasion, unless the title names a trip; a count doubled in words and figures ("four (4)")
is no money. The texts are written for these tests."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import Policy


def _read(text: str) -> Policy:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return HeuristicPolicyInterpreter(default_currency="USD").read(Document("p.pdf", sha, text, (text,)))


_BODY = "We pay for the meals of a visiting applicant and two hosts.\nThe office repays at most $30 per person for dinner and $14 per person for lunch.\n"


def test_a_title_naming_candidates_conditions_the_meal_caps_below() -> None:
    caps = _read("Department of History\nMeal Rules for Staff & Candidates\n" + _BODY).caps
    assert sorted(int(c.amount) for c in caps) == [14, 30]
    assert all(c.condition is not None and "candidates" in c.condition.other.lower() for c in caps)


def test_a_title_naming_a_search_committee_conditions_the_meal_caps_below() -> None:
    caps = _read("School of Nursing\nDining Rules for Search Committees\n" + _BODY).caps
    assert caps and all(c.condition is not None and "search" in c.condition.other.lower() for c in caps)


def test_a_title_naming_a_trip_keeps_the_travellers_own_meals() -> None:
    caps = _read("Department of History\nTravel Meals for Recruiting Staff\n" + _BODY).caps
    assert sorted(int(c.amount) for c in caps) == [14, 30]
    assert all(c.condition is None for c in caps)


def test_a_title_naming_no_guests_adds_no_condition() -> None:
    caps = _read("Department of History\nMeal Limits\n" + _BODY).caps
    assert sorted(int(c.amount) for c in caps) == [14, 30]
    assert all(c.condition is None for c in caps)


_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10, "twelve": 12}


@given(st.sampled_from(sorted(_WORDS)))
def test_a_count_in_words_and_figures_is_no_money(word: str) -> None:
    text = f"Meal guidelines\nThe hosts should not exceed {word} ({_WORDS[word]}) at any meal. Lunch may cost up to $22 per person.\n"
    assert [int(c.amount) for c in _read(text).caps] == [22]


def test_an_amount_in_words_and_figures_with_its_sign_stays_money() -> None:
    text = "Meal guidelines\nA dinner may cost up to fifty dollars ($50) per person.\n"
    assert [int(c.amount) for c in _read(text).caps] == [50]


def test_a_row_label_naming_entertainment_conditions_its_own_row_only() -> None:
    text = (
        "Expense Limits for Staff\nPer-person limits:\nTravel meals $60 per day, tips included\n"
        "Entertainment meals $90 per person, tips included\n"
    )
    caps = {int(c.amount): c for c in _read(text).caps}
    assert set(caps) == {60, 90}
    assert caps[60].condition is None
    assert caps[90].condition is not None and "entertainment" in caps[90].condition.other.lower()

"""Phrasings of US private universities' and colleges' faculty travel pages (policy set Y, issue 19):
the part a traveller plays at a meeting (reading a paper, chairing a session, taking an active part,
or attending without presenting), the first and last day of a trip said by leaving and returning
home, "conference travel" as travel, an "annual maximum" per year, and the US and Canada named as
one region. The texts are short synthetic paraphrases, not copies of the pages."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest

from reimburse.adapters.heuristic.policy_currency import countries_named
from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import Policy

Limit = tuple[str, Decimal, str, str]  # category, amount, unit, condition


def read(text: str, default_currency: str = "USD") -> Policy:
    sha = hashlib.sha256(text.encode()).hexdigest()
    doc = Document("p.pdf", sha, text, (text,))
    return HeuristicPolicyInterpreter(default_currency=default_currency).read(doc)


def limits(text: str) -> set[Limit]:
    return {
        (c.category, c.amount, c.unit.value, c.condition.text if c.condition else "") for c in read(text).caps
    }


def condition_of(text: str, amount: int) -> str:
    (cond,) = {c for _, a, _, c in limits(text) if a == amount}
    return cond


@pytest.mark.parametrize(
    ("sentence", "part"),
    [
        ("A lecturer asked to read a paper at a meeting is repaid travel costs up to $900.", "read a paper"),
        (
            "A professor chairing a session at a meeting is repaid travel costs up to $900.",
            "chairing a session",
        ),
        (
            "Faculty who actively participate in a meeting are repaid travel costs up to $900.",
            "actively participate",
        ),
        ("Faculty listed as authors of papers may claim travel costs up to $900.", "authors of papers"),
    ],
)
def test_the_part_played_at_a_meeting_conditions_its_travel_funds(sentence: str, part: str) -> None:
    assert part in condition_of(f"Faculty meetings\n{sentence}\n", 900)


def test_taking_no_active_part_keeps_its_negation() -> None:
    # Read without "not", the cap for onlookers would hold for the speakers.
    text = "Faculty meetings\nFaculty not actively participating may be repaid travel costs up to $250.\n"
    assert "not actively participating" in condition_of(text, 250)


@pytest.mark.parametrize(
    ("sentence", "negated"),
    [
        (
            "Staff going to a meeting without active participation may be repaid travel costs up to $250.",
            "without active participation",
        ),
        ("Staff who do not read a paper may be repaid travel costs up to $250.", "do not read a paper"),
    ],
)
def test_every_meeting_role_keeps_its_negation(sentence: str, negated: str) -> None:
    # The reviewer of the $250 cap must be told it is for those who take no part, not the speakers.
    assert negated in condition_of(f"Faculty meetings\n{sentence}\n", 250)


def test_days_other_than_departure_and_return_keep_the_negation() -> None:
    text = "Meals\nApart from the days of departure and return, meals may be claimed up to $55 per day.\n"
    assert condition_of(text, 55).startswith("Apart from")
    text = "Meals\nOther than on the days of departure and return, meals are repaid up to $55 per day.\n"
    assert condition_of(text, 55).startswith("Other than")


def test_attending_without_presenting_is_a_condition() -> None:
    text = "Faculty meetings\nThe travel allowance for a lecturer who goes to a meeting without presenting is $800.\n"
    assert "without presenting" in condition_of(text, 800)


def test_a_plain_travel_cap_gets_no_part() -> None:
    text = "Faculty meetings\nFaculty may be repaid travel costs up to $900 per trip.\n"
    assert condition_of(text, 900) == ""


def test_leaving_or_returning_home_is_the_first_and_last_day() -> None:
    text = (
        "Meals and incidentals\nTravellers may claim meals up to $90 per day. On days that the traveler "
        "leaves home or returns home, meals may be claimed up to $70 for the day.\n"
    )
    assert "leaves home or returns home" in condition_of(text, 70)
    assert condition_of(text, 90) == ""


def test_days_of_departure_and_return_are_the_first_and_last_day() -> None:
    text = "Meals\nOn the days of departure and return, meals may be claimed up to $60 per day.\n"
    assert "departure and return" in condition_of(text, 60)


def test_a_conference_travel_grant_pays_travel() -> None:
    # Read as a conference fee, the grant capped registration and no trip.
    text = "Graduate funding\nA student may receive a conference travel grant of at most $450.\n"
    (limit,) = limits(text)
    assert limit[:3] == ("travel", Decimal(450), "trip")


def test_conference_registration_stays_a_fee() -> None:
    text = "Graduate funding\nConference registration is repaid up to $300.\n"
    assert {c for c, *_ in limits(text)} == {"training"}


def test_an_annual_maximum_is_per_year() -> None:
    text = "Faculty travel\nThe annual maximum for faculty who present at two meetings is $1,900 of travel costs.\n"
    (limit,) = limits(text)
    assert limit[1:3] == (Decimal(1900), "year")


@pytest.mark.parametrize(
    ("sentence", "amount"),
    [
        # Another limit after a negation or a clause break: per year, a second flight would be refused.
        ("The annual limit does not cover airfare, which is repaid up to $650.", 650),
        ("Whatever the annual cap, fees for one conference are repaid up to $350.", 350),
    ],
)
def test_an_annual_limit_in_another_clause_makes_no_amount_per_year(sentence: str, amount: int) -> None:
    units = {u for _, a, u, _ in limits(f"Faculty travel\n{sentence}\n") if a == amount}
    assert units and "year" not in units


@pytest.mark.parametrize(
    "sentence",
    [
        "The annual travel allowance may not exceed $1,400 of travel costs.",
        "The annual travel allowance is not to exceed $1,400 of travel costs.",
        "The annual travel allowance, up to $1,400, covers travel costs.",
        "Whatever the annual cap, the annual travel allowance is $1,400 of travel costs.",
    ],
)
def test_a_limit_said_of_the_annual_allowance_stays_per_year(sentence: str) -> None:
    (limit,) = limits(f"Faculty travel\n{sentence}\n")
    assert limit[1:3] == (Decimal(1400), "year")


def test_an_annual_conference_is_no_unit() -> None:
    text = (
        "Faculty travel\nFaculty may be repaid travel costs up to $700 to present at the annual conference.\n"
    )
    (limit,) = limits(text)
    assert limit[1:3] == (Decimal(700), "trip")


def test_the_us_named_first_with_canada_names_neither_country() -> None:
    assert countries_named("travel outside the continental United States and Canada") == {}
    assert countries_named("meetings outside the continental U.S. and Canada") == {}
    assert countries_named("flights within the US and Canada") == {}
    assert countries_named("our offices in Canada") == {"CA": 1}


def test_canada_named_first_still_counts_for_canada() -> None:
    # A Canadian writer names home first; only the US-first pair is a US policy's region.
    assert countries_named("trips to Canada or the United States") == {"CA": 1, "US": 1}
    assert countries_named("meals in Canada/USA") == {"CA": 1}


def test_the_pronoun_us_is_no_country_beside_canada() -> None:
    assert countries_named("Questions? Write to us, Canada Revenue Agency forms attached.") == {"CA": 1}


def test_a_canadian_policy_naming_canada_beside_the_us_pays_canadian_dollars() -> None:
    # Without Canada counted, the bare "$" fell to US dollars and every cap was ~1.4x too high.
    text = (
        "Staff travel rules\nMeals on trips inside Canada and the continental U.S. are repaid up to $70 per "
        "day. Trips outside Canada and the U.S. are repaid up to $105 per day.\nLodging: up to $210 a night.\n"
    )
    assert read(text, default_currency="INR").currency == "CAD"


def test_a_us_college_naming_canada_as_a_destination_pays_dollars() -> None:
    text = (
        "Faculty travel\nFaculty are repaid travel costs up to $1,000. Travel outside the continental United "
        "States and Canada is repaid up to $1,500. Faculty presenting at two meetings outside the "
        "continental U.S. and Canada may claim $2,000.\n"
    )
    assert read(text, default_currency="INR").currency == "USD"

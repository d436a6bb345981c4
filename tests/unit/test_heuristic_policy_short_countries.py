"""Countries printed by their short form ("UK", "U.K.", "USA", "in the US") as a limit's place,
and the words that look like them but name no place ("Non-UK", "non-US", the pronoun "us").
Texts written for these tests."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reimburse.adapters.heuristic.conditions import locations_in
from reimburse.domain.verdict.policy import place_match
from tests.policy_text import read


@pytest.mark.parametrize(
    "text",
    [
        "Overnight stays in the UK: up to £90 per night",
        "Hotel in the U.K. up to £90 a night",
        "UK hotels: £90 per night",
    ],
)
def test_uk_is_a_place(text: str) -> None:
    assert "UK" in locations_in(text)


@pytest.mark.parametrize("text", ["Travel within the US: $70 a day", "Trips in the USA: $70 a day"])
def test_the_us_in_a_place_context_is_the_country_and_the_domestic_side(text: str) -> None:
    found = locations_in(text)
    assert "US" in found and "domestic" in found


@pytest.mark.parametrize(
    "text",
    ["Non-UK stays: £10 per night", "Stays outside the UK: £10 per night", "non-U.K. trips: £10 a day"],
)
def test_non_uk_is_not_the_uk(text: str) -> None:
    assert "UK" not in locations_in(text)


@pytest.mark.parametrize(
    "text",
    ["Let us know the cost of a meal", "Tell us about trips over $500", "US-based suppliers"],
)
def test_us_as_a_pronoun_or_an_adjective_is_no_place(text: str) -> None:
    assert "US" not in locations_in(text)


def test_a_city_beside_the_country_is_the_row_place() -> None:
    # "UK - London": the London row; naming the UK too would let any UK city take it.
    assert locations_in("UK - London £160 per night") == ("London",)


def test_two_lines_for_uk_and_non_uk_stays_give_two_places() -> None:
    policy = read("Hotel limits:\nStays in the UK: £90 per night.\nNon-UK stays: £150 per night.\n")
    where = {c.amount: c.condition.locations if c.condition else () for c in policy.caps}
    assert "UK" in where[Decimal(90)]
    assert "UK" not in where[Decimal(150)] and "international" in where[Decimal(150)]


def test_a_claim_in_a_uk_city_matches_a_uk_row() -> None:
    assert place_match("Leeds, U.K.", "UK") is True
    assert place_match("Leeds, UK", "international") is False

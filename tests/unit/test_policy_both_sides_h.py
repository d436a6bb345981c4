"""A limit stated for both sides of the domestic/international split holds everywhere: "im Inland
wie im Ausland" (the ETH Board's meal allowance), "domestic or international air travel" (an
association's volunteer guidelines). A limit for one side keeps its side."""

from __future__ import annotations

from decimal import Decimal

from tests.policy_text import read


def test_german_inland_wie_ausland_is_no_condition() -> None:
    policy = read("Die Vergütung für eine Mahlzeit beträgt im Inland wie im Ausland 24,00 Euro.")
    assert [(c.amount, c.condition) for c in policy.caps] == [(Decimal("24.00"), None)]


def test_domestic_and_international_together_is_no_condition() -> None:
    policy = read("Meals for domestic and international travel: up to $60 per day.")
    assert [(c.amount, c.condition) for c in policy.caps] == [(Decimal("60"), None)]


def test_one_side_per_amount_keeps_its_side() -> None:
    policy = read("Meals: up to $40 per day for domestic travel; up to $70 per day for international travel.")
    sides = {c.amount: c.condition.locations if c.condition else () for c in policy.caps}
    assert sides[Decimal("40")] == ("domestic",)
    assert sides[Decimal("70")] == ("international",)


def test_a_slash_between_the_sides_is_still_two_columns() -> None:
    # "Domestic / International" over two amounts names two columns, not one limit for both.
    from reimburse.adapters.heuristic.conditions import scopes_in

    assert [s.casefold() for s in scopes_in("Meals (Domestic / International)")] == [
        "domestic",
        "international",
    ]


def test_capitalised_sides_joined_are_no_condition() -> None:
    policy = read("Airfare for Domestic or International travel: up to $900 per trip.")
    assert [(c.amount, c.condition) for c in policy.caps] == [(Decimal("900"), None)]

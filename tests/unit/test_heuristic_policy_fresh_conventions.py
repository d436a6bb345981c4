"""Conventions met on a fresh external set of policies (issue 19): an enumerated heading's number
is no money ("Method 2 - Per Diem"); the rows under a Nordic meal-deduction heading
("Måltidsavdrag") are deductions; the daily allowance's own word in Austrian, Swiss, Nordic and
Mexican Spanish texts ("Tagesspesen", "Traktamente", "Alimentación") names the meals allowance.
The texts are written for these tests and keep the real documents' shapes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reimburse.adapters.heuristic.mentions import find_mentions
from tests.policy_text import read


def _amounts(text: str) -> set[Decimal]:
    return {c.amount for c in read(text).caps}


def test_the_number_of_an_enumerated_method_heading_is_no_limit() -> None:
    text = (
        "Method 1 - Meal Expense\nMeals are repaid against itemized receipts.\n"
        "Method 2 - Per Diem\nA per diem may be claimed instead of receipts for each day away.\n"
    )
    assert not {Decimal(1), Decimal(2)} & _amounts(text)


def test_an_option_number_before_a_real_limit_leaves_the_limit() -> None:
    text = "Option 3 - Hotel\nHotel rooms may not exceed $180 per night.\n"
    amounts = _amounts(text)
    assert Decimal(3) not in amounts
    assert Decimal(180) in amounts


def test_rows_under_a_swedish_meal_deduction_heading_are_no_limits() -> None:
    text = (
        "Traktamente\nHel dag 260 kr, halv dag 130 kr.\n"
        "Måltidsavdrag\nAvdrag från traktamentet görs enligt följande:\n"
        "Frukost 52 kr 26 kr\nLunch 91 kr 46 kr\nMiddag 91 kr 46 kr\n"
    )
    assert not {Decimal(52), Decimal(91), Decimal(46), Decimal(26)} & _amounts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tagesspesen 150 CHF",  # Swiss
        "die volle Tagesgebühr von 26,40 Euro",  # Austrian
        "Taggeld max. 30,00 Euro für 24 Stunden",  # Austrian
        "Traktamente för hel dag",  # Swedish
        "Døgndiett ved overnatting på hotell",  # Norwegian
        "Alimentación: hasta 700 pesos diarios",  # Mexican Spanish
    ],
)
def test_the_daily_allowance_word_of_other_languages_names_meals(text: str) -> None:
    assert "meals" in {m.kind for m in find_mentions(text)}


def test_spanish_board_row_is_meals_not_lodging() -> None:
    policy = read(
        "| Concepto | Nacional |\n| Alimentación | Hasta $700.00 pesos diarios por beneficiario |\n"
        "| Hospedaje | Hasta $3,500.00 pesos diarios |\n"
    )
    board = [c for c in policy.caps if c.amount == Decimal("700.00")]
    assert board and all("meals" in c.category.split("/") for c in board)
    assert {c.currency for c in policy.caps} == {"MXN"}


def test_polish_per_diem_per_24_hour_day_is_a_daily_meals_limit() -> None:
    policy = read("Dieta krajowa wynosi 45,00 zł za każdą dobę podróży służbowej.\n")
    caps = {(c.category, c.amount, c.currency, c.unit.value) for c in policy.caps}
    assert ("meals", Decimal("45.00"), "PLN", "day") in caps


def test_authorised_in_advance_is_no_cash_advance() -> None:
    policy = read(
        "Staff authorised in advance by a director may entertain visitors to meals and claim up to "
        "£12.00 per meal for themselves and their guests.\n"
    )
    assert Decimal("12.00") in {c.amount for c in policy.caps}


def test_a_cash_advance_stays_no_limit() -> None:
    policy = read("A travel advance of up to $500 may be requested before the trip.\n")
    assert Decimal(500) not in {c.amount for c in policy.caps}


@pytest.mark.parametrize(
    "text",
    [
        "Meals are paid at up to $70.00 per full 24 hours away.",  # South African circular's shape
        "Taggeld höchstens € 28,00 (für 24 h)",  # Austrian decree's shape
    ],
)
def test_an_amount_per_24_hours_is_per_day(text: str) -> None:
    units = {c.unit.value for c in read(text + "\n").caps}
    assert units == {"day"}

"""Every meal of the day the lexicon counts as a meals word also names its meal (issue 19): the
Spanish and Italian "cena", the Dutch "middageten", the Italian "prima colazione" were meals
limits without their meal, so a dinner cap read as a cap on any meal."""

from __future__ import annotations

from decimal import Decimal

from tests.policy_text import read


def _meals(text: str) -> list[tuple[Decimal, str]]:
    return [(c.amount, c.meal) for c in read(text).caps if c.category == "meals"]


def test_cena_is_dinner_in_spanish_and_italian() -> None:
    assert _meals("Desayuno: 10 €. Almuerzo: 20 €. Cena: 25 €.\n") == [
        (Decimal("10"), "breakfast"),
        (Decimal("20"), "lunch"),
        (Decimal("25"), "dinner"),
    ]
    assert _meals("Rimborso pasti: pranzo 25 €, cena 30 €.\n") == [
        (Decimal("25"), "lunch"),
        (Decimal("30"), "dinner"),
    ]


def test_middageten_is_lunch() -> None:
    assert _meals("Middageten max. € 15,00; avondeten max. € 25,00.\n") == [
        (Decimal("15.00"), "lunch"),
        (Decimal("25.00"), "dinner"),
    ]

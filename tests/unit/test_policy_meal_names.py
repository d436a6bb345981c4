"""The meals of the day as other languages name them choose the meals category for a limit (issue
19), while a list of what is taken off for a meal provided stays a list of deductions."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reimburse.domain.verdict.policy import CapUnit
from tests.policy_text import read

# After a sentence on hotels, so that a limit without its own kind would fall to the hotel.
HOTEL_FIRST = "Hotel rooms are paid on the invoice.\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "Le dîner est pris en charge dans la limite de 21 €.",
        "Le petit-déjeuner est remboursé jusqu'à 21 €.",
        "La cena se reembolsa hasta 21 €.",
        "Il pranzo è rimborsato fino a 21 €.",
        "Das Abendessen wird bis zu 21 Euro erstattet.",
        "Het diner wordt vergoed tot 21 euro.",
        "O jantar é reembolsado até 21 €.",
    ],
)
def test_a_meal_of_the_day_names_the_meals_limit(sentence: str) -> None:
    caps = [c for c in read(HOTEL_FIRST + sentence + "\n").caps if c.amount == Decimal(21)]
    assert [(c.category, c.unit) for c in caps] == [("meals", CapUnit.MEAL)]


@pytest.mark.parametrize(
    "text",
    [
        "Frühstück: 4,80 € Abzug, Mittagessen: 9,60 € Abzug, Abendessen: 9,60 € Abzug\n",
        "Petit-déjeuner : 3,50 € de réduction.\n",
        # The lead-in says the rows below it are taken off the daily allowance.
        "Reisekosten\nTagegeld wird für Exkursionen gezahlt.\nWerden Mahlzeiten gestellt, ist das Tagegeld "
        "wie folgt zu kürzen:\n\nFrühstück: 4,80 €\n\nMittagessen: 9,60 €\n",
    ],
)
def test_deductions_for_meals_are_no_limits(text: str) -> None:
    assert not [c for c in read(text).caps if c.amount in (Decimal("4.80"), Decimal("9.60"), Decimal("3.50"))]


def test_a_meal_list_under_a_plain_lead_in_stays_a_list_of_limits() -> None:
    text = "Verpflegung\nFür Mahlzeiten gelten folgende Höchstbeträge:\n\nFrühstück: 8,00 €\n\nAbendessen: 25,00 €\n"
    caps = {c.amount: c.category for c in read(text).caps}
    assert caps.get(Decimal("8.00")) == "meals" and caps.get(Decimal("25.00")) == "meals"

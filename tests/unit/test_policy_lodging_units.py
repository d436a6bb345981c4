"""Lodging limits in other languages (issue 19): a daily lodging limit is a night's, and "je
Student" / "per student" is the amount's unit (per head), no condition on who travels."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reimburse.domain.verdict.policy import CapRule, CapUnit
from tests.policy_text import read


def _cap(text: str, amount: str) -> CapRule:
    return next(c for c in read(text).caps if c.amount == Decimal(amount))


@pytest.mark.parametrize(
    "text",
    [
        "L'alloggio in albergo è rimborsato entro il limite giornaliero di 180,00 €, con fattura.\n",
        "Die Übernachtung wird bis zu 95 Euro täglich erstattet.\n",
        "L'hébergement est remboursé dans la limite de 120 € par jour.\n",
    ],
)
def test_a_daily_lodging_limit_is_per_night(text: str) -> None:
    cap = next(c for c in read(text).caps if c.category == "hotel")
    assert cap.unit is CapUnit.NIGHT


def test_a_daily_meal_limit_stays_per_day() -> None:
    cap = _cap("I pasti sono rimborsati entro il limite giornaliero di 45,00 €.\n", "45.00")
    assert (cap.category, cap.unit) == ("meals", CapUnit.DAY)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Für die Übernachtung werden höchstens 50,00 € je Student und Nacht angesetzt.\n", "50.00"),
        ("Lodging is reimbursed up to $80 per student per night.\n", "80"),
    ],
)
def test_per_student_is_a_unit_not_a_condition(text: str, amount: str) -> None:
    cap = _cap(text, amount)
    assert cap.condition is None
    assert cap.unit is CapUnit.NIGHT


def test_travel_by_students_is_still_a_condition() -> None:
    cap = _cap("Hotel stays of students are reimbursed up to $70 per night.\n", "70")
    assert cap.condition is not None and "students" in cap.condition.other.lower()

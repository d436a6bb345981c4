"""A deduction word of a Romance language before its amount ("réduit de 5 €") marks a deduction;
the same participle as an adjective ("le montant réduit ne peut dépasser 40 €") leaves the cap a
cap. Only German prints its participle after the amount ("um 4,50 € gekürzt"), so only German's
counts wherever it stands in the sentence (issue 19)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.policy_text import read


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Le montant réduit ne peut dépasser 40 € par repas.\n", Decimal("40")),
        ("La dieta ridotta non può superare 30 € al giorno.\n", Decimal("30")),
        ("La dieta reducida no puede superar 35 € por día.\n", Decimal("35")),
    ],
)
def test_a_reduced_rate_capped_by_its_sentence_is_a_limit(text: str, amount: Decimal) -> None:
    assert [c.amount for c in read(text).caps] == [amount]


def test_a_german_deduction_after_the_amount_is_no_limit() -> None:
    assert read("Das Tagegeld wird für ein Frühstück um 4,50 € gekürzt.\n").caps == ()

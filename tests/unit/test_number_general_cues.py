"""Invoice-number cues that hold across issuers and languages (issue 11), on synthetic lines."""

from __future__ import annotations

import pytest

from reimburse.adapters.heuristic.fields import read_number
from reimburse.adapters.heuristic.text import normalize
from reimburse.adapters.heuristic.totals import analyse_lines


def _number(text: str) -> str | None:
    return read_number(analyse_lines(normalize(text).split("\n")))[0]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # digits set in groups of three (French, Nordic, SI typography) are one number
        ("Rechnungsnr. : 88 123\nSumme 5,00", "88123"),
        ("Facture n° 1 234 567\nTotal TTC 5,00 €", "1234567"),
        ("Fakturanummer: 12 345\nTotalt 45,00 SEK", "12345"),
        # ... but an amount after the number is not part of it
        ("Invoice No: 4471   1 234,56\nTotal 1 234,56", "4471"),
    ],
)
def test_number_from_general_cues(text: str, number: str) -> None:
    assert _number(text) == number

"""A document whose last sum is carried to a next page (issue 11; the s15 review's leftover).

A long invoice hands its running sum to the next page ("Übertrag", "Suma y sigue", "Carried
forward") and prints its total on the last one. A file that stops after the carried sum is missing
that page: whatever stands in for the total goes to review. The German case was read silently
(the items add up to the carried sum); the others pass at main and guard the rule. Texts are synthetic.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.text_receipts import low, read

_CARRIED = {
    "de": ("Rechnung 2025-204\nDatum: 03.09.2025\nTischlerei Rau GmbH\n", "Übertrag"),
    "es": ("Factura 2025-204\nFecha: 03/09/2025\nCarpinteria Ruiz S.L.\n", "Suma y sigue"),
    "nl": ("Factuur 2025-204\nDatum: 03-09-2025\nTimmerbedrijf Kok B.V.\n", "Naar volgende pagina"),
    "en": ("Invoice 2025-204\nDate: 03/09/2025\nOakleaf Joinery Ltd\n", "Carried forward"),
}


@pytest.mark.parametrize("language", list(_CARRIED))
def test_a_document_ending_on_a_carried_sum_goes_to_review(language: str) -> None:
    # page 1 alone: the carried sum is the last amount; the items reach it, which proves nothing
    head, carried = _CARRIED[language]
    items = "Eiche   1   480,00   480,00 EUR\nMontage   4   41,25   165,00 EUR\n"
    invoice = read(head + items + f"{carried}   645,00 EUR\n")
    assert invoice.total != Decimal("645.00") or low(invoice)


def test_a_carried_sum_followed_by_the_total_is_read_surely() -> None:
    text = (
        "Rechnung 2025-204\nDatum: 03.09.2025\nTischlerei Rau GmbH\n\nEiche   1   480,00   480,00\n"
        "Übertrag   480,00\n\nÜbertrag   480,00\nMontage   4   41,25   165,00\n\nNetto   645,00\n"
        "MwSt 19 %   122,55\nGesamtbetrag   767,55\n"
    )
    invoice = read(text)
    assert invoice.total == Decimal("767.55")
    assert not low(invoice)

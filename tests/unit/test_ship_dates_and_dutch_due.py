"""Guards for conventions the readers already follow: a shipping date in German and French is
another date's role, and Dutch "te voldoen" (to be paid) labels the total."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.text_receipts import read


@pytest.mark.parametrize(
    ("text", "when"),
    [
        (
            "Muster GmbH\nVersanddatum: 20.03.2019\nRechnung 123 vom 14.03.2019\nSumme   10,00",
            date(2019, 3, 14),
        ),
        (
            "Dupont SARL\nDate d'expédition : 20/03/2019\nFacture 123 du 14/03/2019\nTotal   10,00",
            date(2019, 3, 14),
        ),
    ],
)
def test_a_shipping_date_is_not_the_invoice_date(text: str, when: date) -> None:
    assert read(text).invoice_date == when


def test_te_voldoen_labels_the_total() -> None:
    text = "Bakkerij Jansen\nDatum 14-03-2019\nBrood   2,50\nKoffie   3,00\nTe voldoen   € 5,50\nContant   10,00\nWisselgeld   4,50"
    invoice = read(text)
    assert (invoice.total, invoice.currency) == (Decimal("5.50"), "EUR")

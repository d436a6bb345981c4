"""A total read under a weak word is sent to review unless the page bears it out the way receipts
do: the largest amount printed, printed again on the payment line. Synthetic receipts."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.text_receipts import low, read


@pytest.mark.parametrize(
    "text",
    [
        "Bäckerei Müller\n12.03.2024\n2 Brötchen   1,20\nKaffee   2,80\nBetrag   4,00 EUR\nKarte   4,00 EUR",
        "City Cabs\n12/03/2024\nRide 4.2 km\nAmount   250.00\nCollected via UPI   250.00",
        "Trattoria\n12/03/2024\nPizza   9,50\nImporto   12,50 €\nPOS 0231   12,50 €",
    ],
)
def test_a_weak_total_the_page_repeats_as_its_largest_amount_is_read(text: str) -> None:
    invoice = read(text)
    assert not low(invoice)


@pytest.mark.parametrize(
    ("text", "total"),
    [
        # printed once only
        ("Bäckerei Müller\n12.03.2024\n2 Brötchen   1,20\nBetrag   4,00 EUR", "4.00"),
        # a larger amount is printed: the weak amount is not the largest on the page
        ("City Cabs\n12/03/2024\nFare   250.00\nFare   250.00\nInsured value   500.00", "250.00"),
    ],
)
def test_a_weak_total_the_page_does_not_bear_out_stays_a_guess(text: str, total: str) -> None:
    invoice = read(text)
    assert invoice.total == Decimal(total)
    assert low(invoice)

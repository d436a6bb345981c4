"""A net amount (Netto, Subtotal, Total HT, Imponibile, Base imponible, Netto bedrag) is not the
amount payable when a tax is printed beside it: gross = net + VAT, the convention of every VAT
invoice. Issue 11: "Betrag 11,90 / Netto 10,00 / Steuer 19% 1,90" was read as 10.00 at 0.99 with
no flag. Synthetic receipts."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.text_receipts import low, read


@pytest.mark.parametrize(
    ("text", "gross"),
    [
        # the receipt: the tax line's word is not a tax label, its rate is printed
        ("Kiosk\n12.03.2024\nBetrag   11,90\nNetto   10,00\nSteuer 19%   1,90", "11.90"),
        ("Kiosk\n12.03.2024\nBetrag   11,90 EUR\nNettobetrag   10,00 EUR\nMwSt 19%   1,90 EUR", "11.90"),
        ("Shop\n03/12/2024\nAmount   11.90\nNet amount   10.00\nVAT 19%   1.90", "11.90"),
        ("Shop\n03/12/2024\nAmount   12.00\nSubtotal   10.00\nVAT   2.00", "12.00"),
        ("Café\n12/03/2024\nMontant   12,00\nTotal HT   10,00\nTVA 20%   2,00", "12.00"),
        ("Bar\n12/03/2024\nImporto   12,20\nImponibile   10,00\nIVA 22%   2,20", "12.20"),
        ("Bar\n12/03/2024\nImporte   12,10\nBase imponible   10,00\nIVA 21%   2,10", "12.10"),
        ("Winkel\n12-03-2024\nBedrag   12,10\nNetto bedrag   10,00\nBTW 21%   2,10", "12.10"),
        # two rates: the gross is the net plus both taxes
        (
            "Markt\n12.03.2024\nBetrag   11,30\nNetto   10,00\nMwSt 7%   0,35\nMwSt 19%   0,95",
            "11.30",
        ),
    ],
)
def test_a_net_amount_never_outranks_the_printed_net_plus_tax(text: str, gross: str) -> None:
    invoice = read(text)
    assert invoice.total == Decimal(gross)
    assert not low(invoice)


@pytest.mark.parametrize(
    ("text", "gross"),
    [
        ("Kiosk\n12.03.2024\nNetto   10,00\nMwSt 19%   1,90\n   11,90 EUR", "11.90"),
        ("Café\n12/03/2024\nTotal HT   10,00\nTVA 20%   2,00\nCB   12,00", "12.00"),
    ],
)
def test_a_net_alone_becomes_net_plus_tax_where_that_sum_is_printed(text: str, gross: str) -> None:
    assert read(text).total == Decimal(gross)


@pytest.mark.parametrize(
    "text",
    [
        "Kiosk\n12.03.2024\nNetto   10,00\nMwSt 19%   1,90",
        "Café\n12/03/2024\nTotal HT   10,00\nTVA 20%   2,00",
        "Bar\n12/03/2024\nImponibile   10,00\nIVA   2,20",
        "Shop\n03/12/2024\nSubtotal   10.00\nSales tax   0.80",
    ],
)
def test_a_net_alone_beside_a_tax_with_no_printed_gross_goes_to_review(text: str) -> None:
    invoice = read(text)
    assert invoice.total == Decimal("10.00")  # kept, never invented
    assert low(invoice)


def test_a_net_alone_with_no_tax_printed_keeps_todays_reading() -> None:
    invoice = read("Kiosk\n12.03.2024\nNetto   10,00")
    assert invoice.total == Decimal("10.00")
    assert not low(invoice)


def test_a_net_amount_that_a_smaller_part_and_its_taxes_reach_is_the_payable_gross() -> None:
    # Indian bills print the payable amount as "Net amount", above its taxable value.
    invoice = read(
        "Cafe\n12/03/2024\nTaxable value   100.00\nCGST 9%   9.00\nSGST 9%   9.00\nNet amount   118.00"
    )
    assert invoice.total == Decimal("118.00")
    assert not low(invoice)


def test_a_subtotal_that_a_printed_net_and_its_tax_reach_is_the_gross() -> None:
    # Some tills print the gross as "Subtotal" under an unlabelled net and its VAT.
    invoice = read("Burger Bar\n2024-02-08\nNet   100,00\nVAT 12%   12.00\nSubtotal   112.00")
    assert invoice.total == Decimal("112.00")
    assert not low(invoice)

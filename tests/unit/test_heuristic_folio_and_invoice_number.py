"""A hotel's folio number and the invoice number it issues (issue 11): hotels print both ("Folio No"
for the guest's account, "VAT INVOICE: n" or "Invoice No. n" for the tax invoice). The invoice's own
number is the one a duplicate check and payroll need; the folio's stands in only when no invoice
number is printed."""

from __future__ import annotations

import pytest

from tests.text_receipts import read

FOLIO = """Quayside Lodge
Room Number 318
{line}
Confirmation Number: 77102
Folio No 40817C
DATE DESCRIPTION AMOUNT
09/03/2024 Room and breakfast 145.00
Total Amount 145.00 EUR
"""


@pytest.mark.parametrize(
    "line", ["VAT INVOICE:5520931", "Tax Invoice: 5520931", "INVOICE: 5520931", "Invoice No. 5520931"]
)
def test_the_invoice_number_wins_over_the_folio_number(line: str) -> None:
    assert read(FOLIO.format(line=line)).invoice_number == "5520931"


def test_the_folio_number_stands_in_when_no_invoice_number_is_printed() -> None:
    assert read(FOLIO.format(line="Guest Folio")).invoice_number == "40817C"

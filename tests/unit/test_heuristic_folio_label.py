"""A folio's number is its own label (Label.FOLIO_NO), so an OCR'd "Fo1io No" is a folio too:
printed above the invoice's number, it no longer takes the invoice number's place."""

from __future__ import annotations

from reimburse.adapters.invoice_labels.labels import Label, find_labels
from tests.text_receipts import read

STAY = """Harbour View Inn
{folio} 51180Q
Invoice No. 7730214
DATE DESCRIPTION AMOUNT
14/05/2024 Room only 98.00
Total Amount 98.00 EUR
"""


def test_a_folio_label_misread_by_ocr_is_still_a_folio() -> None:
    assert [h.label for h in find_labels("Fo1io No 51180Q")] == [Label.FOLIO_NO]


def test_the_invoice_number_wins_over_a_folio_printed_above_it() -> None:
    for folio in ("Folio No", "Fo1io No"):
        assert read(STAY.format(folio=folio)).invoice_number == "7730214"


def test_a_folio_number_alone_stands_in() -> None:
    text = STAY.replace("Invoice No. 7730214\n", "")
    assert read(text.format(folio="Folio No")).invoice_number == "51180Q"

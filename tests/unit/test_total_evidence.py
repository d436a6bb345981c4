"""A total read under a weak or unknown word is sure (no `low_confidence`) when the page's own
arithmetic reaches it and it is the largest amount printed apart from cash tendered: cash less
change, a tax that is its printed rate's share, the rows of a VAT summary, or the item amounts
above it. Synthetic receipts: one row per rule, and rows where the evidence is missing or points
elsewhere."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reimburse.adapters.heuristic.totals import analyse_lines, read_totals_from
from tests.text_receipts import low, read

HEAD = "Kiosk am Markt\n12.03.2024\n"


@pytest.mark.parametrize(
    ("body", "total"),
    [
        # the item column above adds up to it (2 and 3 items)
        ("Pizza   9,50\nVino   3,00\nImporto   12,50 €", "12.50"),
        ("Tea   1.20\nScone   2.30\nJam   0.50\nAmount   4.00 EUR", "4.00"),
        # its VAT, printed with the rate, is that rate's share of it (tax included)
        ("Artikel   ?\nBetrag   11,90 EUR\nMwSt 19%   1,90", "11.90"),
        ("Betrag   10,70 EUR\nenth. 7%   0,70", "10.70"),
        ("Amount   23.00 EUR\nIncl. VAT 15%   3.00", "23.00"),
        # the rows of a VAT summary at two rates (gross and tax, then net and tax) add up to it
        ("Betrag   15,11 EUR\n7%   3,21   0,21\n19%   11,90   1,90", "15.11"),
        ("Betrag   15,11 EUR\n7%   3,00   0,21\n19%   10,00   1,90", "15.11"),
        # cash tendered less the change handed back; the tendered note is larger, not a rival
        ("Betrag   7,60 EUR\nGegeben   10,00 EUR\nRückgeld   2,40 EUR", "7.60"),
    ],
)
def test_arithmetic_on_the_page_makes_a_weak_total_sure(body: str, total: str) -> None:
    invoice = read(HEAD + body)
    assert invoice.total == Decimal(total)
    assert not low(invoice)


@pytest.mark.parametrize(
    ("body", "total"),
    [
        # items that do not add up to it
        ("Pizza   9,50\nVino   3,00\nImporto   14,00 €", "14.00"),
        # a tax whose rate does not make it (7% of 11.90 gross is 0.78, not 1.90)
        ("Betrag   11,90 EUR\nMwSt 7%   1,90", "11.90"),
        # VAT rows whose tax is not their rate's, or one row printed twice, prove nothing
        ("Betrag   15,11 EUR\n7%   3,21   0,21\n19%   11,90   1,80", "15.11"),
        ("Betrag   6,42 EUR\n7%   3,21   0,21\n7%   3,21   0,21", "6.42"),
        # the items add up, but a larger amount is printed: it may not be the total
        ("Pizza   9,50\nVino   3,00\nImporto   12,50 €\nGutschein   50,00 €", "50.00"),
        # items that add up only by skipping one between them are no column's sum
        ("Pizza   9,50\nCoperto   1,25\nVino   3,00\nImporto   12,50 €", "12.50"),
    ],
)
def test_a_weak_total_without_arithmetic_stays_a_guess(body: str, total: str) -> None:
    invoice = read(HEAD + body)
    assert low(invoice)


def test_an_amount_no_word_names_is_sure_only_by_arithmetic() -> None:
    # Only a currency names these amounts: printed twice is not enough, the items adding up is.
    repeated = read_totals_from(analyse_lines(["Xyz", "5,00 EUR", "12,00 EUR", "12,00 EUR"]))
    summed = read_totals_from(analyse_lines(["Xyz", "5,00 EUR", "7,00 EUR", "12,00 EUR"]))
    assert repeated is not None and summed is not None
    assert repeated.confidence < 0.5
    assert summed.total == Decimal("12.00") and summed.confidence >= 0.5


@pytest.mark.parametrize(
    "word",
    ["Toplam", "JUMLAH", "Összesen", "Итого", "Kopā", "Iš viso", "Σύνολο", "Total de plată"],
)
def test_a_total_word_of_another_language_names_the_total_not_the_cash_tendered(word: str) -> None:
    # With no label known, the amount on the total word is the guess, not the larger cash line
    # ("Nakit": cash, in Turkish).
    lines = ["Shop", "2 x Tea   40,00 ₺", f"{word}   85,00 ₺", "Nakit   100,00 ₺"]
    reading = read_totals_from(analyse_lines(lines))
    assert reading is not None and reading.total == Decimal("85.00")

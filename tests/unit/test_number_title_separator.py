"""The invoice number beside the title when the date follows it after a separator mark instead of
a word ("Invoice 2025-14 · October 3, 2025", as "Rechnung Nr. 7 vom <date>" does with a word; set C,
issue 11). Texts written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from reimburse.adapters.heuristic.fields import read_number
from reimburse.adapters.heuristic.text import normalize
from reimburse.adapters.heuristic.totals import analyse_lines
from tests.text_receipts import read


def _number(text: str) -> str | None:
    return read_number(analyse_lines(normalize(text).split("\n")))[0]


@pytest.mark.parametrize("mark", ["·", "|", "–"])
def test_a_title_with_its_number_and_date_after_a_separator(mark: str) -> None:
    text = f"Tobias Ellingham\n\nInvoice 2025-14 {mark} October 3, 2025\n\nTotal   £450.00"
    assert _number(text) == "2025-14"


def test_no_number_is_read_from_a_title_whose_separator_is_followed_by_no_date() -> None:
    assert _number("Receipt 4471 · Table 12\nTotal   £30.00") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hotel folio: the stay's dates follow the mark, the folio's own date is labelled
        (
            "Albergo Miramonti\nCorso Italia 4, 20122 Milano\n\nFolio 55120 · 03/09/2025 - 06/09/2025\n\n"
            "Date: 06/09/2025\nCamera 3 notti   300,00\nTotal   300,00 EUR",
            date(2025, 9, 6),
        ),
        # a subscription: the billing period follows the mark, the issue date is labelled
        (
            "Northwind Cloud Ltd\n4 Quay Road, Bristol BS1 6AA\n\nInvoice 9920 | 01/08/2025 - 31/08/2025\n"
            "Date: 02/09/2025\nStorage plan   25.00\nTotal   £25.00",
            date(2025, 9, 2),
        ),
        # a rail ticket: the travel day follows the mark, the purchase date is labelled
        (
            "Küstenbahn GmbH\nTicket 8812-0043 · 30.11.2025\n\nDatum: 18.11.2025\nKiel - Lübeck\n"
            "Gesamt   19,50 EUR",
            date(2025, 11, 18),
        ),
    ],
)
def test_a_date_after_the_titles_mark_does_not_outrank_a_date_label(text: str, expected: date) -> None:
    assert read(text).invoice_date == expected


def test_the_titles_number_and_its_date_after_a_mark_without_a_label() -> None:
    invoice = read("Tobias Ellingham\n\nInvoice 2025-14 · October 3, 2025\n\nTotal   £450.00")
    assert (invoice.invoice_number, invoice.invoice_date) == ("2025-14", date(2025, 10, 3))

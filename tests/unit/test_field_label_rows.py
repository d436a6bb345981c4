"""A row of field labels over a row of their values ("Invoice Number   Invoice Date   Order
Reference   Order Date", as shop and hotel invoices print their summary): each value is read under
its own label, so the invoice date is not left to a guess (the first date with no role).
An invoice-date label whose date is read nowhere makes the date chosen a guess, for a reviewer.
Synthetic pages in our own words (set H, docs/development-sets.md)."""

from __future__ import annotations

from datetime import date

from reimburse.adapters.heuristic.invoice_dates import read_dates
from reimburse.adapters.heuristic.layout import Layout
from reimburse.adapters.heuristic.text import normalize
from reimburse.adapters.heuristic.totals import analyse_lines
from reimburse.domain.verdict.document import Document, Line, Page
from tests.layout_lines import line_of_cells


def _page(*lines: Line) -> tuple[list, Layout, str]:
    page = Page(1, 600, 800, tuple(lines))
    text = "\n".join(line.text for line in page.lines)
    document = Document("x.pdf", "0" * 64, text, (text,), (page,))
    return analyse_lines(normalize(text).split("\n")), Layout(document), text


def _summary(order_date: str, invoice_date: str) -> tuple[list, Layout, str]:
    return _page(
        line_of_cells((50, "Hotel Belvedere"), top=40),
        line_of_cells((50, "Room 12"), (300, "29/09/2025"), top=70),
        line_of_cells(
            (50, "Invoice Number"),
            (170, "Invoice Date"),
            (290, "Order Reference"),
            (430, "Order Date"),
            top=100,
        ),
        line_of_cells((50, "#IN000077"), (170, invoice_date), (290, "QKZTRWBNE"), (430, order_date), top=114),
        line_of_cells((50, "Total"), (430, "880.00"), top=160),
    )


def test_the_invoice_date_is_read_under_its_label_in_a_row_of_field_labels() -> None:
    infos, layout, text = _summary("14/08/2025", "02/10/2025")
    reading = read_dates(infos, text, stay=False, currency="EUR", layout=layout)
    assert reading.invoice_date == date(2025, 10, 2)
    assert reading.ambiguity is None


def test_a_table_heading_is_still_no_field_label_row() -> None:
    infos, layout, text = _page(
        line_of_cells((50, "Date"), (170, "Description"), (430, "Amount"), top=100),
        line_of_cells((50, "03/03/2025"), (170, "Room"), (430, "120.00"), top=114),
        line_of_cells((50, "Invoice date: 05/03/2025"), top=160),
    )
    assert read_dates(infos, text, stay=False, currency="EUR", layout=layout).invoice_date == date(2025, 3, 5)


def test_an_invoice_date_label_read_nowhere_sends_the_date_to_review() -> None:
    infos, _, text = _page(
        line_of_cells((50, "Hotel Belvedere"), top=40),
        line_of_cells((50, "Invoice Date"), top=100),
        line_of_cells((50, "Order date 14/08/2025"), top=160),
        line_of_cells((50, "Room 12"), (300, "03/09/2025"), top=200),
    )
    reading = read_dates(infos, text, stay=False, currency="EUR", layout=None)
    assert reading.ambiguity is not None

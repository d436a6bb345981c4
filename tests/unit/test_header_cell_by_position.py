"""The cell under a header cell is the one printed under it on the page (`label_values.cell_under`):
a row with a cell left blank, or a value split in two cells, still matches its columns. Text alone
keeps no x positions, so there the same cell by index is taken, when both rows hold as many cells."""

from __future__ import annotations

from reimburse.adapters.heuristic import HeuristicInvoiceExtractor
from reimburse.adapters.heuristic.label_values import cell_under, cells
from reimburse.adapters.heuristic.layout import Layout
from reimburse.adapters.heuristic.text import normalize
from reimburse.adapters.heuristic.totals import LineInfo, analyse_lines
from tests.layout_lines import placed_document
from tests.text_receipts import POLICY

# Columns at x = 50, 170, 290, 420 (6 pt per letter: "Invoice Date" spans 290-359).
HEAD = [(50, 100, "Customer"), (170, 100, "Ship Date"), (290, 100, "Invoice Date"), (420, 100, "Terms")]


def _rows(*below: tuple[float, str]) -> tuple[list[LineInfo], Layout]:
    document = placed_document([HEAD, [(x, 114, text) for x, text in below]])
    return analyse_lines(normalize(document.text).split("\n")), Layout(document)


def _column(infos: list[LineInfo], name: str) -> int:
    return next(k for k, (_, text) in enumerate(cells(infos[0].text)) if text == name)


def test_a_blank_cell_with_a_split_one_before_it_reads_nothing_under_the_label() -> None:
    # the customer's name split in two cells, the invoice date left blank: as many cells as headings
    infos, layout = _rows((50, "Acme"), (110, "Ltd"), (170, "03/03/2025"), (420, "Net 30"))
    column = _column(infos, "Invoice Date")
    assert cell_under(infos, 0, column) == "03/03/2025"  # by index: the ship date, under another heading
    assert cell_under(infos, 0, column, layout) is None  # on the page: nothing under "Invoice Date"
    assert cell_under(infos, 0, _column(infos, "Ship Date"), layout) == "03/03/2025"
    assert cell_under(infos, 0, _column(infos, "Terms"), layout) == "Net 30"


def test_a_row_with_a_cell_missing_reads_the_cell_under_the_label() -> None:
    infos, layout = _rows((50, "Acme Ltd"), (290, "04/03/2025"), (420, "Net 30"))
    column = _column(infos, "Invoice Date")
    assert cell_under(infos, 0, column) is None  # by index: three cells under four, no match
    assert cell_under(infos, 0, column, layout) == "04/03/2025"
    assert cell_under(infos, 0, _column(infos, "Ship Date"), layout) is None


def test_a_value_wider_than_its_heading_is_read_under_it() -> None:
    # a right-aligned amount starting left of its heading, still mostly under it
    infos, layout = _rows((50, "Acme Ltd"), (160, "28/02/2025"), (280, "04/03/2025"), (420, "Net 30"))
    assert cell_under(infos, 0, _column(infos, "Invoice Date"), layout) == "04/03/2025"
    assert cell_under(infos, 0, _column(infos, "Ship Date"), layout) == "28/02/2025"


def test_a_value_under_two_headings_goes_to_the_one_it_stands_under_most() -> None:
    # "03/03/2025 to 05/03" spans 108 pt: from 201.5 it lies 19.5 pt under each heading's words
    infos, layout = _rows((50, "Acme Ltd"), (201.5, "03/03/2025 to 05/03"), (420, "Net 30"))
    assert cell_under(infos, 0, _column(infos, "Invoice Date"), layout) is None
    assert cell_under(infos, 0, _column(infos, "Ship Date"), layout) is None
    infos, layout = _rows((50, "Acme Ltd"), (220, "03/03/2025 to 05/03"), (420, "Net 30"))
    assert cell_under(infos, 0, _column(infos, "Invoice Date"), layout) == "03/03/2025 to 05/03"
    assert cell_under(infos, 0, _column(infos, "Ship Date"), layout) is None


def test_two_values_under_one_heading_are_not_taken() -> None:
    # the heading's column holds two cells: one of them alone would be half a value
    infos, layout = _rows((50, "Acme"), (170, "03/03"), (200, "2025"), (420, "Net 30"))
    assert cell_under(infos, 0, _column(infos, "Ship Date"), layout) is None


def test_the_ship_date_under_its_own_heading_is_not_read_silently_as_the_invoice_date() -> None:
    document = placed_document(
        [
            [(50, 40, "Brackenfold Supplies Ltd")],
            [(50, 54, "12 Mill Road, Leeds LS2 7PQ")],
            HEAD,
            [(50, 114, "Acme"), (110, 114, "Ltd"), (170, 114, "03/03/2025"), (420, 114, "Net 30")],
            [(50, 200, "Widget"), (420, 200, "10.00")],
            [(50, 230, "Total"), (420, 230, "£10.00")],
        ]
    )
    invoice = HeuristicInvoiceExtractor().read(document, POLICY)
    # the one date printed is the ship date: read as the invoice date only with a doubt said
    assert "ambiguous_date" in {f.code for f in invoice.reading_flags}

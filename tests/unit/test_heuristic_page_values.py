"""Fields whose value the page prints away from the label's text line (read with the layout)."""

from __future__ import annotations

from datetime import date

from reimburse.adapters.heuristic.fields import read_number
from reimburse.adapters.heuristic.invoice_dates import read_dates
from reimburse.adapters.heuristic.layout import Layout
from reimburse.adapters.heuristic.text import normalize
from reimburse.adapters.heuristic.totals import analyse_lines
from reimburse.domain.verdict.document import Document, Line, Page
from tests.layout_lines import line_of_cells


def _document(*lines: Line) -> Document:
    page = Page(1, 600, 800, tuple(lines))
    text = "\n".join(line.text for line in page.lines)
    return Document("x.pdf", "0" * 64, text, (text,), (page,))


def _read(document: Document) -> tuple[str | None, date | None]:
    text = normalize(document.text)
    infos = analyse_lines(text.split("\n"))
    layout = Layout(document)
    number, _ = read_number(infos, layout)
    return number, read_dates(infos, text, stay=False, currency="EUR", layout=layout).invoice_date


def test_values_right_of_their_labels_on_another_baseline() -> None:
    # Bigger values sit a little higher, so the text has them on their own lines, before the labels.
    document = _document(
        line_of_cells((300, "INV-77"), top=96, size=14),
        line_of_cells((50, "Invoice number"), top=100),
        line_of_cells((300, "03.05.2024"), top=116, size=14),
        line_of_cells((50, "Invoice date"), top=120),
        line_of_cells((50, "Due date"), (300, "02.06.2024"), top=140),
        line_of_cells((50, "Total"), (300, "5.00"), top=160),
    )
    assert _read(document) == ("INV-77", date(2024, 5, 3))


def test_without_the_layout_the_text_lines_alone_miss_them() -> None:
    document = _document(
        line_of_cells((300, "INV-77"), top=96, size=14),
        line_of_cells((50, "Invoice number"), top=100),
        line_of_cells((50, "Total"), (300, "5.00"), top=160),
    )
    infos = analyse_lines(normalize(document.text).split("\n"))
    assert read_number(infos)[0] is None  # never "5.00", the amount on the next line


def test_a_column_heading_does_not_take_the_first_row_as_its_value() -> None:
    document = _document(
        line_of_cells((50, "Hotel Sol"), (300, "21/09/2019"), top=60),
        line_of_cells((50, "Fecha"), (150, "Habitación"), (300, "Importe"), top=100),
        line_of_cells((50, "16/09/2019"), (150, "606"), (300, "80,00"), top=114),
        line_of_cells((50, "Total"), (300, "80,00"), top=140),
    )
    assert _read(document)[1] == date(2019, 9, 21)

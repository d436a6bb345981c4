"""References read by their column on the page: under the document's title (the header's right
column), and under a heading in a header row whose cells OCR ran together."""

from __future__ import annotations

from reimburse.adapters.heuristic.fields import read_number
from reimburse.adapters.heuristic.layout import Layout
from reimburse.adapters.heuristic.text import normalize
from reimburse.adapters.heuristic.totals import analyse_lines
from reimburse.domain.verdict.document import Document, Line, Page
from tests.layout_lines import line_of_cells


def _number(*lines: Line, layout: bool = True) -> str | None:
    page = Page(1, 600, 800, tuple(lines))
    text = "\n".join(line.text for line in page.lines)
    document = Document("x.png", "0" * 64, text, (text,), (page,))
    infos = analyse_lines(normalize(document.text).split("\n"))
    return read_number(infos, Layout(document) if layout else None)[0]


def _header(under: str) -> tuple[Line, ...]:
    return (
        line_of_cells((50, "Contoso LTD"), top=100),
        line_of_cells((50, "Windsor tower, Salsette Road"), (400, "TaxInvoice"), top=116),
        line_of_cells((50, "Kalina, Santacruz East, Mumbai"), (405, "OSO"), top=132),  # a logo's fragment
        line_of_cells((50, "400098 GSTIN: 12ABCDE0123A1A2"), (400, under), top=148),
        line_of_cells((50, "Total"), (400, "7,08,000.00"), top=300),
    )


def test_the_reference_under_the_title_past_a_logo_fragment() -> None:
    assert _number(*_header("MSFT0011223344")) == "MSFT0011223344"


def test_without_the_layout_the_column_is_not_known() -> None:
    assert _number(*_header("MSFT0011223344"), layout=False) is None


def test_a_date_or_an_amount_under_the_title_is_no_number() -> None:
    assert _number(*_header("31-12-2022")) is None
    assert _number(*_header("6,54,321.00")) is None


def test_the_cell_under_another_column_is_not_the_titles() -> None:
    lines = (
        line_of_cells((50, "Contoso LTD"), (400, "INVOICE"), top=100),
        line_of_cells((50, "Windsor tower"), top=116),
        line_of_cells((50, "771234"), top=132),  # under the vendor's name, not under the title
        line_of_cells((50, "Total"), (400, "5.00"), top=300),
    )
    assert _number(*lines) is None


def test_a_heading_row_run_together_reads_the_value_under_its_heading() -> None:
    # OCR joined two headings into one cell: four cells over five values.
    lines = (
        line_of_cells((50, "CONTOSO LTD."), (400, "Fattura"), top=100),
        line_of_cells(
            (50, "Codice Cliente"),
            (150, "Partita IVA"),
            (250, "Termini"),
            (330, "Data Documento Numero Documento"),
            top=200,
        ),
        line_of_cells(
            (50, "1234ABC"),
            (150, "1234567890"),
            (250, "50 GG DF"),
            (330, "10-02-2022"),
            (420, "54321"),
            top=216,
        ),
        line_of_cells((50, "Totale"), (420, "125,00"), top=300),
    )
    assert _number(*lines) == "54321"

"""Reading by layout: values beside and under labels, header and footer blocks (synthetic pages)."""

from __future__ import annotations

from reimburse.adapters.heuristic.layout import Layout, cells, words_in
from reimburse.domain.verdict.document import Document, Line, Page
from tests.layout_lines import line_of_cells


def _document(*pages: list[Line], height: float = 800) -> Document:
    layout = tuple(Page(n, 600, height, tuple(lines)) for n, lines in enumerate(pages, start=1))
    text = "\n\n".join("\n".join(line.text for line in page.lines) for page in layout)
    return Document("x.pdf", "0" * 64, text, tuple(text.split("\n\n")), layout)


def test_value_right_of_a_label_even_on_another_baseline() -> None:
    label = line_of_cells((50, "Gesamtbetrag"), top=400)
    value = line_of_cells((400, "1.234,56 EUR"), top=398, size=14)  # bigger font, its own rebuilt line
    layout = Layout(_document([line_of_cells((50, "Rechnung"), top=50), label, value]))
    placed = layout.placed(1)
    assert placed is not None and placed.text == "Gesamtbetrag"
    assert layout.right_of(placed, 0, len("Gesamtbetrag")) == ["1.234,56 EUR"]


def test_right_of_splits_cells_and_ignores_other_rows() -> None:
    row = line_of_cells((50, "Invoice No"), (200, "RE-7781"), (350, "Date"), (450, "03.05.2024"), top=100)
    other = line_of_cells((200, "ignored"), top=140)
    layout = Layout(_document([row, other]))
    placed = layout.placed(0)
    assert placed is not None
    assert layout.right_of(placed, 0, len("Invoice No")) == ["RE-7781", "Date", "03.05.2024"]


def test_value_under_a_label_in_the_same_column() -> None:
    header = line_of_cells((50, "Customer"), (250, "Invoice number"), (450, "Date"), top=100)
    values = line_of_cells((50, "ACME Corp"), (250, "INV-2024-17"), (450, "2024-05-03"), top=116)
    layout = Layout(_document([header, values]))
    placed = layout.placed(0)
    assert placed is not None
    start = placed.text.index("Invoice number")
    assert layout.below(placed, start, start + len("Invoice number")) == "INV-2024-17"
    date = placed.text.index("Date")
    assert layout.below(placed, date, date + 4) == "2024-05-03"


def test_nothing_under_a_label_when_the_next_row_is_far_or_elsewhere() -> None:
    label = line_of_cells((50, "Total"), top=100)
    far = line_of_cells((50, "99.00"), top=200)
    aside = line_of_cells((400, "12.00"), top=114)
    layout = Layout(_document([label, aside, far]))
    placed = layout.placed(0)
    assert placed is not None
    assert layout.below(placed, 0, 5) is None


def test_header_and_footer_blocks() -> None:
    top = line_of_cells((50, "Muster GmbH"), top=30)
    middle = line_of_cells((50, "Pos 1 Widget 10,00"), top=400)
    bottom = line_of_cells((50, "USt-IdNr DE123456789"), top=760)
    layout = Layout(_document([top, middle, bottom], [line_of_cells((50, "Seite 2"), top=770)]))
    assert [p.text for p in layout.header()] == ["Muster GmbH"]
    assert [p.text for p in layout.footer()] == ["USt-IdNr DE123456789", "Seite 2"]
    assert [p.text for p in layout.footer(page=1)] == ["USt-IdNr DE123456789"]


def test_text_lines_map_to_layout_lines_across_pages_and_blank_lines() -> None:
    doc = _document(
        [line_of_cells((50, "A one"), top=10), line_of_cells((50, "B two"), top=30)],
        [line_of_cells((50, "C three"), top=10)],
    )
    layout = Layout(doc)
    lines = doc.text.split("\n")
    for i, text in enumerate(lines):
        placed = layout.placed(i)
        assert (placed.text if placed else "") == text


def test_letter_spaced_words_map_to_their_joined_text() -> None:
    line = line_of_cells((50, "T O T A L"), (300, "500.00"), top=100)
    layout = Layout(_document([line]))
    placed = layout.placed(0)
    assert placed is not None and placed.text.startswith("TOTAL")
    assert [w.text for w in words_in(placed, 0, 5)] == ["T", "O", "T", "A", "L"]
    assert layout.right_of(placed, 0, 5) == ["500.00"]


def test_without_a_layout_every_lookup_is_empty() -> None:
    layout = Layout(Document("x.pdf", "0" * 64, "Total 5.00", ("Total 5.00",)))
    assert not layout and layout.placed(0) is None and layout.header() == [] and layout.footer() == []


def test_cells_break_at_wide_gaps_only() -> None:
    words = line_of_cells((50, "Grand Total"), (300, "42.00"), top=0).words
    assert [[w.text for w in c] for c in cells(words)] == [["Grand", "Total"], ["42.00"]]

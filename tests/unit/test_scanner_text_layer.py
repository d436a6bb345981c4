"""A scanner's OCR text layer (Tesseract and scanning apps) as the PDF reader rebuilds it: each line
drawn along the slope measured on the skewed picture, some flat; one space glyph drawn after each
word and the next word placed where the picture shows it."""

from __future__ import annotations

import math

from reimburse.adapters.pdf.pdfplumber_document_reader import _chosen, _dropped_amounts
from reimburse.adapters.pdf.text_layout import COLUMN_SEPARATOR, Glyph, make_glyph, page_layout
from reimburse.domain.verdict.document import Page, TextSource


def _scanned_line(
    words: list[str], origin: tuple[float, float], angle: float, gap: float = 5.0
) -> list[Glyph]:
    """Glyphs of one OCR-layer line: contiguous letters, a drawn space after each word, then `gap`."""
    size, advance = 8.0, 4.0
    cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    glyphs, u = [], 0.0
    for word in words:
        for ch in [*word, " "]:
            x, y = origin[0] + u * cos, origin[1] + u * sin
            glyphs.append(make_glyph(ch, (cos, sin, -sin, cos, x, y), advance, advance, size, size))
            u += advance
        u += gap
    return glyphs


def _page(lines: list[tuple[list[str], float]], *, scanned: bool) -> list[str]:
    glyphs = []
    for n, (words, angle) in enumerate(lines):
        glyphs += _scanned_line(words, (40.0, 700.0 - 14.0 * n), angle)
    text, _ = page_layout(glyphs, 1, 300, 792, scanned=scanned)
    return [t for t in text.split("\n") if t]


SKEWED = [
    (["Konoba", "Stari", "Mlin"], 0.0),
    (["Racun", "br.", "118"], -1.1),
    (["Ukupno", "103,50"], -1.2),
    (["Hvala"], 0.0),
]


def test_a_scanned_page_skewed_lines_and_flat_lines_read_top_down_as_one_block() -> None:
    assert _page(SKEWED, scanned=True) == ["Konoba Stari Mlin", "Racun br. 118", "Ukupno 103,50", "Hvala"]


def test_without_a_scan_each_direction_stays_its_own_block() -> None:
    # born-digital text keeps its reading: lines drawn at another angle are another block
    assert [" ".join(t.split()) for t in _page(SKEWED, scanned=False)] == [
        "Racun br. 118",
        "Ukupno 103,50",
        "Konoba Stari Mlin",
        "Hvala",
    ]


def test_a_scanned_word_gap_beyond_its_drawn_space_is_a_word_break_and_a_wide_one_a_column() -> None:
    near = _scanned_line(["Meissen", "GmbH"], (40.0, 700.0), 0.0, gap=5.0)  # 0.6 em past the space
    far = _scanned_line(["Summe", "92,70"], (40.0, 686.0), 0.0, gap=40.0)
    text, _ = page_layout(near + far, 1, 300, 792, scanned=True)
    assert text.split("\n") == ["Meissen GmbH", f"Summe{COLUMN_SEPARATOR}92,70"]
    # a born-digital page keeps measuring from the last letter: 1.1 em there is a column
    assert page_layout(near, 1, 300, 792)[0] == f"Meissen{COLUMN_SEPARATOR}GmbH"


def test_our_reading_wins_where_the_scanner_layer_left_out_the_amount_column() -> None:
    theirs = "TAXI RECEIPT\nFare\nBooking fee\nAirport access\nTOTAL EUR\nPaid by card"
    ours = "TAXI RECEIPT\nFare   38.40\nBooking fee   2.00\nAirport access   3.00\nTOTAL EUR   43.40\nPaid by card"
    assert _dropped_amounts(theirs, ours)
    # a price or two read differently is no dropped column: the more legible reading decides
    assert not _dropped_amounts(ours.replace("2.00", "2"), ours)
    assert not _dropped_amounts(ours, ours)


def _row(cells: list[tuple[float, str]], y: float) -> list[Glyph]:
    """A flat born-digital row: each cell's letters from its own x on one baseline."""
    size, advance = 10.0, 5.0
    return [
        make_glyph(ch, (size, 0.0, 0.0, size, x + i * advance, y), advance / size, advance, size, size)
        for x, text in cells
        for i, ch in enumerate(text)
    ]


def test_one_turned_line_on_a_flat_page_under_a_background_picture_turns_no_row() -> None:
    # a born-digital bill on a full-page background picture reads as scanned; one slogan drawn at
    # 2 degrees must not turn the flat rows, whose amounts 440 pt to the right would drift a row
    rows = [("Room", "300.00"), ("Breakfast", "45.00"), ("Subtotal", "345.00"), ("VAT 20%", "69.00")]
    glyphs = [
        g for n, (label, amount) in enumerate(rows) for g in _row([(40, label), (480, amount)], 700 - 15 * n)
    ]
    glyphs += _row([(40, "Total GBP"), (480, "414.00")], 640)
    glyphs += _scanned_line(["Thanks", "for", "staying"], (300.0, 600.0), 2.0)
    text, _ = page_layout(glyphs, 1, 595, 842, scanned=True)
    assert text.split("\n")[:5] == [
        f"Room{COLUMN_SEPARATOR}300.00",
        f"Breakfast{COLUMN_SEPARATOR}45.00",
        f"Subtotal{COLUMN_SEPARATOR}345.00",
        f"VAT 20%{COLUMN_SEPARATOR}69.00",
        f"Total GBP{COLUMN_SEPARATOR}414.00",
    ]


def test_an_upside_down_scan_skewed_both_ways_reads_in_its_own_direction() -> None:
    # lines at 180.8 and 179.2 degrees: a median of raw angles (-179.2 and 179.2) is 0, a mirror
    lines = [(["Konoba", "Mlin"], 180.8), (["Ukupno", "103,50"], 180.8)]
    lines += [(["Konoba", "Mlin"], 179.2), (["Ukupno", "103,50"], 179.2)]
    glyphs = [
        g for n, (words, a) in enumerate(lines) for g in _scanned_line(words, (260.0, 100.0 + 14.0 * n), a)
    ]
    text, _ = page_layout(glyphs, 1, 300, 792, scanned=True)
    assert [t for t in text.split("\n") if t] == ["Konoba Mlin", "Ukupno 103,50"] * 2


def test_the_choice_takes_our_less_legible_reading_where_the_layer_dropped_the_amounts() -> None:
    # a fake OCR reading of the picture: one word misread ("PARKlNG"), so less legible than the
    # scanner's layer, but it holds the right-hand amounts the layer left out
    layer = "CITY PARKING\nShort stay\nEntry fee\nWeekend surcharge\nTotal EUR\nPaid by card\nThank you"
    ocr = "CITY PARKlNG\nShort stay   12.50\nEntry fee   2.00\nWeekend surcharge   3.00\nTotal EUR   17.50\nPaid by card"
    theirs = Page(number=1, width=227, height=400)
    ours = Page(number=1, width=227, height=400, source=TextSource.OCR)
    assert _chosen([(layer, theirs)], {1: (ocr, ours)}) == [(ocr, ours)]
    # the same misread with the amounts in both: the layer, more legible, is kept
    kept = ocr.replace("PARKlNG", "PARKING")
    assert _chosen([(kept, theirs)], {1: (ocr, ours)})[0][0] == kept

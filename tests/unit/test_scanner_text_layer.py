"""A scanner's OCR text layer (Tesseract and scanning apps) as the PDF reader rebuilds it: each line
drawn along the slope measured on the skewed picture, some flat; one space glyph drawn after each
word and the next word placed where the picture shows it."""

from __future__ import annotations

import math

from reimburse.adapters.pdf.pdfplumber_document_reader import _dropped_amounts
from reimburse.adapters.pdf.text_layout import COLUMN_SEPARATOR, Glyph, make_glyph, page_layout


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

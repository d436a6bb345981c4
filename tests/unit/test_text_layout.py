"""Line rebuilding from positioned glyphs, independent of any PDF."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from reimburse.adapters.pdf.text_layout import (
    COLUMN_SEPARATOR,
    Glyph,
    lines_text,
    make_glyph,
    normalise,
    page_layout,
    page_text,
)

WORD = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,:₹€", min_size=2, max_size=9
)


def _line(
    words: list[str],
    size: float,
    char_gap_em: float,
    space_em: float,
    widths: list[float],
    angle: float = 0.0,
    origin: tuple[float, float] = (72.0, 700.0),
) -> list[Glyph]:
    """Glyphs of one line drawn one by one, without space glyphs, along direction `angle` (degrees)."""
    cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    glyphs, u = [], 0.0
    k = 0
    for n, word in enumerate(words):
        if n:
            u += space_em * size
        for ch in word:
            advance = widths[k % len(widths)] * size
            k += 1
            x, y = origin[0] + u * cos, origin[1] + u * sin
            box_w = abs(advance * cos) + abs(size * sin)
            box_h = abs(advance * sin) + abs(size * cos)
            glyphs.append(make_glyph(ch, (cos, sin, -sin, cos, x, y), advance, box_w, box_h, size))
            u += advance + char_gap_em * size
    return glyphs


@settings(max_examples=150, deadline=None)
@given(
    words=st.lists(WORD, min_size=1, max_size=8),
    size=st.floats(6, 16),
    char_gap_em=st.floats(0, 0.1),
    space_em=st.floats(0.12, 0.6),
    widths=st.lists(st.floats(0.25, 0.8), min_size=1, max_size=6),
)
def test_words_drawn_glyph_by_glyph_are_recovered(
    words: list[str], size: float, char_gap_em: float, space_em: float, widths: list[float]
) -> None:
    glyphs = _line(words, size, char_gap_em, space_em, widths)
    assert lines_text(glyphs) == " ".join(words)


@settings(max_examples=80, deadline=None)
@given(words=st.lists(WORD, min_size=1, max_size=5), angle=st.floats(-180, 180))
def test_a_line_reads_the_same_in_any_direction(words: list[str], angle: float) -> None:
    glyphs = _line(words, 10, 0.02, 0.3, [0.55], angle=angle, origin=(300, 400))
    assert lines_text(glyphs) == " ".join(words)


def test_column_gap_is_kept_and_lines_are_ordered_top_down() -> None:
    label = _line(["Total"], 9, 0, 0.28, [0.5], origin=(72, 500))
    value = _line(["742.00"], 18, 0, 0.28, [0.55], origin=(400, 500))
    header = _line(["Receipt"], 12, 0, 0.28, [0.6], origin=(72, 520))
    assert lines_text(value + label + header) == f"Receipt\nTotal{COLUMN_SEPARATOR}742.00"


def test_normalise_drops_invisible_characters_and_unifies_spaces() -> None:
    assert normalise("Total\u00a0₹\u2009\u200b1,234\u00ad.50 (cid:12)ﬁ") == "Total ₹ 1,234.50 fi"


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(st.lists(WORD, min_size=1, max_size=4), min_size=1, max_size=5),
    angle=st.sampled_from([0.0, 90.0]),
)
def test_layout_lines_are_the_text_lines_and_words_keep_their_boxes(
    rows: list[list[str]], angle: float
) -> None:
    glyphs = []
    for n, words in enumerate(rows):
        line = _line(words, 10, 0.02, 0.3, [0.55], angle=angle, origin=(100 + 20 * n, 700 - 20 * n))
        # The box each glyph has on a 612 x 792 page, top-left origin.
        glyphs += [g._replace(box=(g.u, 792 - g.v - g.size, g.u + g.width, 792 - g.v)) for g in line]
    text, page = page_layout(glyphs, 1, 612, 792)
    assert text == page_text(glyphs)
    assert [line.text for line in page.lines] == [t for t in text.split("\n") if t]
    for line in page.lines:
        assert " ".join(w.text for w in line.words) == " ".join(line.text.split())
        assert all(w.x0 <= w.x1 and w.top <= w.bottom for w in line.words)

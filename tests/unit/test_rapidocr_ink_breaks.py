"""Word breaks from the ink of a line (issue 12): a blank between glyph columns clearly wider than
the line's letter gaps is a space the recognition model dropped, used only inside a long run of
capitals ("WARAKUYAPERMASCITY"), where names run together; elsewhere the character boxes decide."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from reimburse.adapters.ocr.rapidocr_engine import INK_MIN_CAPITALS, _split_line, ink_breaks, ink_breaks_of


def ink(pattern: str) -> list[bool]:
    """A line's ink columns drawn as text: '#' inked, '.' blank."""
    return [c == "#" for c in pattern]


def boxes(pattern: str, text: str) -> list[tuple[str, float, float]]:
    """One character box per inked run of `pattern`, as RapidOCR places them roughly."""
    runs, start = [], None
    for x, c in enumerate(pattern + "."):
        if c == "#" and start is None:
            start = x
        elif c != "#" and start is not None:
            runs.append((start, x))
            start = None
    assert len(runs) == len(text)
    return [(ch, float(a), float(b)) for ch, (a, b) in zip(text, runs, strict=True)]


def item(chars: list[tuple[str, float, float]], height: float = 20.0) -> list[Any]:
    """A RapidOCR result item: line box, text, score, character boxes, characters, confidences."""
    cboxes = [[[x0, 0], [x1, 0], [x1, height], [x0, height]] for _, x0, x1 in chars]
    left, right = chars[0][1], chars[-1][2]
    box = [[left, 0], [right, 0], [right, height], [left, height]]
    return [box, "".join(c for c, _, _ in chars), 0.99, cboxes, [c for c, _, _ in chars], [0.99] * len(chars)]


# Letters two blank columns apart; the space the recognition model dropped is six wide.
TIGHT = "####..####..####......####..####..####"


@pytest.mark.parametrize(
    ("pattern", "text", "height", "breaks"),
    [
        (TIGHT, "SDNBHD", 20.0, {3}),  # a blank clearly wider than the letter gaps
        ("####..####..####..####..####..####", "CASHBI", 20.0, set()),  # evenly spaced
        (TIGHT, "SDNBHD", 40.0, set()),  # six columns of a 40 px line: letter spacing of large print
        (TIGHT, "120350", 20.0, set()),  # between two digits: an amount stays whole
        (TIGHT, "TAX:RM", 20.0, set()),  # beside punctuation: left to the character boxes
    ],
)
def test_ink_breaks(pattern: str, text: str, height: float, breaks: set[int]) -> None:
    assert ink_breaks(ink(pattern), 0.0, boxes(pattern, text), height=height) == breaks


def test_an_ink_blank_where_the_recogniser_stepped_as_usual_is_no_word_break() -> None:
    # a blank beside a thin letter ("Shi ft"): the characters' centres stay evenly spaced
    even = [(c, x0, x0 + 4.0) for c, x0 in zip("SHIFTS", [0.0, 6.0, 12.0, 18.0, 24.0, 30.0], strict=True)]
    assert ink_breaks(ink("####..####..####......####"), 0.0, even, height=20.0) == set()


# Eleven letters, the dropped space after the sixth.
LONG = "####..####..####..####..####..####......####..####..####..####..####"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("PERMASCITYX", ["PERMAS", "CITYX"]),  # a long run of capitals: cut at the ink break
        ("MwStEURxxxx", ["MwStEURxxxx"]),  # mixed case: the readers expect it as the boxes say
        ("PERMAS2CITY", ["PERMAS2CITY"]),  # not letters only
    ],
)
def test_ink_breaks_cut_only_long_runs_of_capitals(text: str, words: list[str]) -> None:
    chars = boxes(LONG, text)
    found = ink_breaks(ink(LONG), 0.0, chars, height=20.0)
    assert found == {6}  # the ink shows the blank in every case; only capitals are cut at it
    assert [w.text for w in _split_line(item(chars), found)] == words


def test_a_short_run_of_capitals_is_not_cut() -> None:
    chars = boxes(TIGHT, "SDNBHD")
    assert len("SDNBHD") < INK_MIN_CAPITALS
    assert [w.text for w in _split_line(item(chars), frozenset({3}))] == ["SDNBHD"]


def test_the_breaks_are_read_from_the_pixels_of_the_line() -> None:
    # white paper, black ink columns drawn from LONG, 20 px high
    row = np.array([0 if c == "#" else 255 for c in LONG], dtype=np.uint8)
    grey = np.tile(row, (20, 1))
    chars = boxes(LONG, "PERMASCITYX")
    assert ink_breaks_of(grey, item(chars)) == {6}

"""Hebrew and Arabic lines read from glyph positions come out in visual order; bidi.py reads them
back in reading order (issue 11). Words are written here reversed, as the page's glyphs give them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reimburse.adapters.pdf.bidi import logical_line, logical_word


def test_a_hebrew_word_is_read_back() -> None:
    assert logical_word("םולשתל") == "לתשלום"


def test_a_number_inside_a_reversed_word_keeps_its_order() -> None:
    assert logical_word("14/10/2025:ךיראת") == "תאריך:14/10/2025"


def test_a_right_to_left_line_reads_label_before_amount() -> None:
    words = [logical_word(w) for w in ["₪78.00", "םולשתל", "כ״הס"]]
    assert logical_line(words, ["", "   ", " "]) == "סה״כ לתשלום   ₪78.00"


def test_left_to_right_words_in_a_right_to_left_line_keep_their_order() -> None:
    words = [logical_word(w) for w in ["Harbor", "Hotel", "ןולמ", "לש", "םש"]]
    assert logical_line(words, ["", " ", "   ", " ", " "]) == "שם של מלון   Harbor Hotel"


@given(st.lists(st.text(alphabet="abcXYZ0123456789.,: ", min_size=1), min_size=1, max_size=6))
def test_lines_without_right_to_left_letters_are_untouched(words: list[str]) -> None:
    words = [w for w in words if w.strip()] or ["x"]
    separators = ["", *[" "] * (len(words) - 1)]
    assert [logical_word(w) for w in words] == words
    assert logical_line(words, separators) == " ".join(words)

"""The garbled-total-word check compares a line's first word in full only with the words whose cheap
upper bounds of the similarity reach its threshold; it must label exactly as comparing every word."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from hypothesis import given
from hypothesis import strategies as st

from reimburse.adapters.heuristic.totals import (
    _FIRST_CELL,
    _NOT_GARBLED,
    _OCR_FOLD,
    _OCR_TOTALS,
    _ocr_total_label,
)
from reimburse.adapters.invoice_labels.labels import Label


def _every_word(line: str, last_amount: int) -> list[tuple[Label, int, int]]:
    """The check as written before the bounds: the best of all the total words, then the threshold."""
    m = _FIRST_CELL.match(line)
    if m is None or m.end(1) > last_amount:
        return []
    word = re.sub(r"[^a-z]", "", m.group(1).lower().translate(_OCR_FOLD).replace("rn", "m"))
    if not 4 <= len(word) <= 16 or word in _NOT_GARBLED:
        return []
    best = max(_OCR_TOTALS, key=lambda w: SequenceMatcher(None, word, w).ratio())
    if SequenceMatcher(None, word, best).ratio() < 0.8:
        return []
    return [(_OCR_TOTALS[best], m.start(1), m.end(1))]


def _labels(line: str) -> list[tuple[Label, int, int]]:
    return [(h.label, h.start, h.end) for h in _ocr_total_label(line, len(line) - 5)]


def test_garbled_total_words_are_labelled() -> None:
    assert [h[0] for h in _labels("1'otal   44.60")] == [Label.TOTAL]
    assert [h[0] for h in _labels("Snbtotal   44.60")] == [Label.SUBTOTAL]
    assert _labels("Charge   17.28") == []  # a word of its own, a letter away from "change"
    assert _labels("Coffee   17.28") == []


# Letters near the total words (and OCR's confusions) so that near misses are common.
_LETTERS = st.sampled_from("totalsumebgchrnzdwiy015|! ")
_WORDS = st.one_of(
    st.sampled_from(sorted(_OCR_TOTALS)).flatmap(
        lambda w: st.lists(
            st.sampled_from(["keep", "drop", "swap", "add"]), min_size=len(w), max_size=len(w)
        ).map(
            lambda ops: "".join(
                "" if op == "drop" else ("x" + ch if op == "add" else ("o" if op == "swap" else ch))
                for op, ch in zip(ops, w, strict=True)
            )
        )
    ),
    st.text(_LETTERS, min_size=1, max_size=18),
)


@given(word=_WORDS, upper=st.booleans())
def test_same_label_as_comparing_every_word(word: str, upper: bool) -> None:
    line = f"{word.upper() if upper else word}   12.50"
    assert _labels(line) == _every_word(line, len(line) - 5)

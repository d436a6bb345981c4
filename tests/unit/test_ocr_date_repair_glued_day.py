"""A month name misread with a look-alike digit and the day glued on, as recognition drops the
space ("Date:0ct8,2020"), is put right like its spaced form ("0ct 8, 2020"), so the date is found
(and, repaired, goes to review); words that are no date keep their letters."""

from __future__ import annotations

from datetime import date

import pytest

from reimburse.adapters.heuristic.dates import find_dates
from reimburse.adapters.ocr.date_repair import repair_words


@pytest.mark.parametrize(
    ("words", "want"),
    [
        (["Date:0ct8,2020"], date(2020, 10, 8)),
        (["Fecha", "0ct21,2019"], date(2019, 10, 21)),
        (["Dcc5,2019"], date(2019, 12, 5)),
        (["0ct18,2020"], date(2020, 10, 18)),
    ],
)
def test_a_misread_month_with_its_day_glued_on_is_found(words: list[str], want: date) -> None:
    assert not any(m.value == want for m in find_dates(" ".join(words)))  # as OCR gave it
    assert any(m.value == want for m in find_dates(" ".join(repair_words(words))))


@pytest.mark.parametrize("word", ["EUR12,50", "Tax12,50", "S0L12,99", "Ref12,2024", "Qty10,00", "Dec12,50"])
def test_amounts_and_codes_after_a_short_word_are_left_alone(word: str) -> None:
    assert repair_words([word]) == [word]

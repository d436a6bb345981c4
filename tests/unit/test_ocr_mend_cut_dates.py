"""Review mends of the covered-line-end and glued-day repairs (docs/ocr.md, issue 12): a dotted
date whose two-digit year may be the start of a four-digit one is no whole word when its line is
cut on the right, and a misread month glued to a day starting with 0, 1 or 3 is still repaired."""

from __future__ import annotations

from datetime import date

import pytest

from reimburse.adapters.heuristic.dates import find_dates
from reimburse.adapters.ocr.date_repair import repair_words
from reimburse.adapters.ocr.layout import OcrWord
from reimburse.adapters.ocr.rapidocr_engine import _cut_line
from reimburse.adapters.ocr.review import DATE_MIN_CONFIDENCE


def words(*texts: str) -> list[OcrWord]:
    return [OcrWord(t, 50.0 * i, 0.0, 50.0 * i + 40, 20.0, 0.98, 0.99) for i, t in enumerate(texts)]


@pytest.mark.parametrize("cut", ["01.07.20", "27.11.20", "5/3/21", "12-03-19"])
def test_a_short_year_date_cut_on_the_right_is_doubted(cut: str) -> None:
    # "01.07.2021" under a cover reads "01.07.20": a date, but of 2020
    line = _cut_line(words("Datum", cut), False, True)
    assert line[1].confidence < DATE_MIN_CONFIDENCE


@pytest.mark.parametrize("whole", ["3.02.2021", "$50.09", "1,234.56", "12.50", "2023.11.20"])
def test_amounts_and_long_year_dates_cut_on_the_right_stay_sure(whole: str) -> None:
    line = _cut_line(words("Total", whole), False, True)
    assert line[1].confidence > DATE_MIN_CONFIDENCE


@pytest.mark.parametrize(
    ("word", "want"),
    [
        ("0ct18,2020", date(2020, 10, 18)),
        ("0ct31,2020", date(2020, 10, 31)),
        ("Dcc10,2019", date(2019, 12, 10)),
        ("Ju1y14,2021", date(2021, 7, 14)),
    ],
)
def test_a_glued_day_starting_with_0_1_or_3_is_repaired(word: str, want: date) -> None:
    assert not any(m.value == want for m in find_dates(word))  # as OCR gave it
    assert any(m.value == want for m in find_dates(" ".join(repair_words([word]))))


@pytest.mark.parametrize(
    ("words_", "want"),
    [(["Apri1", "12,", "2021"], date(2021, 4, 12)), (["Dcc.", "5", "2019"], date(2019, 12, 5))],
)
def test_spaced_forms_are_still_repaired(words_: list[str], want: date) -> None:
    assert any(m.value == want for m in find_dates(" ".join(repair_words(words_))))

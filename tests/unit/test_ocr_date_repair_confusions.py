"""General OCR errors inside dates (issue 12): short month names with a confused letter, a month
before its day, a time glued on with look-alikes, split and two-digit-year dates. Each case is read
through the repair and then the heuristic date reader, as the service reads an OCR'd line."""

from __future__ import annotations

from datetime import date

import pytest

from reimburse.adapters.heuristic.dates import find_dates
from reimburse.adapters.ocr.date_repair import repair_text
from reimburse.adapters.ocr.layout import OcrWord, build_page, page_text


def _first_date(text: str) -> date | None:
    found = find_dates(repair_text(text))
    return found[0].value if found else None


@pytest.mark.parametrize(
    ("ocr", "meant"),
    [
        # one commonly confused letter in a three-letter month name
        ("12 Dcc 2019", date(2019, 12, 12)),  # e read as c
        ("5 Ncv 2019", date(2019, 11, 5)),  # o read as c
        ("5 Noy 2019", date(2019, 11, 5)),  # v read as y
        ("12 Auq 2019", date(2019, 8, 12)),  # g read as q
        ("12 Fcb 2019", date(2019, 2, 12)),
        ("12 Jam 2019", date(2019, 1, 12)),  # n read as m
        ("12 Apn 2019", date(2019, 4, 12)),  # r read as n
        ("12 JUI 2019", date(2019, 7, 12)),  # L read as I
        ("12 Man 2019", date(2019, 3, 12)),  # only n->r reaches a month
        ("12-Dcc-19", date(2019, 12, 12)),  # and a two-digit year
        ("12 Jun3 2019", date(2019, 6, 12)),  # e read as 3: not "June 3"
        ("12 MAR. 2019", date(2019, 3, 12)),
        # the month first, before its day and year
        ("0ct 12, 2019", date(2019, 10, 12)),
        ("Dcc 12 2019", date(2019, 12, 12)),
        ("Jun3 12, 2019", date(2019, 6, 12)),
        ("Date: Auq 3rd, 2019", date(2019, 8, 3)),
        # look-alikes in a date with a time glued on (day first, as in the corpus receipts)
        ("12/03/20l9l0:31", date(2019, 3, 12)),
        ("Date:12/O3/2019l0:31", date(2019, 3, 12)),
        # two-digit years and glued times already readable stay so
        ("12/03/1910:31", date(2019, 3, 12)),
        ("12.O3.19", date(2019, 3, 12)),
    ],
)
def test_a_date_ocr_misread_is_read_as_printed(ocr: str, meant: date) -> None:
    assert _first_date(ocr) == meant


@pytest.mark.parametrize(
    "text",
    [
        "Tel 03 7845 2019",  # a word before two numbers that no confusion makes a month
        "Box 12 2019",
        "Mon 12 2019",
        "Jul 12 2019",  # already a month: never "corrected" to another
        "12 Jun 2019",
        "3 Jula 2019",
        "12 Sale 2019",
    ],
)
def test_words_no_single_confusion_makes_one_month_are_left_alone(text: str) -> None:
    assert repair_text(text) == text


@pytest.mark.parametrize(
    ("pieces", "printed"),
    [
        (["Date", "12", "/", "03", "/", "2019"], "Date 12/03/2019"),
        (["Date", "12", "/03/2019"], "Date 12/03/2019"),
        (["Date", "12/03/", "2019"], "Date 12/03/2019"),
        (["Date", "12.", "03.2019"], "Date 12.03.2019"),
        (["Date", "12", "-", "03", "-", "19"], "Date 12-03-19"),
        (["Date", "l2", "/", "O3", "/", "2019"], "Date 12/03/2019"),
    ],
)
def test_a_date_split_into_words_on_one_line_is_joined(pieces: list[str], printed: str) -> None:
    words, x = [], 10.0
    for piece in pieces:
        width = 10.0 * len(piece)
        words.append(OcrWord(piece, x, 100.0, x + width, 120.0, 0.95))
        x += width + 6.0  # a narrow gap, as between the pieces of one printed date
    assert page_text(build_page(words, 1, 1000, 1000, 1.0)).strip() == printed

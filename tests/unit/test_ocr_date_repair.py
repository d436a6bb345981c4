"""Dates OCR bent out of shape are put right before the readers look for them (issue 12)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reimburse.adapters.heuristic.dates import find_dates
from reimburse.adapters.ocr.date_repair import joined_date_runs, repair_text, repair_words
from reimburse.adapters.ocr.layout import OcrWord, build_page, page_text

dates = st.dates(min_value=date(1995, 1, 1), max_value=date(2035, 12, 31))


@pytest.mark.parametrize(
    ("ocr", "printed"),
    [
        ("O1/O3/2019", "01/03/2019"),
        ("Date:l2.03.2019", "Date:12.03.2019"),
        ("1O/12/2O19 12:30", "10/12/2019 12:30"),
        ("25/12/2O188:13:39", "25/12/20188:13:39"),  # the time glued on stays for the date reader
        ("2019-O3-1S", "2019-03-15"),
        ("12-0CT-2019", "12-OCT-2019"),
        ("5 N0v 2019", "5 Nov 2019"),
        ("12,03.2019", "12.03.2019"),  # a comma for one of the points
        ("Datum 1.03,2019 10:20", "Datum 1.03.2019 10:20"),
        ("12 Novembcr 2019", "12 November 2019"),  # one letter off a long month name
        ("4 Octobcr 2019", "4 October 2019"),
        ("1 DECEMBFR 2019", "1 DECEMBER 2019"),
        ("3 Septenber 2019", "3 September 2019"),
        ("3 Marcb 2020", "3 Marca 2020"),  # near both "march" and "marca" (pl): the same month
    ],
)
def test_look_alike_characters_inside_a_date_are_put_right(ocr: str, printed: str) -> None:
    assert repair_text(ocr) == printed


@pytest.mark.parametrize(
    "text",
    [
        "JALAN SS2/24",  # an address, not a date
        "B1/O1/2019",  # day 81: not a calendar date, left as read
        "99/99/2019",
        "SO/IO/2O19",  # fewer than four real digits: too much guessing
        "TOTAL 10.00",
        "Tel 03-7845 2O19",
        "12 Sale 2019",
        "INV-2019-OO12",
        "1,234.50",  # an amount: a thousands group has three digits
        "Total 12,50",
        "12,03,2019",  # two commas: as likely a list of numbers
        "13,13.2019",  # not a calendar date
        "3 jumho 2019",  # one letter off both "junho" and "julho": not guessed
        "3 Jula 2019",  # a short name: "juli", "jula" and "juni" are too close to guess
        "12 Sales 2019",
    ],
)
def test_words_that_are_not_a_misread_date_are_left_alone(text: str) -> None:
    assert repair_text(text) == text


@given(dates, st.sampled_from(["/", ".", "-"]))
def test_a_clean_date_is_never_changed(value: date, sep: str) -> None:
    text = f"Date {value.day:02d}{sep}{value.month:02d}{sep}{value.year}"
    assert repair_text(text) == text


@given(dates, st.sampled_from(["/", "."]))
def test_a_date_with_one_zero_read_as_O_is_found_after_repair(value: date, sep: str) -> None:
    printed = f"{value.day:02d}{sep}{value.month:02d}{sep}{value.year}"
    misread = printed.replace("0", "O", 1)
    assert find_dates(repair_text(misread))[0].value == value


def test_the_pieces_of_a_split_date_are_found_as_one_run() -> None:
    assert joined_date_runs(["Date", "12", "/", "03", "/", "2019", "12:30"]) == [(1, 6)]
    assert joined_date_runs(["12.", "03.", "2019"]) == [(0, 3)]
    assert joined_date_runs(["Date:", "12/", "03/2019"]) == [(1, 3)]


def test_amounts_and_quantities_side_by_side_are_not_joined_into_a_date() -> None:
    assert joined_date_runs(["3.50", "12.00", "2019"]) == []
    assert joined_date_runs(["2", "x", "12.50"]) == []
    assert joined_date_runs(["13", "/", "13", "/", "2019"]) == []  # month 13 either way


def test_a_month_name_is_judged_with_the_numbers_around_it_on_the_line() -> None:
    assert repair_words(["Date", "12", "0CT", "2019"]) == ["Date", "12", "OCT", "2019"]
    assert repair_words(["Room", "0CT"]) == ["Room", "0CT"]


def word(text: str, x0: float, x1: float, conf: float = 0.95) -> OcrWord:
    return OcrWord(text, x0, 100.0, x1, 120.0, conf)


def test_a_split_date_becomes_one_word_of_the_page_with_its_least_sure_confidence() -> None:
    words = [
        word("Date:", 0, 50),
        word("12", 60, 80),
        word("/", 84, 90, 0.6),
        word("03", 94, 114),
        word("/", 118, 124),
        word("2019", 128, 168),
    ]
    page = build_page(words, 1, 400, 200, 1.0)
    assert page_text(page) == "Date: 12/03/2019"
    joined = page.lines[0].words[1]
    assert (joined.text, joined.x0, joined.x1, joined.confidence) == ("12/03/2019", 60, 168, 0.6)
    assert find_dates(page_text(page))[0].value == date(2019, 3, 12)


@pytest.mark.parametrize(
    ("pieces", "printed"),
    [
        (["12/O3/2019"], "12/03/2019"),
        (["12", "/", "03", "/", "2O19"], "12/03/2019"),  # joined and put right
        (["12", "Novembcr", "2019"], "12 November 2019"),
        (["12,03.2019"], "12.03.2019"),
    ],
)
def test_a_date_is_repaired_in_the_words_of_the_page(pieces: list[str], printed: str) -> None:
    words = [word("Date:", 0, 50)] + [word(p, 60 + 30 * i, 80 + 30 * i) for i, p in enumerate(pieces)]
    assert page_text(build_page(words, 1, 600, 200, 1.0)) == "Date: " + printed


def test_pieces_a_column_apart_are_not_joined() -> None:
    words = [
        word("12", 0, 20),
        word("/", 200, 206),
        word("03", 400, 420),
        word("/", 424, 430),
        word("2019", 434, 474),
    ]
    page = build_page(words, 1, 600, 200, 1.0)
    assert "12/03/2019" not in page_text(page)

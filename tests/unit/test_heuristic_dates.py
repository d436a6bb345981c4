"""Dates in the formats invoices print them, read back to the same calendar day."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reimburse.adapters.heuristic.dates import find_dates, parse_date

# Two-digit years follow the POSIX pivot (69-99 -> 19xx, 00-68 -> 20xx).
DATES = st.dates(min_value=date(1995, 1, 1), max_value=date(2068, 12, 31))

# Formats that are unambiguous whatever the day.
UNAMBIGUOUS = [
    "%d%b%Y",  # 17May2024
    "%d %b %Y",  # 17 May 2024
    "%d %B %Y",  # 17 May 2024
    "%b %d, %Y",  # May 17, 2024
    "%B %d, %Y",  # May 17, 2024
    "%Y-%m-%d",  # 2024-12-26
    "%Y/%m/%d",
    "%d/%m/%Y",  # day-first is the default
    "%d.%m.%Y",  # 03.12.2024
    "%d-%m-%Y",
    "%d-%b-%y",  # 12-Dec-24
    "%d-%b-%Y",
    "%A, %d %B %Y",  # Tuesday, 03 December 2024
]


@given(DATES, st.sampled_from(UNAMBIGUOUS))
def test_formatted_dates_parse_back(day: date, fmt: str) -> None:
    text = day.strftime(fmt)
    assert parse_date(text) == day, text


@given(DATES)
def test_month_first_dates_are_read_when_the_document_shows_it(day: date) -> None:
    # 12/26/2024 elsewhere in the document reveals a month-first writer.
    text = f"Issued {day.strftime('%m/%d/%Y')}  Printed 12/26/2024"
    assert find_dates(text)[0].value == day


@given(DATES)
def test_dates_inside_a_line_keep_their_position(day: date) -> None:
    prefix = "Invoice Date: "
    text = prefix + day.strftime("%d %b %Y") + " Total 500.00"
    [found] = find_dates(text)
    assert found.value == day
    assert found.start == len(prefix)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3. Dezember 2024", date(2024, 12, 3)),
        ("3 de diciembre de 2024", date(2024, 12, 3)),
        ("1er mars 2024", date(2024, 3, 1)),
        ("12 maart 2024", date(2024, 3, 12)),
        ("17th May, 2024", date(2024, 5, 17)),
        ("Dec 3, 2024", date(2024, 12, 3)),
        ("26/12/24", date(2024, 12, 26)),
        ("5 giugno 2024", date(2024, 6, 5)),
        ("Ride on 17May2024", date(2024, 5, 17)),
        ("28-Dec-2024 22:30", date(2024, 12, 28)),
        # OCR runs the time into the year.
        ("Date:   25/12/20188:13:39 PM", date(2018, 12, 25)),
        ("Date:10/03/20185:41:06", date(2018, 3, 10)),
        ("Inv No :KJ130659712 Date:09/02/1711:12", date(2017, 2, 9)),
    ],
)
def test_multilingual_and_ordinal_dates(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["1,234.56", "Total 12.50", "31/02/2024", "Room 12 May", "12.5.2"])
def test_amounts_and_impossible_dates_are_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_ambiguous_numeric_date_is_day_first() -> None:
    assert parse_date("05/06/2024") == date(2024, 6, 5)

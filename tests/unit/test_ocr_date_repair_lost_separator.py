"""OCR loses one of a numeric date's two separators on faint print ("2607/2019", "16.122019"): with
two digits each for day and month before a four-digit year the digits split one way only, so the
separator is put back (and, like every repair, the word's confidence lowered: the date goes to
review). "ddmm/yyyy" is also how invoices number themselves by year ("Fattura n. 1203/2019"), so that
form is a date only before a time. Anything that is no calendar date either way stays as read."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reimburse.adapters.ocr.date_repair import repair_text, repair_words


@pytest.mark.parametrize(
    ("read", "fixed"),
    [
        ("2607/2019 11:30", "26/07/2019 11:30"),
        ("0309/2024 9:05", "03/09/2024 9:05"),
        ("16.122019 16:58", "16.12.2019 16:58"),
        ("07-062019", "07-06-2019"),
        ("06/232020", "06/23/2020"),  # a US date: the split is the same
    ],
)
def test_a_lost_separator_is_put_back(read: str, fixed: str) -> None:
    assert repair_text(read) == fixed


@pytest.mark.parametrize(
    "read",
    ["12/345678", "3456/2019", "2019/2020", "99/992019", "1.2345", "AB12/032019", "2607/2019 1130"],
)
def test_no_calendar_date_stays_as_read(read: str) -> None:
    assert repair_text(read) == read


def test_the_line_is_repaired_word_by_word() -> None:
    assert repair_words(["Datum", "16.122019", "16:58"]) == ["Datum", "16.12.2019", "16:58"]
    assert repair_words(["Vendita", "2006/2019", "12:31"]) == ["Vendita", "20/06/2019", "12:31"]


@pytest.mark.parametrize(
    "line",
    [
        "Fattura n. 1203/2019",  # Italian, Polish, Spanish, German invoices count number/year
        "Faktura VAT nr 0512/2019",
        "Rechnung 3105/2019 vom 02.06.2019",
        "Nr 1203-2019",
        "Order 0412.2020",
    ],
)
def test_a_number_over_its_year_is_no_date(line: str) -> None:
    assert repair_text(line) == line
    assert repair_words(line.split()) == line.split()


@given(st.dates(date(1990, 1, 1), date(2099, 12, 31)), st.sampled_from("/.-"))
def test_any_day_and_month_split_one_way(day: date, sep: str) -> None:
    whole = day.strftime(f"%d{sep}%m{sep}%Y")
    assert repair_text(whole[:5] + whole[6:]) == whole
    assert repair_text(whole[:2] + whole[3:] + " 10:15") == whole + " 10:15"
    assert repair_text(whole[:2] + whole[3:]) == whole[:2] + whole[3:]  # no time: maybe a number

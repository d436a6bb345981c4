"""OCR loses one of a numeric date's two separators on faint print ("2607/2019", "16.122019"): with
two digits each for day and month before a four-digit year the digits split one way only, so the
separator is put back (and, like every repair, the word's confidence lowered: the date goes to
review). Anything that is no calendar date either way stays as read."""

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
        ("0309/2024", "03/09/2024"),
        ("16.122019 16:58", "16.12.2019 16:58"),
        ("07-062019", "07-06-2019"),
        ("06/232020", "06/23/2020"),  # a US date: the split is the same
    ],
)
def test_a_lost_separator_is_put_back(read: str, fixed: str) -> None:
    assert repair_text(read) == fixed


@pytest.mark.parametrize(
    "read", ["12/345678", "3456/2019", "2019/2020", "99/992019", "1.2345", "AB12/032019"]
)
def test_no_calendar_date_stays_as_read(read: str) -> None:
    assert repair_text(read) == read


def test_the_line_is_repaired_word_by_word() -> None:
    assert repair_words(["Datum", "16.122019", "16:58"]) == ["Datum", "16.12.2019", "16:58"]


@given(st.dates(date(1990, 1, 1), date(2099, 12, 31)), st.sampled_from("/.-"))
def test_any_day_and_month_split_one_way(day: date, sep: str) -> None:
    whole = day.strftime(f"%d{sep}%m{sep}%Y")
    assert repair_text(whole[:5] + whole[6:]) == whole
    assert repair_text(whole[:2] + whole[3:]) == whole

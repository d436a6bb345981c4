"""Dates as languages write them: each convention read to the right calendar date, so an invoice
that prints its one date that way is no `missing_date`. One row per convention."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from reimburse.adapters.heuristic.dates import find_dates, parse_date
from reimburse.domain.month_names import MONTHS

D = date(2019, 3, 12)


@pytest.mark.parametrize(
    "text",
    [
        # numeric: ISO with a time or a T, day-first with two- and four-digit years, dotted
        "Date: 2019-03-12 10:31",
        "2019-03-12T10:31:00",
        "12.03.19",
        "12/03/19 10:31",
        "12.3.2019",
        "12. 3. 2019",  # cs, sk, hr, pl: a space after each dot
        "2019. 03. 12.",  # hu
        "2019年3月12日",  # zh, ja
        "2019년 3월 12일",  # ko
        # English: month names, ordinals, an apostrophe year, weekdays
        "Mar 12 '19",
        "March 12th, 2019",
        "12th of March 2019",
        "12MAR19",
        "Tue, 12 Mar 2019",
        "Tuesday, March 12, 2019",
        # month names in other languages, with weekdays where they are printed
        "Dienstag, 12. März 2019",
        "mardi 12 mars 2019",
        "martes, 12 de marzo de 2019",
        "12 marca 2019",  # pl, genitive
        "12 marzec 2019",  # pl, nominative
        "12. března 2019",  # cs
        "12. ožujka 2019.",  # hr
        "2019. március 12.",  # hu
        "12 martie 2019",  # ro
        "12 Mac 2019",  # ms
        "12 Maret 2019",  # id
        "12. marts 2019",  # da
        "12 Mart 2019",  # tr
        "12 MARCA 2019",  # upper case
    ],
)
def test_each_convention_reads_to_the_calendar_date(text: str) -> None:
    assert parse_date(text) == D


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("3. prosince 2019", date(2019, 12, 3)),  # cs December
        ("3 grudnia 2019", date(2019, 12, 3)),  # pl December
        ("3. studenoga 2019.", date(2019, 11, 3)),  # hr November
        ("3. listopadu 2019", date(2019, 11, 3)),  # cs November (genitive; unlike hr)
        ("3 Ogos 2019", date(2019, 8, 3)),  # ms August
        ("3. desember 2019", date(2019, 12, 3)),  # no December
        ("3 Kasım 2019", date(2019, 11, 3)),  # tr November
        ("3 KASIM 2019", date(2019, 11, 3)),  # the same in upper case, dotless i folded
    ],
)
def test_month_names_of_other_languages(text: str, want: date) -> None:
    assert parse_date(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Mar 12 19:45",  # a time, not a two-digit year: only an apostrophe marks one after a month name
        "Montant des 12 articles 2019",  # French "des" is no month
    ],
)
def test_what_is_not_a_date(text: str) -> None:
    assert find_dates(text) == []


def test_every_month_name_survives_upper_casing() -> None:
    # A receipt printed in capitals must find its month again in the table.
    # Unicode has no capital of "ΐ" (μαΐου): upper() leaves a lone accent that no print has;
    # Greek capitals drop the accent and print ΜΑΪΟΥ.
    assert all(
        MONTHS.get(unicodedata.normalize("NFC", name.upper().replace("\u0301", "")).lower()) == month
        for name, month in MONTHS.items()
    )

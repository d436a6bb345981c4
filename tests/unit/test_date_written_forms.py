"""Invoice dates in written forms the reader missed (tests/eval/date_forms.py measures them all):
month names and abbreviations of more languages, Japanese era dates, the ctime layout, and the
due, delivery and order labels of Portuguese, Turkish, Danish and Norwegian invoices. Each rule
rests on a language's convention; none may turn a date silently wrong."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reimburse.adapters.heuristic.dates import find_dates, parse_date
from tests.text_receipts import read

D = date(2026, 11, 27)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("27 de novembro de 2026", D),  # pt: novembro was missing beside dezembro
        ("sexta-feira, 27 de novembro de 2026", D),
        ("27. marraskuuta 2026", D),  # fi: the partitive a date prints
        ("27. marrask. 2026", D),  # fi abbreviation
        ("1. tammikuuta 2027", date(2027, 1, 1)),
        ("27 lis 2026", D),  # pl abbreviation
        ("27 lis. 2026", D),
        ("3 sie 2026", date(2026, 8, 3)),  # pl sierpień
        ("27 Kas 2026", D),  # tr abbreviation
        ("27. des. 2026", date(2026, 12, 27)),  # no desember
        ("令和8年11月27日", D),  # Reiwa 8
        ("令和8年11月27日(金)", D),
        ("令和元年5月1日", date(2019, 5, 1)),  # the era's first year is 元
        ("平成30年11月27日", date(2018, 11, 27)),  # Heisei 30
        ("R8.11.27", D),  # the era's initial, as tills print it
        ("H30/11/27", date(2018, 11, 27)),
        ("Fri Nov 27 14:32:05 2026", D),  # ctime
        ("27 ноября 2026 г.", D),  # ru genitive
        ("27 НОЯБРЯ 2026", D),
        ("27 листопада 2026 р.", D),  # uk: November, in Cyrillic no Croatian reads it
        ("27 ноември 2026 г.", D),  # bg
        ("27 Νοεμβρίου 2026", D),  # el genitive
        ("27 ΝΟΕΜΒΡΙΟΥ 2026", D),  # capitals drop the accent
        ("3 ΜΑΪΟΥ 2026", date(2026, 5, 3)),  # ... and keep the dialytika
        ("15 Αυγ 2026", date(2026, 8, 15)),  # el abbreviation
        ("Ngày 27 tháng 11 năm 2026", D),  # vi
        ("ngay 27 thang 11 nam 2026", D),  # vi without diacritics
        ("27/11/2569", D),  # th: Buddhist Era year (2026 + 543)
        ("2569-11-27 14:32", D),
        ("115年11月27日", D),  # Taiwan: Minguo year (2026 - 1911)
        ("民國115年11月27日", D),
        ("中華民國 115 年 11 月 27 日", D),
    ],
)
def test_written_forms_are_read(text: str, want: date) -> None:
    assert parse_date(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "3 sie 26",  # a short abbreviation that is a word elsewhere: only before a four-digit year
        "Sie 12 2026",  # ... and only after a day
        "H32.01.05",  # Heisei ended in its 31st year
        "Nov 27 14:32",  # a time and no year
        "26年11月27日",  # a two-digit year alone: Japanese short year or Minguo, not guessed
        "27/11/2643",  # past the Buddhist Era's reach (2099 + 543)
    ],
)
def test_what_is_not_read_as_such_a_date(text: str) -> None:
    assert parse_date(text) is None


def test_an_era_initial_is_not_read_as_a_two_digit_year() -> None:
    # "R8.11.27" was read as 8 November 2027
    assert [d.value for d in find_dates("Date R8.11.27 12:05")] == [D]
    # Reiwa began on 1 May 2019: "R1.02.03" is no Reiwa date
    assert all(d.value.year != 2019 for d in find_dates("R1.02.03"))


def _receipt(*lines: str) -> str:
    return "\n".join(("Kiosk Sol", *lines, "Item   12,40", "TOTAL   12,40 EUR"))


@pytest.mark.parametrize(
    "trap",
    [
        "Data de vencimento: 11.12.2026",  # pt due date
        "Vencimento: 11.12.2026",
        "Data de entrega: 11.12.2026",  # pt delivery
        "Son Ödeme Tarihi: 11.12.2026",  # tr due date
        "Vade Tarihi: 11.12.2026",
        "Betalingsdato: 11.12.2026",  # da/no due date
        "Leveringsdato: 11.12.2026",  # da/no delivery
    ],
)
@pytest.mark.parametrize("date_line", ["Data: 27.11.2026", "Bon 0481  27.11.2026", "Tarih: 27.11.2026"])
def test_a_due_or_delivery_date_of_these_languages_is_not_the_invoice_date(trap: str, date_line: str) -> None:
    assert read(_receipt(trap, date_line)).invoice_date == D


@pytest.mark.parametrize(
    "date_line",
    ["Data de emissão: 27.11.2026", "Fatura Tarihi: 27.11.2026", "Päiväys: 27.11.2026", "Dato: 27.11.2026"],
)
def test_issue_date_labels_of_these_languages_win_over_another_date(date_line: str) -> None:
    # the other date first, with no role of its own: the label says which is the invoice's
    assert read(_receipt("Ref 11.12.2026", date_line)).invoice_date == D


def test_listopada_without_polish_or_czech_evidence_is_flagged_not_guessed() -> None:
    # November in Polish, October in Croatian: a text that says neither goes to review
    invoice = read(_receipt("Datum: 3. listopada 2026"))
    assert {f.code for f in invoice.reading_flags} >= {"ambiguous_date"} or invoice.invoice_date is None


def test_listopada_in_a_polish_document_is_november() -> None:
    invoice = read("Piekarnia Pod Lipą\nData wystawienia: 3 listopada 2026\nRAZEM 12,40 zł")
    assert invoice.invoice_date == date(2026, 11, 3)
    assert "ambiguous_date" not in {f.code for f in invoice.reading_flags}


_FI = [
    "tammi",
    "helmi",
    "maalis",
    "huhti",
    "touko",
    "kesä",
    "heinä",
    "elo",
    "syys",
    "loka",
    "marras",
    "joulu",
]


@given(st.dates(date(1990, 1, 1), date(2099, 12, 31)))
def test_finnish_and_portuguese_long_dates_read_back(day: date) -> None:
    assert parse_date(f"{day.day}. {_FI[day.month - 1]}kuuta {day.year}") == day
    if day.month == 11:
        assert parse_date(f"{day.day} de novembro de {day.year}") == day


@given(st.integers(0, (date(2099, 12, 31) - date(2019, 5, 1)).days))
def test_reiwa_dates_read_back(offset: int) -> None:
    day = date(2019, 5, 1) + timedelta(days=offset)
    era_year = day.year - 2018
    assert parse_date(f"令和{era_year}年{day.month}月{day.day}日") == day
    if era_year < 100:
        assert parse_date(f"R{era_year}.{day.month:02d}.{day.day:02d}") == day


@pytest.mark.parametrize(
    "date_line",
    [
        "Дата: 27.11.2026",
        "Дата счета: 27.11.2026",
        "発行日: 2026/11/27",
        "日期: 2026/11/27",
        "발행일: 2026.11.27",
    ],
)
def test_date_labels_of_more_languages_are_read_as_labels(date_line: str) -> None:
    invoice = read(_receipt(date_line))
    assert invoice.invoice_date == D
    assert invoice.confidence["invoice_date"] >= 0.8  # the label's, not a lone date's 0.5

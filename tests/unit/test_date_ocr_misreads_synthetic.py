"""Dates OCR bends on receipt photos (issue 12), as the synthetic receipt photos of
tests/eval/synthetic_dates.py showed them: a count before a "Mon D, YYYY" date, Spanish "de" run
into its words, German and French month names whose accented letter the model lacks, doubled or
lost separators, and a month name an English receipt would not print. Each case failed before."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reimburse.adapters.heuristic.dates import find_dates
from reimburse.adapters.ocr.date_repair import repair_text
from reimburse.adapters.ocr.layout import REPAIRED_CONFIDENCE, OcrWord, build_page, page_text
from reimburse.domain.month_names import MONTHS
from tests.text_receipts import read


def _first(text: str) -> date | None:
    found = find_dates(text)
    return found[0].value if found else None


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        # a count before a month-first date: two digits before a four-digit year are the day
        ("Server: Amy Table 7 Nov26,2019", date(2019, 11, 26)),
        ("Server: Amy Table 7 Dec 19, 2021", date(2021, 12, 19)),
        ("Covers 2 Oct 20 2019", date(2019, 10, 20)),
        # Spanish and Portuguese "D de MES de AAAA" with the spaces around "de" lost
        ("Caja 2 Ticket 0931 9de septiembrede 2024", date(2024, 9, 9)),
        ("Fatura 12 3de marçode 2024", date(2024, 3, 3)),
        ("Fecha: 21 deenero de 2023", date(2023, 1, 21)),
        # an accented month name with its diacritic dropped (the model has no such glyph)
        ("Kasse 3 Bon 4711 25. Marz 2024", date(2024, 3, 25)),
        ("Datum: 3. Janner 2020", date(2020, 1, 3)),
        # a slash or hyphen lost to a space before a four-digit year
        ("Till 2 12/03 2023 14:22", date(2023, 3, 12)),
        ("Kassa 2 15-07 2019", date(2019, 7, 15)),
    ],
)
def test_a_date_ocr_bent_is_read_as_printed(text: str, meant: date) -> None:
    assert _first(text) == meant


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("12 Dec 19", date(2019, 12, 12)),  # a two-digit year alone is still a year
        ("12-Dec-24 Table 4", date(2024, 12, 12)),
        ("Marco 12, 2019", None),  # a first name, not March without its cedilla
        ("Julius 4, 2019", None),
        ("1/2 2019", None),  # a fraction and a year
        ("Total 12.03 2023", None),  # a price and a number: points are not read as lost separators
        ("12/03 2023.50", None),
    ],
)
def test_what_only_looks_like_those_dates_keeps_its_reading(text: str, meant: date | None) -> None:
    assert _first(text) == meant


def _words(*texts: str) -> list[OcrWord]:
    out, x = [], 10.0
    for text in texts:
        width = 14.0 * len(text)
        out.append(OcrWord(text, x, 10.0, x + width, 30.0, 0.97))
        x += width + 8.0
    return out


@pytest.mark.parametrize(
    ("words", "meant"),
    [
        (("14", "ao0t", "2024"), date(2024, 8, 14)),  # û read as 0
        (("Date:26", "a0ut2024"), date(2024, 8, 26)),  # and the year glued to the month
        (("Date:", "12//03/2023"), date(2023, 3, 12)),  # a separator read twice
        (("Datum:", "12..03.2023", "14:22"), date(2023, 3, 12)),
        (("Date:", "2023--03-12"), date(2023, 3, 12)),
        (("Date:", "0ct", "15，", "2025"), date(2025, 10, 15)),  # the model's full-width comma
        (("Date:", "0ct", "15,2025"), date(2025, 10, 15)),  # no space after the comma
        (("Datum:", "9.", "Apri1", "2021"), date(2021, 4, 9)),  # German: a point and a space after the day
        (("Till", "2", "02N0V24"), date(2024, 11, 2)),  # month glued between day and year
        (("Date:", "130cT22"), date(2022, 10, 13)),  # ... beginning with a look-alike
        (("Date:", "135EP23"), date(2023, 9, 13)),
        (("Fecha:19", "de", "marz0", "de", "2020"), date(2020, 3, 19)),  # Spanish "de" around the month
    ],
)
def test_a_repaired_date_is_read_and_keeps_a_doubting_confidence(words: tuple[str, ...], meant: date) -> None:
    page = build_page(_words(*words), 1, 600, 40, 1.0)
    assert _first(page_text(page)) == meant
    assert min(w.confidence for w in page.lines[0].words) <= REPAIRED_CONFIDENCE


@pytest.mark.parametrize(
    "text",
    [
        "12 Jon 2019",  # "Jun" or "Jan": a three-letter name with one letter free is no repair
        "Tel 12//34/5678",  # no calendar date once the doubled slash is gone
        "1..5",
        "Box 12B0X34",  # glued between digits, but no month
    ],
)
def test_no_repair_where_the_result_is_no_sure_date(text: str) -> None:
    assert repair_text(text) == text


_ENGLISH = "THE CORNER CAFE\n14 High Street, Leeds LS1 4DY\nDate: {date}\n1 x Coffee   3.50\nTOTAL   3.50\nThank you for your visit"
_GERMAN = "Bäckerei Sonnenschein\nHauptstraße 12, Berlin\nDatum: {date}\n1 x Kaffee   3,50\nSUMME EUR   3,50\nVielen Dank für Ihren Einkauf"


@pytest.mark.parametrize(
    ("template", "printed", "meant", "doubted"),
    [
        (_ENGLISH, "12 Mai 2023", date(2023, 5, 12), True),  # a misread "Mar" as much as "May"
        (_ENGLISH, "12 Mag 2023", date(2023, 5, 12), True),
        (_ENGLISH, "12 Mar 2023", date(2023, 3, 12), False),
        (_ENGLISH, "12 Okt 2023", date(2023, 10, 12), False),  # "Oct" is one letter off, the same month
        (_GERMAN, "12. Mai 2023", date(2023, 5, 12), False),  # German writes Mai
    ],
)
def test_a_month_name_foreign_to_an_english_receipt_is_doubted(
    template: str, printed: str, meant: date, doubted: bool
) -> None:
    invoice = read(template.format(date=printed))
    assert invoice.invoice_date == meant
    assert ("ambiguous_date" in {f.code for f in invoice.reading_flags}) is doubted


@pytest.mark.parametrize(
    ("printed", "meant"),
    [
        ("12 03 2023", date(2023, 3, 12)),  # separators read as spaces, right after the label
        ("31 12 2023 18:40", date(2023, 12, 31)),
    ],
)
def test_a_labelled_date_whose_separators_became_spaces_is_read(printed: str, meant: date) -> None:
    assert read(_GERMAN.format(date=printed)).invoice_date == meant


def test_numbers_split_by_spaces_without_a_date_label_are_no_date() -> None:
    text = "Bäckerei Sonnenschein\nKasse 12 03 2023\n1 x Kaffee   3,50\nSUMME EUR   3,50"
    assert read(text).invoice_date is None


def _fold(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", name) if not unicodedata.combining(ch))


_ACCENTED = sorted(n for n in MONTHS if not n.isascii() and _fold(n) not in {"marco", "julius"})


@given(st.sampled_from(_ACCENTED), st.integers(1, 28), st.integers(1990, 2099))
def test_every_month_name_reads_the_same_without_its_diacritics(name: str, day: int, year: int) -> None:
    printed = _fold(name)
    assert MONTHS[printed] == MONTHS[name]
    assert _first(f"{day} {printed} {year}") == date(year, MONTHS[name], day)


@pytest.mark.parametrize(
    ("words", "meant"),
    [
        (("Kasse", "3", "Bon", "4711", "20.", "Septe", "mber", "2020"), date(2020, 9, 20)),
        (("Data:", "26", "de", "deze", "m", "bro", "de", "2025"), date(2025, 12, 26)),
        (("12", "Ma", "rch", "2020"), date(2020, 3, 12)),
    ],
)
def test_a_month_name_the_engine_split_is_joined_between_day_and_year(
    words: tuple[str, ...], meant: date
) -> None:
    page = build_page(_words(*words), 1, 900, 40, 1.0)
    assert _first(page_text(page)) == meant


@pytest.mark.parametrize(
    "words",
    [
        ("1", "x", "Sand", "wich", "14.87"),  # no month
        ("Table", "2", "Jun", "e", "Smith"),  # no year after it
    ],
)
def test_words_that_spell_no_month_between_numbers_stay_apart(words: tuple[str, ...]) -> None:
    page = build_page(_words(*words), 1, 900, 40, 1.0)
    assert page_text(page) == " ".join(words)


_SPANISH = (
    "Bar El Puerto\nCalle Mayor 5, Madrid\n{dates}\n1 x Café   2,47\nTOTAL   2,47\nGracias por su visita"
)


@pytest.mark.parametrize(
    ("dates", "doubted"),
    [
        # the invoice date's label is there but its date unreadable: the due date is no sure pick
        ("Fecha: 19 de marz0 de 2020\nVencimiento: 2 de abril de 2020", True),
        ("Vencimiento: 2 de abril de 2020", False),  # the only date printed: read as before
        ("Fecha: 19 de marzo de 2020\nVencimiento: 2 de abril de 2020", False),
    ],
)
def test_a_due_date_picked_because_the_labelled_date_was_unreadable_is_doubted(
    dates: str, doubted: bool
) -> None:
    invoice = read(_SPANISH.format(dates=dates))
    assert ("ambiguous_date" in {f.code for f in invoice.reading_flags}) is doubted

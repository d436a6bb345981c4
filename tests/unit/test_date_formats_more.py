"""More printed date formats by convention: the Spanish and Portuguese month abbreviations, the
Austrian and ASCII-typed French names, a month name before a hyphenated day and year, separators
set apart by spaces, and Roman-numeral months. Each was no date before, so an invoice printing its
one date that way went to review as `missing_date`."""

from __future__ import annotations

from datetime import date

import pytest

from reimburse.adapters.heuristic.dates import find_dates, parse_date

D = date(2019, 3, 12)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("12 abr. 2019", date(2019, 4, 12)),  # es, pt
        ("12 de abr de 2019", date(2019, 4, 12)),
        ("12 out 2019", date(2019, 10, 12)),  # pt: outubro
        ("12/out/2019", date(2019, 10, 12)),
        ("12 set. 2019", date(2019, 9, 12)),  # pt, it
        ("12 setiembre 2019", date(2019, 9, 12)),  # es (Peru, Uruguay)
        ("12. Jän. 2019", date(2019, 1, 12)),  # de-AT
        ("12. Feber 2019", date(2019, 2, 12)),  # de-AT
        ("12. Mär. 2019", D),  # de
        ("12 fevrier 2019", date(2019, 2, 12)),  # fr without accents
        ("12 fevr. 2019", date(2019, 2, 12)),
        ("12 decembre 2019", date(2019, 12, 12)),
        ("Mar-12-2019", D),  # en: month name, then the day and year hyphenated
        ("Mar/12/2019", D),
        ("12 . 03 . 2019", D),  # separators set apart
        ("12 - 03 - 2019", D),
        ("12 / 03 / 2019", D),
        ("2019 - 03 - 12", D),
        ("12.III.2019", D),  # pl, cs, hu, ro: Roman-numeral month
        ("12-III-2019", D),
        ("12. XII. 2019", date(2019, 12, 12)),
    ],
)
def test_date_format_reads(text: str, want: date) -> None:
    assert parse_date(text) == want
    assert parse_date(f"Rechnungsdatum: {text}  Seite 1") == want


@pytest.mark.parametrize(
    "text",
    [
        "In 10:05 Out 10:30",  # a parking stub: "out" before a two-digit number is not October
        "Check out 12 20",
        "1 X 2000",  # a quantity times a price, not 1 October 2000
        "2 X 1999.00",
        "10 - 5 - 20",  # a sum with a two-digit year is no spaced date
        "Qty 3 / 4 / 25",
        "2024-02-   18:01",  # OCR lost the day: a time is not the day
        "2024-02- 18:01",
    ],
)
def test_not_a_date(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize(
    ("text", "month_first", "want"),
    [
        ("03 / 12 / 2019", False, date(2019, 12, 3)),
        ("03 / 12 / 2019", True, date(2019, 3, 12)),
    ],
)
def test_spaced_numeric_date_follows_the_document_order(text: str, month_first: bool, want: date) -> None:
    found = find_dates(text, month_first)
    assert [d.value for d in found] == [want]
    assert found[0].alternative is not None  # still reads two ways, so it can be flagged

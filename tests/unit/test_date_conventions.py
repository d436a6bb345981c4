"""Numeric dates in the conventions of more languages, so a document that prints its date only
that way is not sent to review as `missing_date`. One synthetic line per convention."""

from __future__ import annotations

from datetime import date

import pytest

from reimburse.adapters.heuristic.dates import find_dates


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Datum vystavení: 8. 2. 2024", date(2024, 2, 8)),  # Czech, Slovak: a space after each dot
        ("Datum računa: 18. 12. 2023. 14:22", date(2023, 12, 18)),  # Croatian, with the time after it
        ("Kelt: 2024. 02. 08.", date(2024, 2, 8)),  # Hungarian: year first, dotted
        ("日期 2024年2月8日", date(2024, 2, 8)),  # Chinese and Japanese: year, month, day characters
        ("2024-02-0818:01", date(2024, 2, 8)),  # OCR ran the time into an ISO date
        ("Data: 12 de março de 2024", date(2024, 3, 12)),  # Portuguese month names
        ("Datum 8 augusti 2024", date(2024, 8, 8)),  # Swedish
        ("Datum 3 mrt 2024", date(2024, 3, 3)),  # Dutch abbreviation
    ],
)
def test_dates_in_more_conventions_are_found(text: str, value: date) -> None:
    found = find_dates(text)
    assert [d.value for d in found] == [value]
    assert found[0].alternative is None  # each of these reads one way only


@pytest.mark.parametrize(
    "text",
    [
        "Total 1. 250,00",  # an amount with a stray space is no date
        "Pos. 1. 2. 3 Stück",  # list numbering
        "2024. 13. 40.",  # no such month or day
    ],
)
def test_look_alikes_are_no_dates(text: str) -> None:
    assert find_dates(text) == []

"""A day split in two by OCR or a scanner's text layer ("2 3.09.19" for 23.09.19) is joined where
only the day can be meant, kept apart after a count ("Table 2"), and carries doubt otherwise: a
silent 3 September for 23 September moves a deadline without anyone seeing it. Synthetic lines."""

from __future__ import annotations

from datetime import date

import pytest

from reimburse.adapters.heuristic.dates import find_dates
from reimburse.adapters.heuristic.invoice_dates import read_dates
from reimburse.adapters.heuristic.totals import analyse_lines


@pytest.mark.parametrize(
    ("line", "value", "doubt"),
    [
        # After a date label the lone digit can only be the day's first: joined, sure.
        ("Rechnungsdatum : 2 3.09.19", date(2019, 9, 23), None),
        ("Invoice date: 1 7/05/2024", date(2024, 5, 17), None),
        ("Date de facture : 2 8.02.2023", date(2023, 2, 28), None),
        ("Fecha: 1 5-06-2022", date(2022, 6, 15), None),
        ("Datum 3 1.12.2021", date(2021, 12, 31), None),
        ("Data fattura 1 9.04.2022", date(2022, 4, 19), None),
        # Nothing before it says what the digit is: joined, with the other reading kept as doubt.
        ("2 3.09.19", date(2019, 9, 23), date(2019, 9, 3)),
        ("Reservation 1 2.03.2019", date(2019, 3, 12), date(2019, 3, 2)),
        ("77,00 2 3.09.2019", date(2019, 9, 23), date(2019, 9, 3)),
        # A count before the date stays apart, in several languages.
        ("Table 2 3.09.19", date(2019, 9, 3), None),
        ("Tisch 2 3.09.19", date(2019, 9, 3), None),
        ("Pax 2 3.09.19", date(2019, 9, 3), None),
        ("Qty: 2 3/09/2019", date(2019, 9, 3), None),
        ("Anzahl 1 4.05.2020", date(2020, 5, 4), None),
        ("Zimmer 2 3.09.19", date(2019, 9, 3), None),
        # A joined day that is no date: the digit is something else.
        ("Datum 4 3.09.19", date(2019, 9, 3), None),
        ("9 5.02.2019", date(2019, 2, 5), None),
        ("Datum 3 2.02.2020", date(2020, 2, 2), None),
        # Not a lone digit: a number or an amount before the date is left alone.
        ("12 3.09.19", date(2019, 9, 3), None),
        ("1,2 3.09.19", date(2019, 9, 3), None),
        # Two spaces: not a split.
        ("Datum 2  3.09.19", date(2019, 9, 3), None),
    ],
)
def test_lone_digit_before_a_date(line: str, value: date, doubt: date | None) -> None:
    found = find_dates(line)
    assert found[-1].value == value
    assert found[-1].doubt == doubt


def test_a_joined_day_is_the_whole_date_span() -> None:
    # The digit belongs to the date: no amount or number reader sees a stray "2".
    (found,) = find_dates("Rechnungsdatum : 2 3.09.19")
    assert "Rechnungsdatum : 2 3.09.19"[found.start : found.end] == "2 3.09.19"


def _read(text: str) -> tuple[date | None, str | None, float]:
    r = read_dates(analyse_lines(text.split("\n")), text, stay=False, currency="EUR")
    return r.invoice_date, r.ambiguity, r.confidence


@pytest.mark.parametrize(
    ("text", "invoice_date", "doubted"),
    [
        ("Hotel Hamburg\nRechnungsdatum : 2 3.09.19\nGesamt 308,00 EUR", date(2019, 9, 23), False),
        ("Bistro Hamburg\nRechnung\n2 3.09.19\nGesamt 12,00 EUR", date(2019, 9, 23), True),
        ("Bistro\nTisch 2 3.09.19\nSumme 12,00 EUR", date(2019, 9, 3), False),
        # The label on the line and the date under it ("Invoice date" column of a scan).
        ("Hotel\nInvoice date:\n2 3/09/2019\nTotal 99.00 EUR", date(2019, 9, 23), False),
    ],
)
def test_invoice_date_with_a_split_day(text: str, invoice_date: date, doubted: bool) -> None:
    got, ambiguity, confidence = _read(text)
    assert got == invoice_date
    assert (ambiguity is not None) == doubted
    if doubted:
        assert confidence <= 0.5

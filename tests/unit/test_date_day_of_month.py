"""The English formal dating of receipts and bills: "this 14th day of March, 2025"."""

from __future__ import annotations

from datetime import date

import pytest

from reimburse.adapters.heuristic.dates import find_dates
from tests.text_receipts import read


@pytest.mark.parametrize(
    ("printed", "want"),
    [
        ("Dated this 14th day of March, 2025", date(2025, 3, 14)),
        ("Received on the 2nd day of June 2025 the sum of", date(2025, 6, 2)),
        ("this 1st day of Dec. 2024", date(2024, 12, 1)),
    ],
)
def test_the_day_of_the_month_form_is_a_date(printed: str, want: date) -> None:
    assert [d.value for d in find_dates(printed, False)] == [want]


def test_a_bill_dated_in_the_formal_form_reads_its_date() -> None:
    text = "Ashcombe Chambers\nFee note 118\nDated this 14th day of March, 2025\nCounsel's fee   900.00\nTotal   900.00"
    assert read(text).invoice_date == date(2025, 3, 14)

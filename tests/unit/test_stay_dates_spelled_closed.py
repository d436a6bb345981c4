""" "Checkin Date" / "Checkout Date" written closed up (issue 11, set T3: a hotel receipt). The
label is the stay's arrival or departure; its trailing "Date" must not become a plain "Date"
label whose value is taken as the invoice date (a silent wrong date). Synthetic lines."""

from __future__ import annotations

from datetime import date

import pytest

from reimburse.adapters.heuristic.invoice_dates import read_dates
from reimburse.adapters.heuristic.totals import analyse_lines


@pytest.mark.parametrize(
    ("arrive", "leave"), [("Checkin Date", "Checkout Date"), ("Check in Date", "Check out Date")]
)
def test_a_closed_up_stay_label_is_no_plain_date(arrive: str, leave: str) -> None:
    lines = [
        "Seaview Lodge",
        "Receipt",
        "Guest   Harbour Marine Ltd",
        "Amount Paid   NGN 90,000.00",
        f"{arrive}   2025-03-02",
        f"{leave}   2025-03-05",
    ]
    reading = read_dates(analyse_lines(lines), "\n".join(lines), stay=True)
    assert reading.invoice_date != date(2025, 3, 2)
    assert (reading.period_start, reading.period_end) == (date(2025, 3, 2), date(2025, 3, 5))

"""A plain "Date" label that another word gives a role ("Ship Date", "Dispatch date", "Exp. Date",
"Arrival Date") is not the invoice date while the document prints another date."""

from __future__ import annotations

from datetime import date

import pytest

from tests.text_receipts import read

HEAD = "Acme Corp\n1 Main St, Springfield, IL 62701\n"


@pytest.mark.parametrize(
    "line",
    [
        "Ship Date 03/20/2019",
        "Shipping date: 03/20/2019",
        "Date Shipped 03/20/2019",
        "Dispatch Date 03/20/2019",
        "Delivery date 03/20/2019",
        "Exp. Date 03/20/2019",
        "Start Date 03/20/2019",
    ],
)
def test_a_date_with_another_role_is_not_the_invoice_date(line: str) -> None:
    text = HEAD + f"{line}\nInvoice 123 03/14/2019\nWidget   10.00\nTotal   10.00"
    assert read(text).invoice_date == date(2019, 3, 14)


@pytest.mark.parametrize(
    "line",
    ["Ship Date 03/20/2019", "Dispatch Date 03/20/2019"],
)
def test_the_only_date_is_still_read(line: str) -> None:
    # a date with another role is still the invoice date when it is the only one printed
    assert read(HEAD + f"{line}\nWidget   10.00\nTotal   10.00").invoice_date == date(2019, 3, 20)


def test_a_plain_date_label_still_wins() -> None:
    text = HEAD + "Date: 03/14/2019\nShip Date 03/20/2019\nWidget   10.00\nTotal   10.00"
    assert read(text).invoice_date == date(2019, 3, 14)

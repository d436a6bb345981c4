"""A fixed-width till prints its keys in a column of their own, the value after a gap ("Receipt:
      1042", "Recibo:       318"): the receipt's number is the value after that key. Made-up
till texts in our own words (set H, docs/development-sets.md)."""

from __future__ import annotations

import pytest

from tests.text_receipts import read


@pytest.mark.parametrize(
    ("key", "value"),
    [("Receipt:", "1042"), ("Recibo:", "318"), ("Bon:", "77120")],
)
def test_a_receipt_number_after_its_key_column(key: str, value: str) -> None:
    text = (
        "Corner Cafe\nHigh Street 4\n\n"
        f"{key:<15}{value}\nDate:          14/10/2025 12:41\nTerminal:      TILL-1\n\n"
        "Flat white      3.40   x2    6.80\nBalance Due                 6.80\n"
    )
    assert read(text).invoice_number == value


def test_a_terminal_key_column_is_no_receipt_number() -> None:
    text = "Corner Cafe\nTerminal:      4411\nTable:         12\nTotal                 6.80\n"
    assert read(text).invoice_number is None

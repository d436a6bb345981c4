"""A stay or tourist tax charged per night prints no rate: it is outside the bound the printed
VAT rates put on the taxes, so a hotel bill that adds one is no total mismatch (issue 11)."""

from __future__ import annotations

from decimal import Decimal

from tests.text_receipts import read

HEAD = "Harbour Lodge Ltd\nQuay Road 12\nInvoice no: HL-2207\nInvoice date: 03/11/2025\n"
ROOMS = "Room 2 nights   170.00\nBreakfast 2   24.00\nSubtotal   194.00\nVAT 13%   25.22\n"


def _mismatch(text: str) -> bool:
    return any(f.code == "total_mismatch" for f in read(text).reading_flags)


def test_a_stay_tax_without_a_rate_is_no_mismatch() -> None:
    inv = read(HEAD + ROOMS + "City tax   3.00\nTotal   222.22\n")
    assert inv.total == Decimal("222.22")
    assert not _mismatch(HEAD + ROOMS + "City tax   3.00\nTotal   222.22\n")


def test_taxes_above_the_rates_with_no_fixed_tax_still_disagree() -> None:
    # 40.00 of VAT on 194.00 at 13% is more than the rate allows: still flagged
    assert _mismatch(
        HEAD
        + "Room 2 nights   170.00\nBreakfast 2   24.00\nSubtotal   194.00\nVAT 13%   40.00\nTotal   234.00\n"
    )

"""Conventions of real receipt photos outside the corpus (issue 12): a Nepali tax invoice's second
calendar, a card terminal's slip, and a logo OCR reads only in part."""

from __future__ import annotations

from datetime import date

import pytest

from reimburse.adapters.heuristic.dates import order_evidence, second_calendar, second_calendar_days
from reimburse.domain.verdict.decide import Claim, decide
from tests.text_receipts import POLICY, read

NEPALI = """Himal Traders Pvt. Ltd.
Lakeside, Pokhara
VAT No. : 301234567
ABBREVIATED TAX INVOICE
Bill No : HT-2211
Date : {date}
Miti : {miti}
Particulars   Qty   Amount
RICE 5KG   1   950
Net Amount :   950.00
Thank you for shopping with us."""


def _flags(text: str) -> set[str]:
    invoice = read(text)
    verdict = decide(POLICY, invoice, Claim(employee_name="", submitted_on=date(2100, 1, 1)))
    return {f.code for f in verdict.flags}


@pytest.mark.parametrize("printed", ["07/05/2024", "05/07/2024"])
def test_the_bikram_sambat_date_beside_it_settles_which_reading_of_the_date_is_meant(printed: str) -> None:
    # Asar 21, 2081 falls in early July 2024: whichever way round the till prints it, 5 July.
    text = NEPALI.format(date=printed, miti="21/03/2081")
    assert read(text).invoice_date == date(2024, 7, 5)
    assert "ambiguous_date" not in _flags(text)


def test_a_second_calendars_day_first_date_is_no_evidence_for_the_gregorian_one() -> None:
    # Baisakh 1 (mid-April) confirms neither 7 May nor 5 July: the date goes to review, where the
    # VAT line alone used to read it day first.
    text = NEPALI.format(date="07/05/2024", miti="01/01/2081")
    assert "ambiguous_date" in _flags(text)


def test_only_a_date_56_or_57_years_later_is_taken_for_the_second_calendar() -> None:
    assert second_calendar("Date 07/05/2024 Miti 21/03/2081")
    assert order_evidence("Date 07/05/2024 Miti 21/03/2081") == (False, False)
    # a birth date decades earlier is an ordinary date, and its order still counts
    assert not second_calendar("Date 07/05/2024 Born 21/03/1975")
    assert order_evidence("Date 07/05/2024 Born 21/03/1975") == (False, True)
    assert not second_calendar("Date 07/05/2024 Born 21/03/1967")  # 57 years, but AD dates both
    assert second_calendar_days("Date 07/05/2024") == []


def test_a_card_slips_merchant_id_and_transaction_type_are_not_the_vendor() -> None:
    text = """Harbor Lane Bistro
12 Pier Road
Portland OR 97209
Mon 03/11/2019 08:12 PM
Merchant ID:   7qpx2k
Terminal ID:   0042
Type:   CREDIT
PURCHASE
Card Type:   VISA
Response:   APPROVED
Sub Total   USD$ 41.50
Tip:   6.00
Total   USD$ 47.50"""
    assert read(text).vendor == "Harbor Lane Bistro"


CLOSING = """{top}
12 W 4TH ST
RENO, NV 89501
03/02/2023 4:10 PM
SHAMPOO 12OZ   5.99
TOOTHPASTE   3.49
BANDAGES   4.29
HAND SOAP   2.19
COTTON PADS   1.99
SUBTOTAL   17.95
TAX   1.48
TOTAL   19.43
VISA   19.43
THANK YOU FOR SHOPPING AT PARKVIEW PHARMACY"""


def test_a_logo_read_in_part_yields_to_the_name_the_closing_thanks_gives() -> None:
    assert read(CLOSING.format(top="o arkview")).vendor == "PARKVIEW PHARMACY"


def test_a_top_name_printed_whole_is_kept_over_the_closing_thanks() -> None:
    assert read(CLOSING.format(top="Parkview Drugs")).vendor == "Parkview Drugs"

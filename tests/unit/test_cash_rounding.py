"""Several totals printed for a reason the page states (issue 11, set RT).

Cash is rounded to a country's smallest coin and the till prints the rounding and the rounded sum
(5 cents in CH, AU, CA, FI, NL, BE, MY; 50 øre in DK; the crown in SE and NO); a promotion or a tip
changes the sum the customer paid. What was charged is the sum after them. Texts are synthetic,
written after those conventions.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.text_receipts import read

_ITEMS = "Loaf   4,10\nCheese   8,37\nCoffee   2,95\n"


@pytest.mark.parametrize(
    ("head", "total", "rounding", "to_pay", "charged"),
    [
        (
            "Bageri Lyngbakken ApS\nNørregade 4, 7100 Vejle\n",
            "I alt",
            "Afrunding   0,08",
            "At betale",
            "15,50",
        ),
        (
            "Bageri Sjöbotten AB\nStorgatan 4, 451 30 Uddevalla\n",
            "Totalt",
            "Öresavrundning   -0,42",
            "Att betala",
            "15,00",
        ),
        (
            "Bakeri Fjellvang AS\nStorgata 4, 2609 Lillehammer\n",
            "Totalt",
            "Øreavrunding   -0,42",
            "Å betale",
            "15,00",
        ),
        (
            "Leipomo Rantala Oy\nKauppakatu 4, 33200 Tampere\n",
            "YHTEENSÄ",
            "PYÖRISTYS   -0,02",
            "MAKSETTAVA",
            "15,40",
        ),
        (
            "Bäckerei Sonnhalde\nMarktgasse 4, 8200 Schaffhausen\n",
            "Total CHF",
            "Rundung   -0.02",
            "Zu bezahlen CHF",
            "15.40",
        ),
        (
            "Boulangerie du Moulin\nRue Haute 4, 4980 Trois-Ponts\n",
            "TOTAL",
            "Arrondi   -0,02",
            "A PAYER",
            "15,40",
        ),
        (
            "Kedai Roti Bukit\nJalan Besar 4, 75200 Melaka\n",
            "Total",
            "Pembundaran   -0.02",
            "Jumlah Bersih",
            "15.40",
        ),
    ],
)
def test_the_cash_rounded_sum_under_a_rounding_line_is_what_was_paid(
    head: str, total: str, rounding: str, to_pay: str, charged: str
) -> None:
    text = head + "12.06.2025   10:14\n" + _ITEMS + f"{total}   15,42\n{rounding}\n{to_pay}   {charged}\n"
    invoice = read(text.replace(",", ".") if "." in charged else text)
    assert invoice.total == Decimal(charged.replace(",", "."))
    assert len(invoice.candidate_totals) == 1


def test_a_cash_payment_under_a_rounding_line_is_the_rounded_bill() -> None:
    # "Cash" opens the rounding line and the cash total's bracket: both are read as payments
    text = (
        "Arbutus Stationers\n1 Marine Dr, Qualicum Beach BC\n2025-06-19 15:40\nNotebook   9.95\nCard   6.10\n"
        "Subtotal   16.05\nGST 5%   0.80\nPST 7%   1.12\nTotal   17.97\nCash rounding   -0.02\n"
        "Total (cash)   17.95\nCash   20.00\nChange   2.05\n"
    )
    assert read(text).total == Decimal("17.95")


def test_a_payment_more_than_half_a_crown_off_the_total_is_no_rounding() -> None:
    text = "Deli\n1 Marine Dr, Qualicum Beach BC\n2025-06-19\nTotal   17.97\nRounding   -0.97\nPaid   17.00\n"
    assert read(text).total != Decimal("17.00")


@pytest.mark.parametrize(
    ("lines", "charged", "due"),
    [
        ("TOTAL   £54.20\nAutumn promotion   -£5.00\nTOTAL TO PAY   £49.20\n", "49.20", "49.20"),
        ("TOTAL   38,40\nRemise fidélité 10%   -3,84\nTOTAL A PAYER   34,56\n", "34.56", "34.56"),
        (
            "Subtotal   $24.50\nSales Tax   $1.62\nTotal   $26.12\nTip (20%)   $5.22\nTotal with tip   $31.34\n",
            "31.34",
            None,
        ),
    ],
)
def test_the_sum_after_a_promotion_or_a_tip_is_what_was_charged(
    lines: str, charged: str, due: str | None
) -> None:
    text = "Shop\n8 Bridge St, Hebden Bridge HX7 8EX\n02/09/2025\nMug   £12.50\n" + lines
    invoice = read(text)
    assert invoice.total == Decimal(charged)
    assert invoice.amount_due == (Decimal(due) if due else None)


def test_a_danish_till_rounding_down_to_50_ore_charges_the_rounded_sum() -> None:
    text = (
        "Grøntbutikken Vejle ApS\nSøndergade 4, 7100 Vejle\n11-10-2025   10:34\nÆbler   39,84\nKartofler   25,00\n"
        "Rugbrød   28,95\nHonning   49,94\nI alt   143,73\nAfrunding   -0,23\nAt betale   143,50\n"
    )
    invoice = read(text)
    assert invoice.total == Decimal("143.50")
    assert invoice.candidate_totals == (Decimal("143.50"),)


def test_a_promotion_taken_off_under_the_total_and_paid_by_card_is_what_was_charged() -> None:
    text = (
        "Homewares\n8 Bridge St, Hebden Bridge HX7 8EX\n02/09/2025\nTea towels   £17.00\nMug   £12.50\n"
        "Candle   £24.70\nTOTAL   £54.20\nAutumn promotion   -£5.00\nVISA DEBIT   £49.20\n"
    )
    assert read(text).total == Decimal("49.20")

"""Which of several amounts labelled as totals a careful reader pays: a sum word that counts
points, savings or items is no total; "Total tendered" is the cash handed over (less the change);
a currency named in the label belongs to the amount; and a total printed again in a second
currency is a conversion, not a rival."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from reimburse.domain.verdict.decide import Claim, decide
from tests.text_receipts import POLICY, low, read

HEAD = "Corner Shop\nHigh Street 1\n12.03.2019\nBread   4,00\nMilk   6,00\n"


def _flags(text: str) -> set[str]:
    invoice = read(text)
    verdict = decide(POLICY, invoice, Claim(employee_name="", submitted_on=date(2100, 1, 1)))
    return {f.code for f in verdict.flags}


@pytest.mark.parametrize(
    "tail",
    [
        "Total   10,00\nTotal points   150\nCard   10,00",
        "Total   10,00\nTotal pts earned   12,00\nCard   10,00",
        "Total   10,00\nTotal saved   1,50\nCard   10,00",
        "Total   10,00\nTotal savings   2,00\nCard   10,00",
        "Total   10,00\nTotal items   2\nCard   10,00",
        "Summe   10,00\nSumme Punkte   25,00\nKarte   10,00",
    ],
)
def test_a_sum_of_points_savings_or_items_is_no_total(tail: str) -> None:
    text = HEAD + tail
    assert read(text).total == Decimal("10.00")
    assert "multiple_totals" not in _flags(text)


@pytest.mark.parametrize(
    "tail",
    [
        "Total   10,00\nTotal tendered   20,00\nChange   10,00",
        "Total tendered   20,00\nChange   10,00",
    ],
)
def test_total_tendered_is_a_payment(tail: str) -> None:
    assert read(HEAD + tail).total == Decimal("10.00")


@pytest.mark.parametrize(
    ("tail", "total", "currency"),
    [
        ("Total EUR   10,00", Decimal("10.00"), "EUR"),
        ("Total (CHF)   10,00", Decimal("10.00"), "CHF"),
    ],
)
def test_a_currency_in_the_label_is_the_amounts(tail: str, total: Decimal, currency: str) -> None:
    invoice = read(HEAD + tail)
    assert (invoice.total, invoice.currency) == (total, currency)


@pytest.mark.parametrize(
    ("text", "total", "currency"),
    [
        # a folio in euros with its total converted to dollars at the end
        ("Room   EUR 90,00\nCity tax   EUR 10,00\nTotal EUR   100,00\nTotal USD   108,50", "100.00", "EUR"),
        (
            "Room   90,00 EUR\nCity tax   10,00 EUR\nTotal   EUR 100,00\nTotal (approx.)   USD 108,50",
            "100.00",
            "EUR",
        ),
        # a Swiss till slip: francs, then the euro amount for tourists
        ("Kaffee   CHF 4.50\nKuchen   CHF 5.50\nTotal   CHF 10.00\nTotal   EUR 10.45", "10.00", "CHF"),
        # the other way round: the conversion is the smaller number
        ("Room   INR 4,000.00\nTotal   INR 4,000.00\nTotal   USD 48.00", "4000.00", "INR"),
    ],
)
def test_a_total_in_a_second_currency_is_a_conversion(text: str, total: str, currency: str) -> None:
    full = "Hotel Example\n12.03.2019\n" + text
    invoice = read(full)
    assert (invoice.total, invoice.currency) == (Decimal(total), currency)
    assert "multiple_totals" not in _flags(full)


def test_two_totals_of_one_currency_still_disagree() -> None:
    # the rule only sets conversions aside: two different sums in one currency stay for review
    text = HEAD + "Total EUR   10,00\nTotal EUR   14,00"
    assert "multiple_totals" in _flags(text)


DINER = "Joe's Diner\n12/03/2019\nBurger   12.00\nFries   4.00\n"


@pytest.mark.parametrize(
    ("tail", "total"),
    [
        # "Charge" is a word of its own, not an OCR-garbled "Change" taken off the cash
        ("Tax   1.28\nCharge   17.28\nCASH   20.00\nCHANGE   2.72", "17.28"),
        # a "Net Amount" the card paid is the gross: nobody pays a pre-tax amount
        ("Tax   1.28\nNet Amount   17.28\nVisa   17.28", "17.28"),
        ("Tax   1.28\nNet Amount   17.28\nCash   20.00\nChange   2.72", "17.28"),
        # till abbreviations of a total, confirmed by the items they sum
        ("TTL   16.00", "16.00"),
        ("GRAND TTL   16.00", "16.00"),
        ("Nett   16.00", "16.00"),
    ],
)
def test_the_amount_paid_is_read_without_doubt(tail: str, total: str) -> None:
    invoice = read(DINER + tail)
    assert invoice.total == Decimal(total)
    assert not low(invoice)


def test_a_net_amount_nothing_pays_stays_in_doubt() -> None:
    # the guard the rule above must keep: a net beside a tax, with no payment, goes to review
    assert low(read(DINER + "Tax   1.28\nNet Amount   17.28"))


@pytest.mark.parametrize("label", ["Total in EUR", "Total Amount in EUR", "Total (EUR)", "TOTAL EUR"])
def test_a_total_label_naming_its_currency_takes_the_value_below(label: str) -> None:
    # an OCR'd receipt puts the value on the line under its label; the currency is part of the label
    invoice = read(f"Café Nord\nRue 1\n12.03.2019\nItem A   120,00\nItem B   37,30\n{label}\n157,30")
    assert invoice.total == Decimal("157.30")


@pytest.mark.parametrize(
    "label", ["Subtotal", "Sub-Total", "Zwischensumme", "Food Total", "Net total", "Total Sales"]
)
def test_a_discount_between_a_sum_and_the_total_is_no_contradiction(label: str) -> None:
    # "Subtotal 100 / Discount -10 / Total 90" on an untaxed till slip: the total is 90, and the
    # subtotal above it is explained by the discount (no total_mismatch, no multiple_totals)
    text = f"Shop\n12.03.2019\nA   60,00\nB   40,00\n{label}   100,00\nDiscount   -10,00\nTotal   90,00"
    assert read(text).total == Decimal("90.00")
    assert not {"total_mismatch", "multiple_totals"} & _flags(text)


def test_a_discount_that_does_not_explain_the_gap_leaves_two_totals() -> None:
    # 100 - 5 is not 90: the two sums still disagree, for review
    text = "Shop\n12.03.2019\nA   60,00\nB   40,00\nFood Total   100,00\nDiscount   -5,00\nTotal   90,00"
    assert "multiple_totals" in _flags(text)


DINER_NY = (
    "Diner\nNew York, NY 10001\n03/14/2019\nBurger   12.00\nSubtotal   12.00\nTax   1.07\nTotal   13.07\n"
)


@pytest.mark.parametrize(
    "guide",
    [
        "Suggested tip:\n18%: Tip 2.16 Total 15.23\n20%: Tip 2.40 Total 15.47",
        "Tip Guide\n15% = 1.80 (Total 14.87)\n20% = 2.40 (Total 15.47)",
        "Suggested Gratuity\n18%   2.16   Total   15.23\n20%   2.40   Total   15.47\nThank you!",
        "18% Tip 2.16 Total 15.23\n20% Tip 2.40 Total 15.47",
    ],
)
def test_a_tip_guide_prints_no_total(guide: str) -> None:
    # US slips print what the bill would be with each suggested tip: none was charged
    text = DINER_NY + guide
    assert read(text).total == Decimal("13.07")
    assert "multiple_totals" not in _flags(text)


def test_a_tip_added_is_still_in_the_total() -> None:
    assert read(DINER_NY + "Tip   2.00\nTotal   15.07").total == Decimal("15.07")


def test_a_folio_total_row_with_its_payments_column_is_the_charges() -> None:
    text = (
        "Grand Hotel\nLondon SW1A 1AA\n10/03 Room   100.00\n11/03 Room   100.00\n12/03 Visa      -200.00\n"
        "Total   200.00   -200.00\nBalance   0.00"
    )
    invoice = read(text)
    assert invoice.total == Decimal("200.00")
    assert not low(invoice)


@pytest.mark.parametrize("payment", ["Debit", "Contactless", "EFTPOS", "PIN", "CB", "Credit"])
def test_a_guess_the_payment_repeats_is_sure(payment: str) -> None:
    # no word names the total and the items read do not reach it (a line went unread), but the
    # card slip pays the largest amount printed again
    invoice = read(
        f"Kiosk\n12.03.2019\nZeitung   EUR 3,20\nKaffee   EUR 2,30\nEUR 6,00\n{payment}   EUR 6,00"
    )
    assert invoice.total == Decimal("6.00")
    assert not low(invoice)


def test_a_guess_printed_once_stays_in_doubt() -> None:
    assert low(read("Kiosk\n12.03.2019\nZeitung   EUR 3,20\nKaffee   EUR 9,80\nEUR 6,00"))

"""A bare "Total" over the tax and the amount due (issue 11, set RT; the s15 reviews' leftover).

Small businesses' invoices total the work, then add the sales tax or VAT and print the balance due:
the amount due that is that total with the tax is what is charged, not the pre-tax "Total" (read
surely and paid silently at main). A repair invoice's section totals with its charges and tax under
them make its balance due. Texts are synthetic.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.text_receipts import low, read

_US_HEAD = "Pinecone Odd Jobs\n12 Hill Rd, Asheville, NC 28801\nInvoice # 118\nDate: 04/22/2025\n\n"


@pytest.mark.parametrize(
    ("lines", "charged"),
    [
        # the US small-business layout: the work totalled, then the sales tax, then the balance due
        ("Total   225.00\nSales Tax 7%   15.75\nBalance Due   240.75\n", "240.75"),
        ("Total   11.00\nVAT 20%   2.20\nAmount due   13.20\n", "13.20"),
        # a discount taken off under the total and the card charged the rest
        ("Total   11.00\nDiscount   -2.00\nAmount paid   9.00\n", "9.00"),
    ],
)
def test_an_amount_due_after_the_tax_under_a_bare_total_is_what_is_charged(lines: str, charged: str) -> None:
    invoice = read(_US_HEAD + "Repair railing   135.00\nReplace fan   90.00\n" + lines)
    assert invoice.total == Decimal(charged)
    assert not low(invoice)


@pytest.mark.parametrize(
    ("lines", "total"),
    [
        # the tax is inside the total: the amount due repeats it
        ("Total   225.00\nincl. VAT   37.50\nAmount due   225.00\n", "225.00"),
        # cash handed over and the change given back: what was handed over is no charged sum
        ("Total   225.00\nVAT   37.50\nCash   262.50\nChange   37.50\n", "225.00"),
    ],
)
def test_a_total_keeps_its_amount_when_nothing_after_it_adds_the_tax(lines: str, total: str) -> None:
    invoice = read(_US_HEAD + "Repair railing   135.00\nReplace fan   90.00\n" + lines)
    assert invoice.total == Decimal(total)


def test_an_unread_line_between_the_total_and_the_amount_due_leaves_the_total() -> None:
    # a fee no label names sits between them: the arithmetic is not the page's whole story
    invoice = read(
        _US_HEAD + "Repair railing   135.00\nTotal   135.00\nSales Tax   9.45\nTrip charge   25.00\n"
        "Balance Due   144.45\n"
    )
    assert invoice.total == Decimal("135.00") or low(invoice)


@settings(max_examples=40, deadline=None)
@given(
    st.decimals(min_value=Decimal("5.00"), max_value=Decimal("4000.00"), places=2),
    st.integers(min_value=1, max_value=25),
)
def test_a_pre_tax_total_with_its_tax_and_balance_due_reads_the_balance(work: Decimal, rate: int) -> None:
    tax = (work * rate / 100).quantize(Decimal("0.01"))
    invoice = read(
        _US_HEAD + f"Labor   {work}\nTotal   {work}\nSales Tax {rate}%   {tax}\nBalance Due   {work + tax}\n"
    )
    assert invoice.total == work + tax


@pytest.mark.parametrize(
    "between",
    [
        "Shop supplies   $12.00\nSales Tax 7% (parts)   $12.89\n",
        # a bill's own fees and taxes under its service sections
        "Regulatory fee   $12.00\nState tax   $12.89\n",
    ],
)
def test_section_totals_with_charges_and_tax_under_them_make_the_amount_due(between: str) -> None:
    text = (
        "Ridgeline Garage\n1 Route 9, Branchville, NJ 07826\nInvoice # 22\nDate: 10/02/2025\n\n"
        "Brake pads   1   $68.40   $68.40\nBrake rotors   2   $57.90   $115.80\nTotal Parts   $184.20\n"
        "Replace pads and rotors   2.5   $105.00   $262.50\nTotal Labor   $262.50\n"
        f"{between}Balance Due   $471.59\n"
    )
    invoice = read(text)
    assert invoice.total == Decimal("471.59")
    assert invoice.candidate_totals == (Decimal("471.59"),)


def test_section_totals_that_miss_the_amount_due_stay_rivals() -> None:
    # the sections and the lines under them do not make the due (0.36 short): it is no total
    text = (
        "Ridgeline Garage\n1 Route 9, Branchville, NJ 07826\nInvoice # 22\nDate: 10/02/2025\n\n"
        "Total Parts   $184.20\nTotal Labor   $262.50\nShop supplies   $12.00\nSales Tax   $12.89\n"
        "Balance Due   $471.95\n"
    )
    assert len(read(text).candidate_totals) > 1

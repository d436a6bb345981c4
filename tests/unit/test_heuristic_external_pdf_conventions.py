"""Reading conventions that real invoice PDFs outside the corpus showed (issue 11, the external PDF
set): the payee a bill names is its issuer, a section heading is no vendor, Latvian and Lithuanian
legal forms stand before the name, a dollar spelled out in words settles which dollar "$" is, a
date of expiry is not the invoice date, French "Somme à payer" is the amount due, and a number's
heading in a row of headings has its value under it; Latvian till words. Texts written for
these tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from reimburse.adapters.heuristic.currency import document_currency
from reimburse.adapters.heuristic.fields import read_number
from reimburse.adapters.heuristic.layout import Layout
from reimburse.adapters.heuristic.text import normalize
from reimburse.adapters.heuristic.totals import analyse_lines
from reimburse.adapters.invoice_labels.labels import Label, find_labels
from reimburse.domain.verdict.decide import Claim, decide
from reimburse.domain.verdict.document import Document, Line, Page
from tests.layout_lines import line_of_cells
from tests.text_receipts import POLICY, read
from tests.vendor_text import vendor_of


# The top of the page is the customer's address block; the issuer is only named where the bill
# says whom to pay (an instruction, or the account holder in the bank details).
@pytest.mark.parametrize(
    ("instruction", "issuer"),
    [
        ("Please make all payments in favour of\nBrightwater Lodges", "Brightwater Lodges"),
        ("Virement : Banque du Rhône – Titulaire du compte : KALIMERO", "KALIMERO"),
        ("Bankverbindung: Sparkasse Nord, Kontoinhaber: Möbelhaus Ostwind", "Möbelhaus Ostwind"),
        ("Cheques made payable to Harbour Print", "Harbour Print"),
    ],
)
def test_the_payee_named_by_the_bill_is_its_issuer(instruction: str, issuer: str) -> None:
    text = (
        "ZEPHYRINE\n"
        "Marcel Dupuis\n"
        "14 rue des Lilas\n"
        "38000 Grenoble\n"
        "Invoice 58213\n"
        "Date: 03/04/2023\n"
        "Design work          120.00\n"
        "Total                120.00\n"
        f"{instruction}\n"
    )
    assert vendor_of(text) == issuer


def test_a_payee_inside_the_customer_block_is_not_the_issuer() -> None:
    text = "Invoice 7781\nBill to:\nAccount name: Lumen Studio Ltd\nDate: 03/04/2023\nTotal 80.00\n"
    assert vendor_of(text) != "Lumen Studio Ltd"


@pytest.mark.parametrize("heading", ["Hotel Details", "Booking Information", "Stay Overview", "Détails"])
def test_a_section_heading_is_not_the_vendor(heading: str) -> None:
    text = (
        "PAYMENT RECEIPT\n"
        "Guest Name: Arjun       Date: 02/03/2021\n"
        f"{heading}        Nights   Rooms\n"
        "Grand Total Rs 2400\n"
    )
    assert vendor_of(text) != heading


@pytest.mark.parametrize(
    ("line", "name"),
    [("SIA Zaļā Birzs", "SIA Zaļā Birzs"), ("UAB Saulės Kepykla", "UAB Saulės Kepykla")],
)
def test_a_legal_form_before_the_name_marks_the_issuer(line: str, name: str) -> None:
    # a logo's word on the first line; the company with its Latvian or Lithuanian form below it
    text = f"DEMO\n{line}\nJur. adrese: Meža iela 4, Rīga\nKOPĀ: 12,40 EUR\n"
    assert vendor_of(text) == name


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("All amounts are shown in US Dollars.", "USD"),
        ("Prices in U.S. dollars", "USD"),
        ("Amounts are in Canadian dollars", "CAD"),
    ],
)
def test_a_dollar_spelled_out_settles_a_bare_dollar_sign(sentence: str, code: str) -> None:
    # the seller's address abroad would otherwise make "$" that country's dollar
    text = f"Kangaroo Themes\nMelbourne VIC 3000\nAustralia\nTotal: $55.00\n{sentence}\n"
    assert document_currency(text) == code


def test_a_bare_dollar_of_an_australian_seller_stays_australian() -> None:
    assert document_currency("Kangaroo Themes\nMelbourne VIC 3000\nAustralia\nTotal: $55.00\n") == "AUD"


@pytest.mark.parametrize(
    "expiry",
    [
        "Your vouchers will expire on 14 Mar 2024.",
        "Gutschein verfällt am 14.03.2024",
        "Card valid through 14 Mar 2024",
    ],
)
def test_a_date_of_expiry_is_not_the_invoice_date(expiry: str) -> None:
    text = (
        "Tax Invoice\n"
        "Nimbus Market\n"
        "Order date: 14 Mar 23\n"
        "Item purchase       $40.00\n"
        "Invoice Total: $40.00\n"
        f"{expiry}\n"
    )
    assert read(text).invoice_date == date(2023, 3, 14)


def test_somme_a_payer_is_the_amount_due() -> None:
    text = (
        "Fibre Ouest SAS\n"
        "Facture n°77120 du 02 mars 2022\n"
        "Total facture 30.00 6.00 36.00\n"
        "Somme à payer 36.00 € TTC\n"
    )
    invoice = read(text)
    assert invoice.total == Decimal("36.00")
    assert invoice.amount_due == Decimal("36.00")


def _number_on_page(*lines: Line) -> str | None:
    page = Page(1, 600, 800, tuple(lines))
    text = "\n".join(line.text for line in page.lines)
    document = Document("x.pdf", "0" * 64, text, (text,), (page,))
    infos = analyse_lines(normalize(document.text).split("\n"))
    return read_number(infos, Layout(document))[0]


def test_a_number_under_its_heading_in_a_row_of_headings() -> None:
    # a grid of fields: the headings on one row, their values on the row below
    number = _number_on_page(
        line_of_cells((50, "PAYMENT RECEIPT"), top=40),
        line_of_cells((50, "Booking ID"), (300, "Payment Mode"), top=100),
        line_of_cells((50, "QXRT4410"), (300, "Cash at Hotel"), top=114),
        line_of_cells((50, "Grand Total"), (300, "Rs 2400"), top=160),
    )
    assert number == "QXRT4410"


def test_a_name_under_a_number_heading_is_no_number() -> None:
    number = _number_on_page(
        line_of_cells((50, "Invoice No"), (300, "Customer"), top=100),
        line_of_cells((50, "Ravi Menon"), (300, "Priya Nair"), top=114),
        line_of_cells((50, "Total"), (300, "80.00"), top=160),
    )
    assert number is None


# A Latvian till receipt: "Samaksai" (to pay) is its total, the VAT table's "PVN summa" column
# is the tax, and "Dok. Nr." is the receipt's number.
LATVIAN_RECEIPT = (
    "SIA Ziemeļu Maiznīca\n"
    "Maize rudzu 400g\n"
    " 2 gab X 1,20 EUR       2,40 A\n"
    "Siers 200g\n"
    " 1 gab X 3,10 EUR       3,10 A\n"
    "Samaksai EUR            5,50\n"
    "Nodoklis   Ar PVN   Bez PVN   PVN summa\n"
    "A 21,00 %    5,50      4,55        0,95\n"
    "Bankas karte            5,50\n"
    "Dok. Nr.: 173/402518 Kase 0002\n"
    "2025-03-14 10:22:05\n"
)


def test_a_latvian_receipt_total_tax_and_number() -> None:
    invoice = read(LATVIAN_RECEIPT)
    assert invoice.total == Decimal("5.50")
    assert invoice.invoice_number == "173/402518"
    assert invoice.invoice_date == date(2025, 3, 14)
    verdict = decide(POLICY, invoice, Claim(employee_name="", submitted_on=date(2100, 1, 1)))
    assert "multiple_totals" not in {f.code for f in verdict.flags}


@pytest.mark.parametrize(
    ("words", "label"),
    [
        ("Samaksai EUR", Label.GRAND),
        ("Kopā", Label.GRAND),
        ("Iš viso", Label.GRAND),
        ("PVN summa", Label.TAX_TOTAL),
        ("PVM suma", Label.TAX_TOTAL),
    ],
)
def test_baltic_total_and_tax_words(words: str, label: Label) -> None:
    assert find_labels(words)[0].label is label

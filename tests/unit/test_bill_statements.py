"""Telecom and utility bills that are also account statements (issue 11, set U).

Such bills print the account's movement beside the bill: a previous balance, the payment that
settled it, this bill's charges, the amount due. The payment is no deposit on this bill; section
totals ("Total Electric", "Total Gas") are parts of the amount due, not rival totals; a tax word
the line negates ("non soggetto a IVA") labels no tax; a number in a direct-debit sentence is an
account's digits. Bill numbers printed in blocks of digits are one number. Texts are synthetic.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest

from reimburse.adapters.heuristic import HeuristicInvoiceExtractor
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.policy import Category, Policy

POLICY = Policy(
    policy_id="pol_bills", currency="USD", categories=(Category("phone", ("internet", "mobile")),)
)


async def _extract(text: str) -> Invoice:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return await HeuristicInvoiceExtractor().extract(Document("bill.pdf", sha, text), POLICY)


def _flags(invoice: Invoice) -> set[str]:
    return {f.code for f in invoice.reading_flags}


_STATEMENT = (
    "Bayview Broadband LLC\n41 Harbor Road, Monterey, CA 93940\n\nMonthly Statement\n"
    "Statement Date   Nov 2, 2025\nPayment Due Date   Nov 22, 2025\n\nAccount Summary\n"
    "{previous}   ${prev}\nPayments Received - thank you   -${paid}\nTotal Amount Due   ${due}\n\n"
    "Internet 300 plan   $60.00\nModem rental   $8.00\nSales tax   $2.77\n"
)


@pytest.mark.parametrize("previous", ["Previous Balance", "Previous Invoice", "Balance Forward"])
@pytest.mark.parametrize(
    ("prev", "paid", "due", "own"),
    [("65.00", "65.00", "70.77", "70.77"), ("95.77", "70.77", "95.77", "70.77")],
)
async def test_a_payment_against_the_previous_balance_is_no_deposit_on_the_bill(
    previous: str, prev: str, paid: str, due: str, own: str
) -> None:
    invoice = await _extract(_STATEMENT.format(previous=previous, prev=prev, paid=paid, due=due))
    assert invoice.total == Decimal(own)
    assert invoice.amount_due == Decimal(due)


async def test_without_a_previous_balance_a_payment_is_still_a_deposit() -> None:
    text = (
        "Bayview Broadband LLC\nInvoice No. 5521   Date: Nov 2, 2025\n\nInstallation and router   $300.00\n"
        "Deposit paid   -$100.00\nBalance Due   $200.00\n"
    )
    invoice = await _extract(text)
    assert invoice.total == Decimal("300.00")
    assert invoice.amount_due == Decimal("200.00")


async def test_current_months_charges_are_the_bills_total() -> None:
    text = _STATEMENT.format(previous="Previous Balance", prev="65.00", paid="65.00", due="70.77").replace(
        "Total Amount Due", "Current Month's Charges   $70.77\nTotal Amount Due"
    )
    invoice = await _extract(text)
    assert invoice.total == Decimal("70.77")


_SECTIONS = (
    "Great Plains Power & Gas\nBill Date: November 6, 2025\n\nElectric\nService Charge   $8.50\n"
    "Power Supply   $76.68\nTotal Electric   $85.18\nNatural Gas\nCustomer Charge   $12.00\n"
    "Gas Delivery   $29.39\nTotal Gas   $41.39\n\nDue Date   Nov 27, 2025\nAmount Due   ${due}\n"
)


async def test_section_totals_that_make_up_the_amount_due_are_parts_of_it() -> None:
    invoice = await _extract(_SECTIONS.format(due="126.57"))
    assert invoice.total == Decimal("126.57")
    assert invoice.candidate_totals == (Decimal("126.57"),)


async def test_section_totals_that_miss_the_amount_due_stay_rivals() -> None:
    invoice = await _extract(_SECTIONS.format(due="131.57"))
    assert invoice.total != Decimal("131.57")
    assert len(invoice.candidate_totals) > 1


@pytest.mark.parametrize(
    "line",
    [
        "Den Rechnungsbetrag buchen wir frühestens am 15.11.2025 von Ihrem Konto DE89 3704 **** **** **32 13 ab.",
        "Den Rechnungsbetrag ziehen wir mit Ihrem Mandat vom Konto mit den Endziffern 4417 ein.",
    ],
)
async def test_a_bare_number_in_a_direct_debit_sentence_is_no_total(line: str) -> None:
    text = (
        "Nordsee Mobilfunk GmbH\nRechnungsnummer   77120\nRechnungsdatum   08.11.2025\n\n"
        "Zu zahlender Betrag   52,97 €\nGrundpreise   42,00 €\nUmsatzsteuer 19 %   7,98 €\n"
        f"Beträge anderer Anbieter   2,99 €\n\n{line}\n"
    )
    invoice = await _extract(text)
    assert invoice.total == Decimal("52.97")


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Canone TV per uso privato (non soggetto a IVA)   9,00 €", "it"),
        ("Postage (exempt from VAT)   9,00 €", "en"),
    ],
)
async def test_a_charge_outside_the_tax_is_no_tax(line: str, lang: str) -> None:
    head = "Bolletta n. 2025/0448120 del 10/11/2025" if lang == "it" else "Invoice No. 2025/0448120"
    text = (
        f"Luce Chiara S.p.A.\n{head}\n\nMateria energia   40,12 €\nTrasporto   22,77 €\n"
        f"Totale imponibile   62,89 €\nIVA 10%   6,29 €\n{line}\nTotale bolletta   78,18 €\n"
    )
    invoice = await _extract(text)
    assert invoice.total == Decimal("78.18")
    assert invoice.taxes != Decimal("15.29")
    assert "total_mismatch" not in _flags(invoice)


@pytest.mark.parametrize(
    ("label", "number"),
    [
        ("Rechnungsnummer", "8827 1045 5521"),
        ("Rechnungsnummer", "30 1188 4520"),
        ("Factuurnummer", "2025 8841 0372"),
    ],
)
async def test_a_bill_number_printed_in_blocks_is_one_number(label: str, number: str) -> None:
    text = f"Stadtwerke Nordtal GmbH\n{label}   {number}\nRechnungsdatum   14.01.2026\n\nRechnungsbetrag   104,91 €\n"
    invoice = await _extract(text)
    assert invoice.invoice_number == number


@pytest.mark.parametrize(
    ("head", "number"),
    [
        ("Bolletta n. 2025/0448120 del 10/11/2025", "2025/0448120"),
        ("Statement No. MR-2025-110457", "MR-2025-110457"),
    ],
)
async def test_a_bills_own_number_label(head: str, number: str) -> None:
    text = f"Luce Chiara\n{head}\n\nTotal   78,18 €\n"
    invoice = await _extract(text)
    assert invoice.invoice_number == number


@pytest.mark.parametrize(
    ("lines", "total", "due"),
    [
        (
            "Rechnungsbetrag brutto   1.049,10 €\nabzüglich geleistete Abschläge   -968,00 €\nNachzahlung   81,10 €",
            "1049.10",
            "81.10",
        ),
        (
            "Te betalen bedrag incl. btw   € 118,58\nBtw 6 %   € 6,71\nTotaal incl. btw   € 118,58",
            "118.58",
            "118.58",
        ),
        (
            "Sub total (excl. IVA)   53.72 €\nTotal IVA:   11.28 €\nCantidad a cargar el 20 Nov 2025:   65.00 €",
            "65.00",
            "65.00",
        ),
    ],
)
async def test_what_a_utility_bill_collects_is_its_amount_due(lines: str, total: str, due: str) -> None:
    invoice = await _extract(f"Energie Zuid\nFactuurdatum 20/11/2025\n\n{lines}\n")
    assert invoice.total == Decimal(total)
    assert invoice.amount_due == Decimal(due)


async def test_an_australian_state_before_its_postcode_is_no_legal_form() -> None:
    text = (
        "WATTLE TELECOM\nABN 63 118 402 771\nLevel 3, 88 Pirie Street, Adelaide SA 5000\n\n"
        "Invoice Number   2290417\nIssue Date   4-Dec 2025\n\nTOTAL NEW CHARGES   $70.77\n"
    )
    invoice = await _extract(text)
    assert invoice.vendor is not None and "Adelaide" not in invoice.vendor


async def test_a_supplier_heading_names_no_supplier_its_name_line_does() -> None:
    text = (
        "YOUR TAX INVOICE 01-Oct-2025 to 31-Oct-2025\nInvoice No. : SCPO0019982341\n"
        "Invoice Date : 01-Nov-2025\n\nTotal Current Charges   706.82\n\nSupplier Information\n"
        "Name & Address : Saffron Cellular Limited, 5th Floor, Residency Road, Bengaluru 560025\n"
        "GSTIN: 29AACCS4417Q1Z3\n"
    )
    invoice = await _extract(text)
    assert invoice.vendor == "Saffron Cellular Limited"


async def test_a_bills_stub_heading_and_account_number_row_name_no_issuer() -> None:
    text = (
        "Remittance Stub\nAccount Number   004417-02\nTongass Light & Power\nCustomer Number   118204\n"
        "5601 Tonsgard Ct, Juneau, AK 99801\nAmount Due   $142.71\n\nMark Jensen\n3212 Glacier Hwy\n\n"
        "Statement Date   11/07/2025\nCurrent Charges   $142.71\n"
    )
    invoice = await _extract(text)
    assert invoice.vendor == "Tongass Light & Power"


async def test_a_zero_balance_forward_leaves_a_deposit_on_the_bill() -> None:
    text = (
        "Harbour View Hotel\nFolio No. 88123   Date: 12.03.2025\n\nBalance forward   €0.00\n"
        "Room 2 nights   €300.00\nDeposit   -€100.00\nBalance due   €200.00\n"
    )
    invoice = await _extract(text)
    assert invoice.total == Decimal("300.00")
    assert invoice.amount_due == Decimal("200.00")


_UNREAD_PAYMENT = (
    "Bayview Broadband LLC\n41 Harbor Road, Monterey, CA 93940\n\nMonthly Statement\n"
    "Statement Date   Nov 2, 2025\nPayment Due Date   Nov 22, 2025\n\nAccount Summary\n{summary}\n"
    "Internet 300 plan   $60.00\nModem rental   $8.00\nSales tax   $2.77\n"
)


@pytest.mark.parametrize(
    "summary",
    [
        "Previous Balance   $65.00\nPayment - Thank You   -$65.00\nTotal Amount Due   $70.77",
        "Previous Balance   $65.00\nPayments   -$65.00\nTotal Amount Due   $70.77",
        "Amount Due   $70.77\n\nUsage at a glance\nLast Month's Charges   $65.00\nThis Month's Charges   $70.77",
    ],
)
async def test_a_previous_balance_is_not_taken_off_unless_a_payment_was_read(summary: str) -> None:
    # with no payment read the sums describe no statement: the due stands as the bill's total
    invoice = await _extract(_UNREAD_PAYMENT.format(summary=summary))
    assert invoice.total == Decimal("70.77")


_TWO_PAGE_FOLIO = (
    "Gasthof Seeblick GmbH\nUferweg 9, 6900 Bregenz\n\nGuest Folio   No. 40517\nDate: 21.06.2025\n\n"
    "18.06.2025   Room   130.00 EUR\n19.06.2025   Room   130.00 EUR\n19.06.2025   Bar   60.00 EUR\n"
    "{carried}   320.00 EUR\n\f\nGasthof Seeblick GmbH   Page 2\n{brought}   320.00 EUR\n"
    "20.06.2025   Room   130.00 EUR\n20.06.2025   Restaurant   70.00 EUR\n"
    "{payment}   -150.00 EUR\nBalance due   370.00 EUR\n"
)


@pytest.mark.parametrize(
    ("carried", "brought"),
    [
        ("Balance carried forward", "Balance brought forward"),
        ("Balance c/f", "Balance forward"),
    ],
)
@pytest.mark.parametrize("payment", ["Deposit paid", "Payment received"])
async def test_a_page_carry_on_a_long_folio_is_no_earlier_bill(
    carried: str, brought: str, payment: str
) -> None:
    text = _TWO_PAGE_FOLIO.format(carried=carried, brought=brought, payment=payment)
    invoice = await _extract(text)
    assert invoice.total == Decimal("520.00")
    assert invoice.amount_due == Decimal("370.00")


@pytest.mark.parametrize(
    "head",
    [
        "Boulangerie Favre SA 1003 Lausanne",
        "Horlogerie Monnier SA 2300 La Chaux-de-Fonds",
        "Imprimerie Dumont SA 4000 Liège",
    ],
)
async def test_sa_before_a_postcode_and_its_town_is_a_legal_form(head: str) -> None:
    # Swiss and Belgian postcodes have four digits too, but the town follows them
    text = f"{head}\n\nFacture No. 5512   Date: 04.03.2025\n\nTotal   CHF 48.00\n"
    invoice = await _extract(text)
    assert invoice.vendor is not None and invoice.vendor.endswith(" SA")


@pytest.mark.parametrize("after", ["ABN 63 118 402 771", "Phone 08 8123 4567", "Australia"])
async def test_an_australian_postcode_followed_by_contact_details_is_still_a_postcode(after: str) -> None:
    text = (
        f"WATTLE TELECOM\nLevel 3, 88 Pirie Street, Adelaide SA 5000 {after}\n\n"
        "Invoice Number   2290417\nIssue Date   4-Dec 2025\n\nTOTAL NEW CHARGES   $70.77\n"
    )
    invoice = await _extract(text)
    assert invoice.vendor == "WATTLE TELECOM"

"""Totals as point-of-sale receipts and hotel folios print them (set H, docs/development-sets.md).

Each text is a made-up receipt in a language's usual wording: a money noun after "Total", a "final"
sum, a total whose bracket excludes the tax, the tax total of a till, a tip added after the bill's
total and settled by the payment printed under it, and a table heading row whose accents OCR lost.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from reimburse.adapters.heuristic.totals import heading_row
from reimburse.adapters.invoice_labels.labels import Label, find_labels
from reimburse.domain.verdict.decide import Claim, decide
from reimburse.domain.verdict.invoice import Invoice
from tests.text_receipts import POLICY, read


def flags(invoice: Invoice) -> set[str]:
    verdict = decide(POLICY, invoice, Claim(employee_name="", submitted_on=date(2100, 1, 1)))
    return {f.code for f in verdict.flags}


def test_a_money_noun_after_total_names_that_total() -> None:
    hits = find_labels("Total charges   310.00")
    assert [(h.label, h.text) for h in hits] == [(Label.TOTAL, "Total charges")]


def test_a_folio_total_charges_is_not_replaced_by_its_included_vat() -> None:
    text = (
        "Lakeside Inn\nGuest folio   Room 12\n03/03/2025   Room   120.00\n04/03/2025   Room   120.00\n"
        "04/03/2025   Bar   18.00\nTotal charges   258.00\nof which VAT 20%   43.00\n"
        "Deposit   -100.00\nPayment card   -158.00\nBalance   0.00\n"
    )
    invoice = read(text)
    assert invoice.total == Decimal("258.00")


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Final Booking Amount   €980.00", Label.GRAND),
        ("Final Amount   €980.00", Label.GRAND),
        ("Valor final da reserva   980,00 €", Label.GRAND),
        ("Importe final   980,00 €", Label.GRAND),
        ("Total (Tax excl.)   €900.00", Label.SUBTOTAL),
        ("Total (s/ IVA)   900,00 €", Label.SUBTOTAL),
        ("Totaal belastingen   € 3,68", Label.TAX_TOTAL),
        ("Total des taxes   CHF 1.05", Label.TAX_TOTAL),
    ],
)
def test_sum_wordings_of_tills_and_booking_invoices(line: str, label: Label) -> None:
    assert find_labels(line)[0].label is label


def test_a_booking_invoice_reads_its_final_amount_not_a_tax_excluded_total() -> None:
    text = (
        "Hotel Belvedere\nInvoice #IN000077   12/05/2025\nTotal Rooms Cost   €800.00\n"
        "Total (Tax excl.)   €800.00\nTotal Tax   €80.00\nFinal Booking Amount   €880.00\n"
    )
    invoice = read(text)
    assert invoice.total == Decimal("880.00")


def test_a_till_tax_total_is_no_rival_total() -> None:
    text = (
        "Bakkerij Van Dam\nBrood   3,20\nTaart   12,50\nTOTAAL   € 15,70\nPin   15,70\n"
        "BTW 9%   1,30\nTotaal belastingen   € 1,30\n"
    )
    invoice = read(text)
    assert invoice.total == Decimal("15.70")
    assert "multiple_totals" not in flags(invoice)


@pytest.mark.parametrize(
    ("text", "total"),
    [
        (
            "Blue Dock Diner\nCheck No: 88   Table: 3\nSubtotal   60.00\nTax   4.80\nTotal   64.80\n"
            "Tips   10.00\nPaid Amount   74.80\nChange   0.00\n",
            "74.80",
        ),
        (
            "Gasthof Krone\nRechnung Nr. 12\nZwischensumme   40,00\nenth. MwSt 19%   6,39\nSumme   40,00\n"
            "Trinkgeld   4,00\nBezahlt   44,00\nRückgeld   0,00\n",
            "44.00",
        ),
    ],
)
def test_a_tip_after_the_total_counts_when_the_payment_prints_the_sum(text: str, total: str) -> None:
    assert read(text).total == Decimal(total)


def test_a_tip_line_without_a_settled_sum_is_not_added() -> None:
    text = "Blue Dock Diner\nSubtotal   60.00\nTax   4.80\nTotal   64.80\nTips   10.00\n"
    assert read(text).total == Decimal("64.80")


@pytest.mark.parametrize(
    ("row", "heading"),
    [
        ("Descrizione Prezzo Quantita Totale", True),
        ("Designation Quantite Montant", True),
        ("Totale   44,16", False),
    ],
)
def test_a_heading_row_is_known_without_its_accents(row: str, heading: bool) -> None:
    assert heading_row(row) is heading


def test_a_money_noun_past_a_column_gap_stays_its_own_label() -> None:
    hits = find_labels("Total   Charges")
    assert [h.label for h in hits] == [Label.TOTAL, Label.WEAK]


@pytest.mark.parametrize(
    "split",
    [
        "Total   640.00 GBP\nDeposit amount (paid)   160.00 GBP\nFinal instalment amount   480.00 GBP\n",
        "Total   640.00 GBP\nDeposit due now   160.00 GBP\nFinal balance amount   480.00 GBP\n",
        "Total   640.00 GBP\nFirst payment amount   160.00 GBP\nFinal payment amount   480.00 GBP\n",
    ],
)
def test_a_final_instalment_of_a_split_price_is_no_grand_total(split: str) -> None:
    text = f"Heather Barn Holidays\nInvoice 3318   02/04/2025\nBarn, 6 nights   640.00 GBP\n{split}"
    assert read(text).total == Decimal("640.00")


@pytest.mark.parametrize("line", ["Final Invoice Amount   €880.00", "Final Bill Amount   €880.00"])
def test_final_and_the_documents_own_noun_name_the_grand_total(line: str) -> None:
    assert find_labels(line)[0].label is Label.GRAND

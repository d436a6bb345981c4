"""Totals as arithmetic: the gross total the items, taxes and labels agree on; the amount due
apart; taxes already included never added twice; flags only when printed amounts disagree.
Each text is synthetic, written in the convention of its language."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal

import pytest

from reimburse.adapters.heuristic import HeuristicInvoiceExtractor
from reimburse.domain.errors import ExtractionError
from reimburse.domain.verdict.decide import Claim, decide
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.policy import Category, Policy
from tests.layout_lines import placed_document

POLICY = Policy(policy_id="pol", currency="EUR", categories=(Category("other"), Category("meals")))
READING = {"total_mismatch", "multiple_totals", "low_confidence"}


def read(text: str) -> Invoice:
    doc = Document("x.pdf", hashlib.sha256(text.encode()).hexdigest(), text, (text,))
    return HeuristicInvoiceExtractor().read(doc, POLICY)


def flags(invoice: Invoice) -> set[str]:
    verdict = decide(POLICY, invoice, Claim(employee_name="", submitted_on=date(2100, 1, 1)))
    return {f.code for f in verdict.flags} & READING


def d(value: str) -> Decimal:
    return Decimal(value)


@pytest.mark.parametrize(
    ("text", "total", "due"),
    [
        (  # German e-invoice rendering: prepayment between gross total and Zahlbetrag
            "Rechnungssumme ohne USt.   177,49\nSteuerbetrag   20,16\nBruttosumme   197,65\n"
            "Erhaltene Anzahlungen   -50,00\nZahlbetrag   147,65",
            "197.65",
            "147.65",
        ),
        (  # French: acompte, then net à payer
            "Total HT   1 000,00\nTVA 20 %   200,00\nTotal TTC   1 200,00\nAcompte versé   300,00\n"
            "Net à payer   900,00",
            "1200.00",
            "900.00",
        ),
        (  # English: deposit and balance due
            "Subtotal   $1,000.00\nSales tax   $80.00\nTotal   $1,080.00\nLess deposit   $500.00\n"
            "Balance due   $580.00",
            "1080.00",
            "580.00",
        ),
        (  # Dutch hotel folio: paid in full
            "Totaal   245,00\nBetaald met pinbetaling   245,00\nOpenstaand saldo   0,00",
            "245.00",
            "0.00",
        ),
    ],
    ids=["de-anzahlung", "fr-acompte", "en-deposit", "nl-paid"],
)
def test_deposit_is_not_the_expense(text: str, total: str, due: str) -> None:
    invoice = read("Invoice 1\n" + text)
    assert invoice.total == d(total)
    assert invoice.amount_due == d(due)
    assert flags(invoice) == set()


def test_cgst_sgst_already_inside_the_subtotal_is_not_added_again() -> None:
    invoice = read(
        "Cab receipt\nTrip fare   180.00\nSubtotal   ₹ 210.00\nCGST 2.5%   ₹ 5.00\nSGST 2.5%   ₹ 5.00\n"
        "Total   ₹ 210.00"
    )
    assert invoice.total == d("210.00")
    assert invoice.taxes == d("10.00")
    assert invoice.subtotal == d("200.00")
    assert flags(invoice) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Summe   118,00 EUR\ndavon MwSt 7%   7,72 EUR",
        "Total TTC   118,00 €\ndont TVA 20 %   19,67 €",
        "Total   £118.00\nincl. VAT   £19.67",
        "Totaal   118,00\nwaarvan btw 9%   9,74",
    ],
    ids=["de", "fr", "en", "nl"],
)
def test_tax_stated_as_included_leaves_the_total_alone(text: str) -> None:
    invoice = read("Receipt\n" + text)
    assert invoice.total == d("118.00")
    assert invoice.subtotal is not None and invoice.taxes is not None
    assert invoice.subtotal + invoice.taxes == invoice.total
    assert flags(invoice) == set()


def test_tax_column_in_the_item_table_does_not_count_twice() -> None:
    invoice = read(
        "Description   Quantity   Unit Price Taxes   Amount\n"
        "Whiteboard Pen   15.00 Units   100.00 VAT 20%   1,500.00 €\n"
        "Screw   45.00 Units   0.20 VAT 20%   9.00 €\n"
        "Subtotal   1,509.00 €\nVAT 20%   301.80 €\nTotal   1,810.80 €"
    )
    assert (invoice.total, invoice.subtotal, invoice.taxes) == (d("1810.80"), d("1509.00"), d("301.80"))
    assert flags(invoice) == set()


def test_tip_after_tax_is_part_of_the_total() -> None:
    invoice = read("Diner\nSubtotal   44.94\nTax   3.76\nGratuity   9.74\nTotal   58.44\nMaster Card   58.44")
    assert invoice.total == d("58.44")
    assert flags(invoice) == set()


def test_subtotal_taxes_and_total_that_disagree_are_flagged() -> None:
    invoice = read("Invoice 7\nSubtotal   100.00\nVAT 20%   20.00\nTotal   150.00")
    assert invoice.total == d("150.00")
    assert "total_mismatch" in flags(invoice)


def test_two_unrelated_totals_are_flagged() -> None:
    invoice = read("Invoice 7\nGrand Total   180.00\nTotal   200.00\nNotes: thank you")
    assert "multiple_totals" in flags(invoice)
    invoice = read("Invoice 7\nTotal   100.00\nTotal   180.00\nNotes: thank you")
    assert "multiple_totals" in flags(invoice)


def test_partial_totals_beside_a_grand_total_are_parts() -> None:
    invoice = read(
        "Tax invoice\nTotal 6% supplies (excl. GST): 28.32\nGST: 1.69\nTotal 6% supplies (Inc. GST): 30.01\n"
        "Total 0% supplies: -7.43\nTotal Payable: 22.58"
    )
    assert invoice.total == d("22.58")
    assert flags(invoice) == set()


def test_total_sales_inclusive_of_gst_is_the_total() -> None:
    invoice = read(
        "SIMPLIFIED TAX INVOICE\nTotal Sales (Excluding GST) :   153.50\nTotal GST :   9.21\n"
        "Total Sales (Inclusive of GST) :   162.71\nCASH :   162.71"
    )
    assert invoice.total == d("162.71")
    assert flags(invoice) == set()


@pytest.mark.parametrize(
    ("title", "text", "total"),
    [
        (
            "Rechnungskorrektur",
            "Rechnungssumme ohne USt.   -7,67\nSteuerbetrag   -1,12\nBruttosumme   -8,79",
            "-8.79",
        ),
        ("Gutschrift", "Nettobetrag   -50,00\nMwSt 19 %   -9,50\nGesamtbetrag   -59,50", "-59.50"),
        ("Avoir", "Total HT   -218,48 €\nTotal TTC   -233,47 €", "-233.47"),
        ("Credit note", "Subtotal   -10.00\nTotal   -12.00", "-12.00"),
    ],
)
def test_corrective_invoice_and_credit_note_keep_their_negative_total(
    title: str, text: str, total: str
) -> None:
    assert read(f"{title} Nr. 5\n{text}").total == d(total)


@pytest.mark.parametrize(
    ("text", "total"),
    [
        ("Kassenbon\n1 Kaffee   3,50\nBezahlt   3,50", "3.50"),
        ("Kvitto\n1 Burger   185,00\nBetalt   185,00", "185.00"),
        ("Receipt\n1 Coffee   4.20\nCard   4.20", "4.20"),
        ("Ticket\n1 café   2,40\nEspèces   5,00\nRendu   2,60", "2.40"),
        ("Kvitto\nNet   220,54\nVAT 12%   26,46\nSubtotal   247,00\nKort   247,00", "247.00"),
    ],
    ids=["de-bezahlt", "sv-betalt", "en-card", "fr-cash-change", "sv-subtotal"],
)
def test_a_receipt_with_only_a_paid_amount_has_a_total(text: str, total: str) -> None:
    assert read(text).total == d(total)


@pytest.mark.parametrize(
    ("line", "total"),
    [
        ("1'otal   27.12", "27.12"),
        ("lotaal   16,00", "16.00"),
        ("Tota l   44.60", "44.60"),
    ],
)
def test_total_word_garbled_by_ocr_is_still_a_total(line: str, total: str) -> None:
    assert read(f"Bar receipt\n1 Beer   12.00\n{line}").total == d(total)


def test_a_total_word_inside_a_sentence_is_no_label() -> None:
    invoice = read(
        "Facture\nMontant prélevé le 16 novembre 2019   12,99\n"
        "Rappel : vous avez souscrit une facilité de 24 mensualités de 8,00€ d'un montant total de\n192,00€."
    )
    assert invoice.total == d("12.99")
    assert invoice.candidate_totals == (d("12.99"),)


@pytest.mark.parametrize(
    ("text", "total"),
    [
        ("Gesamtbetrag   1.234,56 €", "1234.56"),
        ("Montant TTC   1 234,56 €", "1234.56"),
        ("Grand Total   $1,234.56", "1234.56"),
        ("Grand Total   ₹ 6,54,321.00", "654321.00"),
        ("Importe total   1.234,56 €", "1234.56"),
        ("Totale documento   1.234,56 €", "1234.56"),
        ("Te betalen   € 1.234,56", "1234.56"),
    ],
)
def test_amount_formats_and_languages(text: str, total: str) -> None:
    assert read("Invoice\n" + text).total == d(total)


def test_an_identifier_beside_a_tax_word_is_not_a_tax() -> None:
    invoice = read("Hotel\nTotal   118.00\nMwSt 7%   7,72\nUSt-IdNr DE 190145566\nSt-Nr 123/456/78901")
    assert invoice.taxes is None or invoice.taxes < invoice.total
    assert flags(invoice) == set()


@pytest.mark.parametrize(
    ("text", "total"),
    [
        ("Celkem k úhradě   1 234,00 Kč", "1234.00"),
        ("Razem   45,00 zł", "45.00"),
        ("Kokku   12,50", "12.50"),
        ("Summa att betala   247,00 kr", "247.00"),
        ("Totalt   120,00 kr", "120.00"),
    ],
    ids=["cs", "pl", "et", "sv", "no"],
)
def test_total_words_of_neighbouring_languages(text: str, total: str) -> None:
    assert read("Receipt\n" + text).total == d(total)


def test_a_bilingual_label_is_one_label_and_a_table_heading_is_none() -> None:
    invoice = read(
        "Hotel folio\nUkupno / Total   HRK   3,563.84\nZa platiti / Balance   0.00\n"
        "Tourist tax\nStatus   Osoba   Dana   Cijena   Ukupno   40.00\nN   2   2   10.00   40.00"
    )
    assert invoice.total == d("3563.84")
    assert invoice.amount_due == d("0.00")
    assert flags(invoice) == set()


@pytest.mark.parametrize(
    ("line", "total"),
    [("Total   44 . 60E", "44.60"), ("Tota l   44 ,60f", "44.60"), ("Totaal   5)60", "5.60")],
)
def test_decimal_mark_split_off_by_ocr_is_joined_on_a_total_line(line: str, total: str) -> None:
    assert read(f"Cafe\n1 Cake   4.20\n{line}").total == d(total)


def test_split_decimals_are_left_alone_on_lines_that_are_no_sum() -> None:
    invoice = read("Cafe\nTable 12 , 40 guests\nTotal   12.40")
    assert invoice.total == d("12.40")


def test_a_tax_above_its_printed_rate_is_a_contradiction() -> None:
    # 1419.00 + 302.00 = 1721.00 adds up, but 15 % of 1419.00 is 212.85: the tax cannot be right.
    invoice = read(
        "FACTURA\nTOTAL PARCIAL   1419.00\nTASA DE IMPUESTO   15,00%\nTOTAL IMPUESTOS   302.00\n"
        "TOTAL   1721.00"
    )
    assert invoice.total == d("1721.00")
    assert "total_mismatch" in flags(invoice)


@pytest.mark.parametrize(
    "text",
    [
        "Sub Total   1,000.00\nCGST 2.5%   25.00\nSGST 2.5%   25.00\nGrand Total   1,050.00",
        "Zwischensumme   100,00\nMwSt 19%   19,00\nGesamtbetrag   119,00",
        # Part of the bill is exempt: the tax is below the rate times the subtotal, which is fine.
        "Subtotal   100.00\nVAT 20%   10.00\nTotal   110.00",
    ],
)
def test_taxes_within_their_printed_rates_raise_nothing(text: str) -> None:
    assert flags(read("Invoice\n" + text)) == set()


def test_a_weak_amount_is_low_confidence_unless_a_payment_states_it() -> None:
    alone = read("Parking\nAmount   12.00")
    assert alone.total == d("12.00") and "low_confidence" in flags(alone)
    paid = read("Parking\nAmount   12.00\nPaid by card   12.00")
    assert paid.total == d("12.00") and flags(paid) == set()


def test_a_total_with_its_value_under_it_in_the_same_column() -> None:
    doc = placed_document(
        [
            [(40, 100, "Invoice 12")],
            [(40, 300, "Steel rods"), (400, 300, "150.00")],
            [(40, 400, "Please make cheques payable to Contoso"), (450, 400, "Total")],
            [(40, 414, "Contoso Ltd"), (440, 414, "GBP 180.00")],
        ]
    )
    invoice = HeuristicInvoiceExtractor().read(doc, POLICY)
    assert invoice.total == d("180.00")


def test_a_value_under_a_label_in_another_column_is_not_taken() -> None:
    doc = placed_document(
        [
            [(40, 100, "Invoice 12")],
            [(40, 400, "Please make cheques payable to Contoso"), (450, 400, "Total")],
            [(40, 414, "Account 1234   99.00")],
            [(40, 500, "Amount due"), (450, 500, "120.00")],
        ]
    )
    invoice = HeuristicInvoiceExtractor().read(doc, POLICY)
    assert invoice.total == d("120.00")


@pytest.mark.parametrize(
    ("line", "total"),
    [("Surnme   12,50", "12.50"), ("Gesarntbetrag   45,00", "45.00"), ("Total   27 12", "27.12")],
)
def test_ocr_letter_and_digit_confusions_in_sum_lines(line: str, total: str) -> None:
    assert read(f"Beleg\n1 Kaffee   3,50\n{line}").total == d(total)


def test_an_unlabelled_amount_printed_twice_is_a_weak_total_for_review() -> None:
    # The items do not add up to it (that would confirm it: tests/unit/test_total_evidence.py).
    invoice = read("Cafe\n1 Cake   4.20\n1 Tea   3.00\nXyzq   7.90\nSlip   7.90")
    assert invoice.total == d("7.90")
    assert "low_confidence" in flags(invoice)


def test_nothing_printed_twice_and_no_label_is_still_no_total() -> None:
    with pytest.raises(ExtractionError):
        read("Cafe\n1 Cake   4.20\n1 Tea   3.00")


def test_no_mismatch_is_claimed_over_a_line_that_was_not_understood() -> None:
    # 100 + 20 is not 135, but "Zustellung 15,00" between them was not read as a label.
    invoice = read(
        "Rechnung 5\nZwischensumme   100,00\nMwSt 20%   20,00\nZustellung   15,00\nGesamtbetrag   135,00"
    )
    assert invoice.total == d("135.00")
    assert flags(invoice) == set()


def test_an_amount_inclusive_of_tax_that_no_sum_exceeds_is_the_total() -> None:
    invoice = read(
        "TAX INVOICE\nTotai Sales (Excluding GST) :   109.70\nTotal GST   6.58\n"
        "Totai Sales (Inclusive of GST) :   116.28\nCASH :   116.28\nChange :   0.00"
    )
    assert invoice.total == d("116.28")
    assert flags(invoice) == set()


def test_subtotal_and_tax_confirm_an_unlabelled_total_over_a_cash_amount() -> None:
    invoice = read(
        "TAX INVOICE\nTOTAL EXCL. GST   28.11\nADD: GST @ 6%   1.69\n29.80\nCASH   50.00\nXyz   1.00"
    )
    assert invoice.total == d("29.80")
    assert flags(invoice) == set()


def test_an_item_under_a_total_column_heading_is_not_the_total() -> None:
    doc = placed_document(
        [
            [(40, 100, "Qty Code/Desc"), (400, 100, "Total RM")],
            [(40, 114, "3 SABA SET"), (400, 114, "53.70")],
            [(40, 300, "Total Amount:"), (400, 300, "57.80")],
        ]
    )
    invoice = HeuristicInvoiceExtractor().read(doc, POLICY)
    assert invoice.total == d("57.80")
    assert invoice.candidate_totals == (d("57.80"),)


def test_a_total_whose_decimal_point_ocr_dropped_is_read_by_the_other_sums() -> None:
    invoice = read("myNEWS\nSUB TOTAL   10.00\nGRANDTOTAL   1000\nCASH   20.00\nCHANGE DUE   10.00")
    assert invoice.total == d("10.00")
    assert flags(invoice) == set()


def test_a_whole_total_beside_different_sums_stays_whole() -> None:
    assert read("Shop\nSubtotal   950.00\nTax   50.00\nTotal   1000").total == d("1000")


def test_the_rounded_total_is_what_was_charged() -> None:
    invoice = read(
        "TAX INVOICE\nEat-In Total (incl GST)   29.28\nRounding Adjust   0.02\nTotal Rounded   29.30\n"
        "Cash Tendered   50.00\nChange   20.70"
    )
    assert invoice.total == d("29.30")
    assert flags(invoice) == set()


def test_a_previous_unpaid_balance_is_neither_the_total_nor_a_rival() -> None:
    invoice = read(
        "INVOICE\nSubtotal   $100.00\nSales tax   $10.00\nTotal   $110.00\n"
        "Previous unpaid balance   $500.00\nAmount due   $610.00"
    )
    assert invoice.total == d("110.00")
    assert invoice.amount_due == d("610.00")
    assert flags(invoice) == set()


def test_nett_total_and_inclusive_gst_wordings() -> None:
    assert read("Receipt\nNETT TOTAL   RM 23.50").total == d("23.50")
    assert read("Receipt\nTotal Sales Inclusive GST   23.50\nCash   50.00").total == d("23.50")


def test_totals_of_parts_that_add_up_to_the_total_are_no_rivals() -> None:
    invoice = read("Folio\n12.08. Room   Total   50.00\n13.08. Room   Total   68.00\nTotal   118.00")
    assert invoice.total == d("118.00")
    assert flags(invoice) == set()


def test_a_label_alone_on_its_line_takes_the_value_on_its_row() -> None:
    # Bigger values on their own baselines: the text lines come out as labels, then values.
    doc = placed_document(
        [
            [(40, 100, "Invoice 12")],
            [(40, 300, "SUBTOTAL")],
            [(40, 316, "SALES TAX")],
            [(40, 332, "TOTAL")],
            [(400, 297, "$100.00")],
            [(400, 313, "$10.00")],
            [(400, 329, "$110.00")],
        ]
    )
    invoice = HeuristicInvoiceExtractor().read(doc, POLICY)
    assert (invoice.total, invoice.subtotal, invoice.taxes) == (d("110.00"), d("100.00"), d("10.00"))


@pytest.mark.parametrize(
    ("text", "total"),
    [
        # a total word the label lists do not hold, run together with the next word
        ("Pekarna\nRohlik   12,00\nTotalbelopp   48,00\nHotove   50,00", "48.00"),
        # no total word at all, but the amounts carry their currency
        # (the items do not add up to it: if they did, the arithmetic would confirm it)
        ("Boulangerie\nBaguette   €1.20\nCroissant   €2.40\n€3.90", "3.90"),
    ],
    ids=["total-like-word", "currency"],
)
def test_an_unlabelled_total_is_read_as_a_weak_guess_not_a_failure(text: str, total: str) -> None:
    invoice = read(text)
    assert invoice.total == d(total)
    assert "low_confidence" in flags(invoice)

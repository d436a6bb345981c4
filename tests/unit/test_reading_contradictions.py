"""Contradictions a reviewer accepts, and busy documents left alone (issue 11, set F).

An amount due that disagrees with a total its subtotal and taxes reach, with no payment, deposit,
previous balance or credit printed, cannot be right together with it; nor can items that add up to
more than the total with no discount printed. Busy but consistent documents stay unflagged.
Texts are synthetic, written for these tests.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reimburse.adapters.heuristic import HeuristicInvoiceExtractor
from reimburse.adapters.heuristic.due_contradiction import EXPLAINING, PrintedDue, due_contradiction
from reimburse.adapters.invoice_labels.labels import Label
from reimburse.domain.verdict.document import Document, Line, Page
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.policy import Category, Policy
from tests.layout_lines import line_of_cells

POLICY = Policy(policy_id="pol_contra", currency="EUR", categories=(Category("supplies", ("binding",)),))


async def _extract(text: str) -> Invoice:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return await HeuristicInvoiceExtractor().extract(Document("invoice.pdf", sha, text), POLICY)


def _codes(invoice: Invoice) -> set[str]:
    return {f.code for f in invoice.reading_flags}


_FACTURE = (
    "Reliure Dufresne SARL\n3 rue du Moulin, 59000 Lille\nFACTURE N° RD-118   Date : 02/10/2025\n"
    "Désignation   Qté   Total HT\nReliure cuir   2   150,00\n\n"
    "Total HT   150,00 €\nTVA 20 %   30,00 €\nTotal TTC   180,00 €\n{extra}"
)
_INVOICE = (
    "Kaveri Print Works\nTAX INVOICE   Invoice No: KP-77   Date: 03-09-2025\n"
    "Description   Amount\nBrochures   40,000.00\nPosters   10,000.00\n"
    "Sub Total   50,000.00\nIGST 18%   9,000.00\nTotal   59,000.00\n{extra}"
)


@pytest.mark.parametrize(
    ("template", "extra", "total"),
    [
        (_FACTURE, "Montant à payer   205,00 €", "180.00"),
        (_INVOICE, "PLEASE PAY   54,000.00", "59000.00"),
        # the last due printed is judged: the first repeats the total, the last disagrees
        (_INVOICE, "Amount due   59,000.00\nPLEASE PAY   54,000.00", "59000.00"),
    ],
)
async def test_an_amount_due_nothing_explains_is_flagged(template: str, extra: str, total: str) -> None:
    invoice = await _extract(template.format(extra=extra))
    assert invoice.total == Decimal(total)
    assert "total_mismatch" in _codes(invoice)


@pytest.mark.parametrize(
    "extra",
    [
        "Acompte versé   -30,00 €\nMontant à payer   150,00 €",  # a deposit
        "Carte bancaire   100,00 €\nReste à payer   80,00 €",  # a payment
        "Solde antérieur   25,00 €\nMontant à payer   205,00 €",  # a previous balance
        "Frais de relance   25,00 €\nMontant à payer   205,00 €",  # a fee of the same size
        "Frais de retard 12,00 €\nMontant à payer   192,00 €",  # the difference is printed
        "Montant à payer   180,00 €",  # the same sum
        "Montant à payer   0,00 €",  # settled
        "Montant à payer   209,00 USD",  # the same sum in a second currency
        "Frais de port   15,00 €\nEmballage   10,00 €\nMontant à payer   205,00 €",  # two fees
        "Retenue 5 %   9,00 €\nRetenue 10 %   18,00 €\nMontant à payer   153,00 €",  # two deductions
        "Montant à payer   180,00 €\nMontant à payer après le 02/11/2025   185,40 €",  # a late price
        "Montant à payer   180,00 €\nSi réglé après échéance, montant à payer   185,40 €",
        "Payable en 3 fois.\nMontant à payer now   60,50 €",  # an instalment
        "Montant à payer   180,00 €\nSolde de votre compte   420,00 €",  # an account's balance
        "Montant à payer   60",  # no cents: a column heading's number, not money
    ],
)
async def test_an_amount_due_the_page_explains_is_left_alone(extra: str) -> None:
    invoice = await _extract(_FACTURE.format(extra=extra))
    assert "total_mismatch" not in _codes(invoice)


@pytest.mark.parametrize(
    "due",
    [
        PrintedDue(Decimal("236.00"), "Amount due after 03/10/2025   236.00", decimals=True),  # a date
        PrintedDue(Decimal("236.00"), "If paid late, amount due   236.00", decimals=True),
        PrintedDue(Decimal("60.00"), "Amount due now   60.00", decimals=True),
        PrintedDue(Decimal("60.00"), "Second instalment due   60.00", decimals=True),
        PrintedDue(Decimal("420.00"), "Your account balance   420.00", decimals=True),
        PrintedDue(Decimal("60"), "31-60 Days   Amount Due", decimals=False),
    ],
)
def test_a_due_owed_at_another_time_or_not_printed_as_money_is_not_judged(due: PrintedDue) -> None:
    total = Decimal("200.00")
    assert due_contradiction(total, [due], confirmed=True, labels=[], carried=False, printed=[]) is None
    judged = PrintedDue(due.value, "Amount due", decimals=True)
    assert (
        due_contradiction(total, [judged], confirmed=True, labels=[], carried=False, printed=[]) is not None
    )


def test_a_late_price_beside_the_due_is_never_held_against_the_total() -> None:
    total = Decimal("200.00")
    same = PrintedDue(total, "Amount due", decimals=True)
    late = PrintedDue(Decimal("206.00"), "Amount due after 03/10/2025   206.00", decimals=True)
    for dues in ([same, late], [late, same]):
        assert due_contradiction(total, dues, confirmed=True, labels=[], carried=False, printed=[]) is None
    # two dues printed plainly cannot both be right, whichever comes first
    other = PrintedDue(Decimal("180.00"), "PLEASE PAY", decimals=True)
    for dues in ([same, other], [other, same]):
        assert due_contradiction(total, dues, confirmed=True, labels=[], carried=False, printed=[])


@given(
    st.decimals(min_value=1, max_value=10_000, places=2),
    st.decimals(min_value="0.01", max_value=500, places=2),
    st.decimals(min_value="0.01", max_value=500, places=2),
    st.booleans(),
)
def test_a_difference_printed_as_one_or_two_amounts_explains_the_due(
    total: Decimal, a: Decimal, b: Decimal, below: bool
) -> None:
    gap = a + b
    due = PrintedDue(total - gap if below else total + gap, "Amount due", decimals=True)
    for printed in ([a, b], [-a, -b], [gap], [-gap]):
        assert (
            due_contradiction(total, [due], confirmed=True, labels=[], carried=False, printed=printed) is None
        )


async def test_a_zero_payment_explains_nothing_and_a_credit_below_zero_explains_the_due() -> None:
    flagged = await _extract(_FACTURE.format(extra="Acompte   0,00 €\nMontant à payer   205,00 €"))
    assert "total_mismatch" in _codes(flagged)
    for credit in ("Solde   -10,00 €", "Avoir n° 12   -10,00 €"):  # labelled or not
        invoice = await _extract(_FACTURE.format(extra=f"{credit}\nMontant à payer   205,00 €"))
        assert "total_mismatch" not in _codes(invoice)


async def test_an_amount_due_in_a_currency_the_total_does_not_print_is_left_alone() -> None:
    # _INVOICE prints no currency on its total: an amount due in euros is that total converted
    invoice = await _extract(_INVOICE.format(extra="Amount due   EUR 640.00"))
    assert invoice.total == Decimal("59000.00")
    assert "total_mismatch" not in _codes(invoice)


@given(
    st.sampled_from(sorted(EXPLAINING)),
    st.decimals(min_value=1, max_value=10_000, places=2),
    st.decimals(min_value=1, max_value=10_000, places=2),
)
def test_a_printed_payment_deposit_or_reduction_always_explains_the_due(
    label: Label, total: Decimal, due: Decimal
) -> None:
    printed = [PrintedDue(due, "Amount due", decimals=True)]
    assert (
        due_contradiction(total, printed, confirmed=True, labels=[label], carried=False, printed=[]) is None
    )


@given(
    st.decimals(min_value=1, max_value=10_000, places=2), st.decimals(min_value=1, max_value=10_000, places=2)
)
def test_an_unconfirmed_total_or_a_carried_balance_is_never_contradicted(
    total: Decimal, due: Decimal
) -> None:
    dues = [PrintedDue(due, "Amount due", decimals=True)]
    assert due_contradiction(total, dues, confirmed=False, labels=[], carried=False, printed=[]) is None
    assert due_contradiction(total, dues, confirmed=True, labels=[], carried=True, printed=[]) is None


_RECEIPT = "CAFE DES LILAS\n12 rue Oberkampf, 75011 Paris\n21/10/2025 12:40\n{items}\nTOTAL   {total}\nCB   {total}\n{after}"


async def test_items_above_the_total_with_no_discount_are_flagged() -> None:
    items = "2 Croque monsieur   17,00\n1 Salade niçoise   12,50\n2 Eau gazeuse   6,00"
    invoice = await _extract(_RECEIPT.format(items=items, total="32,50", after=""))
    assert invoice.total == Decimal("32.50")
    assert "total_mismatch" in _codes(invoice)


@pytest.mark.parametrize(
    ("items", "total", "after"),
    [
        (
            "2 Croque monsieur   17,00\n1 Salade niçoise   12,50\n2 Eau gazeuse   6,00",
            "35,50",
            "",
        ),  # consistent
        (
            "2 Croque monsieur   17,00\n1 Salade niçoise   12,50\n2 Eau gazeuse   6,00\nRemise fidélité   -3,00",
            "32,50",
            "",
        ),
        ("2 Croque monsieur   17,00\n1 Salade niçoise   12,50", "32,50", ""),  # below: a line unread
        (
            "Croque monsieur   17,00\nSalade niçoise   12,50\nRepas   29,50",
            "29,50",
            "",
        ),  # an unlabelled running sum
        (
            "Croque monsieur   17,00\nSalade niçoise   12,50",
            "26,50",
            "Carte fidélité : 3,00 offerts",
        ),  # gap printed
        (
            "Croque monsieur   17,00\nSalade niçoise   12,50\nRepas   29,50\nTVA 10 %   2,95",
            "32,45",
            "",
        ),  # an unlabelled running sum, then a tax: the difference is printed nowhere
        (
            "Croque monsieur   17,00\nSalade niçoise   12,50\nCroque monsieur   17,00\nSalade niçoise   12,50",
            "29,50",
            "",
        ),  # the ticket printed twice
        (
            "Baguette   1,20\nFromage   6,40\nPrix carte   -0,80\nJambon   3,90",
            "10,70",
            "",
        ),  # a reduction, its size printed
        (
            "Shampooing   4,00\nSoin   4,00\nOffre   -1,00\nOffre   -1,00",
            "6,00",
            "",
        ),  # two reductions below zero under a name the reader does not know
    ],
)
async def test_items_the_total_accounts_for_are_left_alone(items: str, total: str, after: str) -> None:
    invoice = await _extract(_RECEIPT.format(items=items, total=total, after=after))
    assert "total_mismatch" not in _codes(invoice)


_CHECK = (
    "THE ANCHOR GRILL\n40 Wharf St, Salem MA\nCheck 512   09/14/2025 8:05 PM\n"
    "Clam chowder   9.00\nFish tacos   21.00\nSubtotal   30.00\nTax 6.25%   1.88\nTOTAL   31.88\n"
    "VISA ****4821   APPROVED\n{slip}"
)


@pytest.mark.parametrize("slip", ["AMOUNT PAID   $36.88", "VISA   $36.88"])
async def test_a_card_charged_above_a_confirmed_total_is_flagged(slip: str) -> None:
    invoice = await _extract(_CHECK.format(slip=slip))
    assert invoice.total == Decimal("31.88")
    assert "total_mismatch" in _codes(invoice)


@pytest.mark.parametrize(
    "slip",
    [
        "AMOUNT PAID   $31.88",  # the same sum
        "AMOUNT PAID   $25.00\nCASH   $6.88",  # split: card below the total
        "TIP\nAMOUNT PAID   $36.88",  # a tip, its amount handwritten and unread
        "Delivery 5.00\nAMOUNT PAID   $36.88",  # the difference is printed
        "Auth 0047112",  # no amount on the slip; the card's digits are no money
        "AMOUNT   $36.88",  # a bare amount, not said to be paid
        "Minimum amount   50.00",  # a card's minimum, not a charge
        "Cashback   20.00\nCard fee   0.50\nAMOUNT PAID   $52.38",  # cash handed out and a fee
        "Incl. 1.5% card surcharge\nAMOUNT PAID   $32.36",  # a surcharge given as a rate
        "Pre-authorisation   $100.00",  # a hold, not the charge
        "AMOUNT PAID   USD 36.70\nExchange rate 1.1512",  # converted to the card's currency
    ],
)
async def test_a_card_charge_the_page_explains_is_left_alone(slip: str) -> None:
    invoice = await _extract(_CHECK.format(slip=slip))
    assert "total_mismatch" not in _codes(invoice)


async def test_a_card_charged_in_another_currency_than_the_total_is_left_alone() -> None:
    check = _CHECK.replace("TOTAL   31.88", "TOTAL   $31.88")
    assert "total_mismatch" in _codes(await _extract(check.format(slip="AMOUNT PAID   $36.88")))
    assert "total_mismatch" not in _codes(await _extract(check.format(slip="AMOUNT PAID   EUR 36.88")))


async def test_a_card_is_held_only_against_a_total_its_subtotal_and_taxes_reach() -> None:
    no_parts = _CHECK.replace("Subtotal   30.00\nTax 6.25%   1.88\nTOTAL   31.88", "TOTAL   30.00")
    assert "total_mismatch" not in _codes(await _extract(no_parts.format(slip="AMOUNT PAID   $36.88")))


async def test_cash_tendered_above_the_total_is_no_contradiction() -> None:
    text = _CHECK.replace("VISA ****4821   APPROVED\n", "").format(slip="CASH   $40.00")
    invoice = await _extract(text)
    assert "total_mismatch" not in _codes(invoice)


def _laid_out(*lines: Line) -> Document:
    page = Page(1, 600, 800, lines)
    text = "\n".join(line.text for line in lines)
    return Document("invoice.pdf", "0" * 64, text, (text,), (page,))


async def test_an_amount_due_under_its_heading_in_a_row_of_labels_is_read() -> None:
    document = _laid_out(
        line_of_cells((50, "Nilgiri Signage Pvt Ltd"), top=40),
        line_of_cells(
            (50, "Bill to: Harbour Foods"), (300, "DATE"), (380, "PLEASE PAY"), (480, "DUE DATE"), top=100
        ),
        line_of_cells((300, "12-09-2025"), (380, "48,000.00"), (480, "12-10-2025"), top=116),
        line_of_cells((50, "Shop signs"), (480, "50,000.00"), top=200),
        line_of_cells((300, "SUBTOTAL"), (480, "50,000.00"), top=260),
        line_of_cells((300, "IGST 18%"), (480, "9,000.00"), top=276),
        line_of_cells((300, "TOTAL"), (480, "59,000.00"), top=292),
    )
    invoice = await HeuristicInvoiceExtractor().extract(document, POLICY)
    assert invoice.total == Decimal("59000.00")
    assert "total_mismatch" in _codes(invoice)

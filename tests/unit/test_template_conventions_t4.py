"""Conventions of invoicing templates in languages and countries the earlier sets held least
(issue 11, set T4): space-grouped amounts and the CFA franc, the rand sign, statements that carry
a previous balance, deposit invoices, seller and buyer headings in Portuguese, Polish and Czech,
the salesperson of a Spanish sale, and totals worded as what is to pay. Texts are synthetic.
"""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal

import pytest

from reimburse.adapters.heuristic import HeuristicInvoiceExtractor
from reimburse.adapters.heuristic.amounts import find_amounts
from reimburse.adapters.heuristic.invoice_dates import read_dates
from reimburse.adapters.heuristic.totals import analyse_lines
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.policy import Category, Policy
from tests.vendor_text import vendor_of

POLICY = Policy(policy_id="pol_t4", currency="XXX", categories=(Category("services", ("design",)),))


async def _extract(text: str) -> Invoice:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return await HeuristicInvoiceExtractor().extract(Document("invoice.pdf", sha, text), POLICY)


def _amounts(text: str) -> list[tuple[Decimal, str | None]]:
    return [(a.value, a.currency) for a in find_amounts(text)]


# -- amounts ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Net à payer   2 345 600 F CFA", [(Decimal("2345600"), "XOF")]),
        ("Montant   87 500 FCFA", [(Decimal("87500"), "XOF")]),
        ("Amount due   R12 480,50", [(Decimal("12480.50"), "ZAR")]),
        ("Total   R 349.99", [(Decimal("349.99"), "ZAR")]),
    ],
)
def test_the_cfa_franc_and_the_rand_are_read_with_their_whole_amount(
    text: str, expected: list[tuple[Decimal, str | None]]
) -> None:
    assert _amounts(text) == expected


@pytest.mark.parametrize("text", ["Sous-total   4 250 000 F", "Reste   17 300", "Montant R9 114,25 payé"])
def test_a_space_grouped_number_is_never_read_by_its_head_or_its_last_group(text: str) -> None:
    # without a currency it reads as money only as a column's whole value; never "000" or "4"
    values = [v for v, _ in _amounts(text)]
    assert not any(
        v in (Decimal("4"), Decimal("250"), Decimal("17"), Decimal("300"), Decimal("114.25")) for v in values
    )


@pytest.mark.parametrize("text", ["Room 1 100.00", "Table 4   2 x 12,50", "Rs. 120.00"])
def test_quantities_beside_prices_and_rupees_stay_as_they_were(text: str) -> None:
    assert _amounts(text)  # read as before: the group rules leave decimal points and rupees alone
    assert all(c != "ZAR" for _, c in _amounts(text))


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        # a "₹" read as "R" on a bill from India: the country decides, not the letter
        ("Kumar Caterers\nGSTIN 29ABCDE1234F1Z5\nBengaluru, Karnataka\nTotal R 840.00", "INR"),
        # nothing places the issuer: no currency rather than a guessed rand
        ("Corner Deli\nSandwich R 45.90\nTotal R 45.90", None),
        # South African evidence: its country, calling code or VAT number
        ("Karoo Padstal\nOudtshoorn, South Africa\nTotal R 89.90", "ZAR"),
        ("Karoo Padstal\nTel +27 44 272 0000\nTotal R 89.90", "ZAR"),
        ("Karoo Padstal\nVAT No: 4870112233\nTotal R 89.90", "ZAR"),
    ],
)
async def test_a_bare_r_is_the_rand_only_beside_south_african_evidence(
    text: str, currency: str | None
) -> None:
    assert (await _extract(text)).currency == currency


async def test_an_invoice_in_cfa_francs_reads_its_whole_total_and_its_currency() -> None:
    text = (
        "SAHEL FROID SERVICES\nFACTURE\n#FS-2025-041\nFacturé le : 3 mars 2025\n\n"
        "Désignation   Quantité   Prix   Total\nClimatiseur split 12000 BTU   3   285 000   855 000\n"
        "Sous Total   855 000 F\n\nTOTAL HT   855 000 F CFA\nTVA   153 900 F CFA\nTOTAL TTC   1 008 900 F CFA\n"
        "Sahel Froid Services SARL – Dakar – Tél. +221 33 824 19 07"
    )
    invoice = await _extract(text)
    assert invoice.total == Decimal("1008900")
    assert invoice.currency == "XOF"
    assert invoice.invoice_date == date(2025, 3, 3)


async def test_a_cameroonian_issuer_settles_the_central_african_franc() -> None:
    text = (
        "Douala Print SARL\nTél. +237 6 99 41 20 77\nFacture n° DP-118\nDate : 12/05/2025\n\n"
        "Impression flyers   1   240 000 FCFA\nTOTAL TTC   286 200 FCFA"
    )
    invoice = await _extract(text)
    assert (invoice.total, invoice.currency) == (Decimal("286200"), "XAF")


# -- statements and deposits ------------------------------------------------------------------


async def test_a_statement_s_new_charges_are_the_total_not_the_balance_due() -> None:
    text = (
        "Harbourline Telecom Pty Ltd\nInvoice date   Invoice #\nMar 1 2025   55120\n\n"
        "Mobile plan (03/01/25 - 03/31/25)   $39.00\nTotal New Charges   $39.00\nPrevious Balance   $25.00\n"
        "Payment received 02/14/25   $-10.00\nBalance Due   $54.00"
    )
    invoice = await _extract(text)
    assert invoice.total == Decimal("39.00")
    assert invoice.amount_due == Decimal("54.00")


@pytest.mark.parametrize(
    "text",
    [
        "Harbourline Telecom Pty Ltd\nMelbourne VIC 3000   Mar 1 2025\n\n"
        "Mobile plan (03/01/25 - 03/31/25)   $39.00\nPayment received 02/14/25   $-10.00\nBalance Due   $54.00",
        # the payment printed first: its date would be the first free one if it were not claimed
        "Harbourline Telecom Pty Ltd\nPayment received 02/14/25   $-10.00\nMelbourne VIC 3000   Mar 1 2025\n\n"
        "Mobile plan (03/01/25 - 03/31/25)   $39.00\nBalance Due   $54.00",
    ],
)
def test_a_date_printed_alone_stays_free_when_a_period_starts_on_it_and_a_payment_date_is_claimed(
    text: str,
) -> None:
    reading = read_dates(analyse_lines(text.split("\n")), text, stay=False, currency="USD")
    assert reading.invoice_date == date(2025, 3, 1)


async def test_a_deposit_invoice_s_heading_is_no_deposit_paid() -> None:
    # "Acompte de 30% sur devis D-2025-017": the invoice is the deposit; "017" is a quote's number
    text = (
        "Studio Brume\n12 rue Lepic, 75018 Paris\nFacture // FA-2025-040\nDate // 04/03/2025\n"
        "Facture d'acompte\nACOMPTE DE 30% SUR DEVIS D-2025-017 DU 20/02/2025\n\n"
        "Total HT :   1.500 €\nTVA (20%) :   300 €\nTotal à régler :   1.800 €"
    )
    invoice = await _extract(text)
    assert invoice.total == Decimal("1800")
    assert invoice.amount_due == Decimal("1800")


@pytest.mark.parametrize(
    ("lines", "due"),
    [
        ("Brutto   980,00 SEK\nBetalt   980,00 SEK\nAtt betala   0,00 SEK", Decimal("0.00")),
        ("Subtotaal   € 500,00\nBTW 21%   € 105,00\nTotaal te betalen   € 605,00", Decimal("605.00")),
        (
            "Wartość brutto   246,00\nRazem do zapłaty:   246,00 zł\nSaldo na dzień wystawienia faktury:   410,00",
            Decimal("246.00"),
        ),
    ],
)
async def test_a_total_worded_as_what_is_to_pay_is_the_amount_due(lines: str, due: Decimal) -> None:
    invoice = await _extract(f"Nordvik Konsult AB\nFaktura 2025-31\nFakturadatum 2025-03-04\n\n{lines}")
    assert invoice.amount_due == due


# -- dates, numbers, parties ------------------------------------------------------------------


async def test_the_invoicing_date_outranks_the_quote_s_issue_date() -> None:
    text = (
        "ATLAS CLIMATISATION\nFACTURE\n#FAC-2025-0310\nEmis le : 2 février 2025\nFacturé le : 21 février 2025\n\n"
        "TOTAL TTC   590 000 F CFA"
    )
    assert (await _extract(text)).invoice_date == date(2025, 2, 21)


@pytest.mark.parametrize(
    ("head", "number"),
    # the number holds its issue date: only its place under the title says it is the reference
    [("FATURA / RECIBO\nNº: FR-2025-03-18-007", "FR-2025-03-18-007"), ("Bill\nRef. : F-004417", "F-004417")],
)
async def test_a_reference_under_a_title_of_two_document_words_or_a_dolibarr_ref(
    head: str, number: str
) -> None:
    text = f"{head}\n\nServiços   120,00 €\nTotal   120,00 €"
    assert (await _extract(text)).invoice_number == number


def test_the_portuguese_issuer_heading_names_the_seller_and_the_title_is_no_name() -> None:
    text = (
        "FATURA / RECIBO\nNº: FR-2025-03-044\n\nEntidade Emitente\nNome: Costa & Vidal – Contabilistas, Lda\n"
        "NIF: 514 220 118\n\nCliente\nNome: Padaria Estrela Lda\nNIF: 508 331 902\n\nTotal   120,00 €"
    )
    assert vendor_of(text) == "Costa & Vidal - Contabilistas, Lda"  # the dash as the reader normalises it


@pytest.mark.parametrize(
    ("seller", "buyer"),
    [("DODAVATEL", "ODBĚRATEL"), ("Sprzedawca:", "Nabywca:")],
)
@pytest.mark.parametrize("buyer_first", [False, True])
def test_czech_and_polish_seller_headings_beside_the_buyer_s(
    seller: str, buyer: str, buyer_first: bool
) -> None:
    blocks = [
        (seller, "Kovárna Vlk s.r.o.", "Hlavní 4", "602 00 Brno"),
        (buyer, "Statek Hora s.r.o.", "Polní 9", "664 91 Ivančice"),
    ]
    if buyer_first:  # the buyer's block on the left: only the headings say whose is whose
        blocks.reverse()
    rows = "\n".join("   ".join(b[k] for b in blocks) for k in range(4))
    text = f"FAKTURA 2025-118\n\n{rows}\n\nSuma celkem:   4 800,00 Kč"
    assert vendor_of(text) == "Kovárna Vlk s.r.o."


def test_the_salesperson_of_a_spanish_sale_is_not_the_seller() -> None:
    text = (
        "Librería Las Palmeras\nFactura\nNo. Factura: 000912\nFecha: 03/03/2025\n\n"
        "Vendedor: Ana Beltrán\n\nCliente\nNombre: Jorge Ruiz\n\nTotal   42.50"
    )
    assert vendor_of(text) == "Librería Las Palmeras"


def test_a_company_after_vendedor_is_still_the_seller() -> None:
    text = "Vendedor: Distribuciones Turia S.L.\nComprador: Bar Central\nFactura 2025-8\nTotal   42,50 €"
    assert (vendor_of(text) or "").rstrip(".") == "Distribuciones Turia S.L"


# -- batch 2: a phone beside a number's label, a deposit invoice cited with its date -----------


async def test_a_phone_number_beside_the_number_s_label_is_not_the_invoice_number() -> None:
    # floated blocks put the company's phone on the label's line; the slip below prints the number
    text = (
        "TAX INVOICE   12 Mar 2025   Harbour Glass Pty Ltd\nInvoice Number   02 8811 0472\nMs Lena Park\n\n"
        "Glass repair   1   $440.00\nTotal AUD   440.00\n\nPAYMENT ADVICE   Invoice Number: INV-3108\nAmount Due: 440.00"
    )
    assert (await _extract(text)).invoice_number == "INV-3108"


async def test_a_deposit_invoice_cited_with_its_amount_does_not_date_the_final_invoice() -> None:
    text = (
        "Paul Mercier\n12 rue des Lilas, 44000 Nantes\nFacture N° F-2025-077\nDate : 28/02/2025\n\n"
        "Cours de guitare   8   40,00   320,00€\n"
        "Facture d'acompte n° A-2025-009 du 03/02/2025 de 100,00€ - Payé\n"
        "Montant HT :   320,00€\nAcompte :   100,00€\nNET A PAYER :   220,00 €"
    )
    assert (await _extract(text)).invoice_date == date(2025, 2, 28)

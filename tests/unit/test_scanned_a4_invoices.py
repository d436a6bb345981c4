"""A4 invoices scanned to image-only PDFs and read by our OCR (issue 11, set SA).

A long invoice hands its running sum from one page to the next with a carry-over line, worded as
each language's bookkeeping writes it ("Suma y sigue" / "Suma anterior", "Übertrag", "À reporter",
"Riporto", "Do przeniesienia"): that sum is never the invoice's total. Spanish "Suma y sigue" opens
with a total word and was read as the total at main; the German, French, Italian and Polish cases
passed at main already and guard the new phrases where a total word opens the carry-over line.
Page 1 alone, its carried sum the only total-worded line, proves the French, Italian, Portuguese,
Polish and German phrases (each read silently as the total before them; the Dutch phrases are
not proven by a test). Portuguese invoices sum the lines before tax as "Total ilíquido": a net amount, not the total.
Texts are synthetic.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest

from reimburse.adapters.heuristic import HeuristicInvoiceExtractor
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.policy import Category, Policy
from tests.text_receipts import low, read

POLICY = Policy(policy_id="pol_scan", currency="EUR", categories=(Category("supplies"),))


async def _extract(text: str) -> Invoice:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return await HeuristicInvoiceExtractor().extract(Document("scan.pdf", sha, text), POLICY)


# Page 1 ends with the carried sum, page 2 starts with it; the tax summary is one header row with
# its values on the next line, as many Spanish and Italian invoicing programs print it.
_TWO_PAGES = (
    "{title}\n{number}   VX-3391\n{date}   19/11/2025\nFerreteria Lurra S.L.\n\n"
    "Tubo de cobre 15 mm   40   6,10   244,00\nCodo 90 grados   120   0,85   102,00\n"
    "Valvula de bola 1/2   18   7,40   133,20\n{carried}   479,20\n\n"
    "Pagina 2\n{brought}   479,20\nTeflon rollo   30   0,90   27,00\nSoldadura estano   4   11,50   46,00\n\n"
    "{base}   {rate}   {tax}   {total}\n552,20   21   115,96   668,16\n"
)
_SPANISH = {
    "title": "FACTURA",
    "number": "N. factura",
    "date": "Fecha",
    "base": "Base imponible",
    "rate": "% IVA",
    "tax": "Cuota IVA",
    "total": "TOTAL FACTURA",
}


@pytest.mark.parametrize(
    ("carried", "brought"),
    [
        ("Suma y sigue", "Suma anterior"),
        ("SUMA Y SIGUE", "SUMA ANTERIOR"),
        ("Do przeniesienia", "Z przeniesienia"),
    ],
)
async def test_a_carry_over_between_pages_is_not_the_total(carried: str, brought: str) -> None:
    invoice = await _extract(_TWO_PAGES.format(carried=carried, brought=brought, **_SPANISH))
    assert invoice.total == Decimal("668.16")
    assert Decimal("479.20") not in invoice.candidate_totals


@pytest.mark.parametrize(
    ("title", "carried", "brought", "total_label"),
    [
        ("Rechnung", "Summe Übertrag", "Übertrag", "Rechnungsbetrag"),
        ("Facture", "Total à reporter", "Report de la page précédente", "Total TTC"),
        ("Fattura", "Totale da riportare", "Riporto", "Totale documento"),
        ("Faktura", "Razem do przeniesienia", "Z przeniesienia", "Razem do zapłaty"),
    ],
)
async def test_a_total_worded_carry_over_is_no_rival_total(
    title: str, carried: str, brought: str, total_label: str
) -> None:
    # the carry-over opens with the language's total word; the real total follows on page 2 (a guard)
    text = (
        f"{title} 2025-118\n19.11.2025\nWerkstatt Olm\n\nPos 1   12   4,00   48,00\nPos 2   3   60,00   180,00\n"
        f"{carried}   228,00\n\n{brought}   228,00\nPos 3   2   15,00   30,00\n\n{total_label}   258,00\n"
    )
    invoice = await _extract(text)
    assert invoice.total == Decimal("258.00")
    assert Decimal("228.00") not in invoice.candidate_totals


@pytest.mark.parametrize("net_label", ["Total ilíquido", "Total iliquido", "TOTAL ILÍQUIDO"])
async def test_portuguese_total_iliquido_is_the_net_amount(net_label: str) -> None:
    text = (
        "FATURA FT 2025B/0412\nData 2025-11-07\nCasa das Ferragens Tamega, Lda.\n\n"
        "Cadeado latao 40 mm   6   9,50   57,00\nCorrente galvanizada 5 m   2   21,00   42,00\n\n"
        f"{net_label}   99,00\nTotal IVA (23%)   22,77\nTotal a pagar   121,77\n"
    )
    invoice = await _extract(text)
    assert invoice.total == Decimal("121.77")
    assert invoice.subtotal == Decimal("99.00")


# Page 1 alone of a longer invoice: the carried sum is its only total-worded line. The document is
# incomplete, so that sum must not be read as the total without review (each language's phrase).
_PAGE_ONE = {
    "fr": ("Facture F-2025-204\nDate : 03/09/2025\nEbenisterie Marchal SARL\n", "Total à reporter"),
    "it": ("Fattura 2025/204\nData: 03/09/2025\nCarpenteria Sella S.r.l.\n", "Totale da riportare"),
    "pt": ("Fatura FT 2025/204\nData: 03/09/2025\nCarpintaria Lobo Lda\n", "Total a transportar"),
    "pl": ("Faktura VAT 2025/204\nData: 03.09.2025\nStolarstwo Kowal Sp. z o.o.\n", "Razem do przeniesienia"),
    "de": ("Rechnung 2025-204\nDatum: 03.09.2025\nTischlerei Rau GmbH\n", "Summe Übertrag"),
}


@pytest.mark.parametrize("language", list(_PAGE_ONE))
def test_a_carried_sum_alone_is_not_read_as_the_total_silently(language: str) -> None:
    head, carried = _PAGE_ONE[language]
    text = head + "Eiche   1   390,00   390,00\nMontage   2   60,00   120,00\nBeschlag   1   41,30   41,30\n"
    invoice = read(text + f"{carried}   551,30\n")
    assert invoice.total != Decimal("551.30") or low(invoice)

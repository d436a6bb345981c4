"""The invoice's currency: printed codes and symbols first, then the document's own evidence of
the issuer's country (address, VAT id, IBAN, phone prefix, web domain), then its language.

Synthetic texts, one per convention. A language spoken in a euro country is only a guess: a
country named by the document outweighs it, so Swiss, Polish, Czech, Hungarian and Nordic
documents written in German, French or English are not read as euros. A currency read from the
country or the language is reported as guessed.
"""

from __future__ import annotations

import hashlib

import pytest

from reimburse.adapters.heuristic import HeuristicInvoiceExtractor
from reimburse.adapters.heuristic.amounts import find_amounts
from reimburse.adapters.heuristic.currency import country_currency, currency_reading, document_currency
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.policy import Category, Policy

POLICY = Policy(policy_id="pol", currency="EUR", categories=(Category("other"), Category("meals")))

# Signs and codes printed with the total; each is also reported as printed (test_currency_reading).
_SIGNS_WITH_THE_TOTAL = [
    ("Total   CA$ 27.12", "CAD"),
    ("Total   AU$ 27.12", "AUD"),
    ("Total   S$ 12.00", "SGD"),
    ("Total   R$ 45,90", "BRL"),
    ("Összesen   4 500 Ft", "HUF"),
    ("Total   CHF 38.50", "CHF"),
    ("Total   RM 12.50", "MYR"),
    ("Total   Rs. 450", "INR"),
]


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        # printed codes and symbols
        ("Total 12,00 €", "EUR"),
        ("Amount due: GBP 45.00", "GBP"),
        ("Ukupno / Total   HRK   3,563.84", "HRK"),
        ("Ukupno   370,00 kn", "HRK"),
        ("Celkem 1 200,00 Kč", "CZK"),
        ("Razem 99,00 zł", "PLN"),
        ("Währung: GBP\nBruttosumme 1.021,91\nSteuerbetrag in EUR 183,14", "GBP"),
        ("Grand Total ₹ 742.00", "INR"),
        *_SIGNS_WITH_THE_TOTAL,
        # OCR of a card slip turns a logo into "¥"; a stray symbol alone is no currency, the amounts are in kuna
        ("Jadran hoteli d.d.\nOIB 12345678901\nEurocard/Mastercard ¥\nGRAND TOTAL   702,98 HRK\n2021", "HRK"),
        # dollar and crown are settled by the country
        ("1 Hotel Toronto\n550 Wellington St W\nToronto, ON M5V 2V4, Canada\nTotal $27.12", "CAD"),
        ("Denny's\n3397 S Las Vegas Blvd\nLas Vegas, NV 89109\nTotal $58.44", "USD"),
        ("Stanford Plumbing\nSeattle, WA 98101\nBALANCE DUE $1,536.52", "USD"),
        ("Burger AB\nwww.burger.se\nTotal 247,00 kr", "SEK"),
        ("Kafe AS\nOrg.nr 912 345 678 MVA\nTotal 120,00 kr", "NOK"),
        # no symbol printed: the country decides
        ("Rechnung\nGesamtbetrag 78,99\ninkl. MwSt 12,61", "EUR"),
        ("Kassabon\nTotaal 16,00\nBtw laag 1,32", "EUR"),
        ("Facture\nTotal TTC 45,00\nTVA 20 % 7,50", "EUR"),
        ("Factura simplificada\nTotal 12,50\nIVA 10% 1,14", "EUR"),
        ("Bastard Burgers\nStockholm\nwww.bastardburgers.se\nSubtotal 247,00\nMoms 12% 26,46", "SEK"),
        ("Denny's\nLas Vegas, NV 89109\nSubtotal 44.94\nTotal 58.44", "USD"),
        ("Coop Restaurant\nCHE-123.456.789 MWST\nTotal 23.50", "CHF"),
        ("Hotel Adriatic d.d.\nOIB 12345678901\nPDV 13%\nUkupno 702,98\n12.08.2021", "HRK"),
        ("Hotel Adriatic d.d.\nOIB 12345678901\nPDV 13%\nUkupno 702,98\n12.08.2024", "EUR"),
        # VAT ids: the issuer's country code leads them
        ("Rechnung\nUSt-IdNr. DE123456789\nSumme 45,00", "EUR"),
        ("Faktura\nNIP PL1234567890\nRazem 45,00", "PLN"),
        ("Rechnung\nUID CHE-123.456.789 MWST\nSumme 45,00", "CHF"),
        ("Számla\nAdószám HU12345678\nÖsszesen 4500", "HUF"),
        # IBANs
        ("Rechnung\nIBAN CH93 0076 2011 6238 5295 7\nBetrag 120,00", "CHF"),
        ("Invoice\nIBAN GB29 NWBK 6016 1331 9268 19\nTotal 120.00", "GBP"),
        ("Facture\nIBAN FR14 2004 1010 0505 0001 3M02 606\nTotal 120,00", "EUR"),
        # phone prefixes
        ("Rechnung\nTel. +41 44 123 45 67\nTotal 38.50", "CHF"),
        ("Rechnung\nTel. +43 1 234 5678\nSumme 38,50", "EUR"),
        ("Receipt\nPhone +45 33 12 34 56\nTotal 120,00", "DKK"),
        # web and mail domains
        ("Invoice\nwww.example.co.uk\nTotal 12.00", "GBP"),
        ("Faktura\nkontakt@firma.pl\nRazem 12,00", "PLN"),
        ("Rechnung\ninfo@beispiel.at\nSumme 12,00", "EUR"),
        # country names in English and the old postcode prefixes
        ("Hotel Alpina\nCH-7500 St. Moritz\nRechnung\nTotal 250.00", "CHF"),
        ("Gasthof Post\nA-6020 Innsbruck\nRechnung\nSumme 25,00", "EUR"),
        ("Coffee House\nBudapest, Hungary\nTotal 1200", "HUF"),
        # the best supported country wins
        (
            "Lieferant GmbH\nLieferantenstraße 20\nDE 80333 München\nRechnung 4711\nBetrag 100,00\nUSt 19,00",
            "EUR",
        ),
        ("Dim Sum House\nNathan Road, Kowloon, Hong Kong\nTotal $128.00", "HKD"),
        ("The Pub\nDublin 2, Ireland\nTotal 32.40", "EUR"),
        # a country outweighs the words of a euro language ("Rechnung", "Betrag", "Summe", "Danke", "MwSt")
        (
            "Café Sprüngli\nBahnhofstrasse 21\n8001 Zürich, Schweiz\nRechnung\nBetrag\nSumme 12,50\nMwSt 0,95\nDanke",
            "CHF",
        ),
        # Malaysian receipts are in ringgit
        ("GARDENIA BAKERIES (KL) SDN BHD\n40300 Shah Alam, Selangor\nTotal Payable: 22.58", "MYR"),
        ("KEDAI PAPAN\nTotal Sales :   RM 162.71", "MYR"),
        # a receipt in a euro language without any symbol is in euros
        ("BOULANGERIE\nCaisse 2\n2 Croissants   2,40\nTOTAL   2,40\nMerci de votre visite", "EUR"),
        # OCR spellings, the changeover and provinces
        ("Kavarna\nCelkem   245,00 Kc", "CZK"),
        ("Sklep\nSUMA   45,00 zl", "PLN"),
        ("Restoran\nUkupno   10,00 EUR   75,35 HRK\n03.02.2023", "EUR"),
        ("Restoran\nUkupno   75,35 HRK   10,00 EUR\n03.10.2022", "HRK"),
        ("Bar\nQC H2X 1Y4\nTPS 1.30\nTVQ 2.59\nTotal $29.89", "CAD"),
        # what OCR glued or spaced still names the country
        ("Contoso\n1RUEDELADURANCE\n75012PARISFRANCE\nTOTAL   21.00", "EUR"),
        ("KEDAI MAKAN\n84600,PAGOHJOHOR\nTOTAL   10.00", "MYR"),
        ("WARAKUYAPERMASCITYSDNBHD\nNO.5JALAN PERMAS 10\nTOTAL   10.00", "MYR"),
        ("Toko Roti\nJalan Sudirman 5, Jakarta\nTOTAL   10.000", "IDR"),
        ("Shop\ncare@ shop.com.my\nTOTAL   10.00", "MYR"),  # OCR spaced the mail address
        ("CAFÉ\nTOTAL   4,00\nNOUS VOUS REMERCIONS DE VOTRE VISITE", "EUR"),
        # nothing to go on, and look-alikes that name no country
        ("Receipt\nTotal 12.00", None),
        ("INVOICE NO 12345678\nTotal 12.00", None),  # "NO" here is a number's label, not Norway
        ("Order DE 80333\nTotal 12.00", None),  # a bare code and digits with a space are no VAT id
        ("Tip   +44.50\nTotal 12.00", None),  # a signed amount is no phone number
    ],
)
def test_document_currency(text: str, currency: str | None) -> None:
    assert document_currency(text) == currency


@pytest.mark.parametrize(
    ("text", "code", "basis", "guessed"),
    [
        *[(text, code, "printed", False) for text, code in _SIGNS_WITH_THE_TOTAL],
        ("Total 12,00 €", "EUR", "printed", False),
        ("Invoice in EUR\nTotal 12,00", "EUR", "stated", False),
        ("Invoice\nwww.example.co.uk\nTotal 12.00", "GBP", "country", True),  # a country is a guess too
        ("Rechnung\nGesamtbetrag 78,99\ninkl. MwSt 12,61", "EUR", "language", True),  # a euro language alone
        ("Receipt\nTotal 12.00", None, "none", False),  # nothing to go on
    ],
)
def test_currency_reading(text: str, code: str | None, basis: str, guessed: bool) -> None:
    reading = currency_reading(text)
    assert (reading.code, reading.basis, reading.guessed) == (code, basis, guessed)


def test_a_text_that_names_no_country_has_no_country_currency() -> None:
    assert country_currency("Thank you") is None


def test_feet_are_not_forints() -> None:
    # "Ft" counts only with its capital, after an amount; "12 ft" is a length.
    assert all(a.currency is None for a in find_amounts("Cable 12 ft"))


def _extract(text: str) -> Invoice:
    doc = Document("x.pdf", hashlib.sha256(text.encode()).hexdigest(), text, (text,))
    return HeuristicInvoiceExtractor().read(doc, POLICY)


def test_an_inferred_currency_is_said_and_less_sure() -> None:
    guessed = _extract("Café Sprüngli\n8001 Zürich, Schweiz\nRechnung\nSumme   12,50\n12.03.2024")
    assert guessed.currency == "CHF"
    assert guessed.confidence["currency"] < 0.7
    assert any("inferred from the issuer's country" in note for note in guessed.notes)
    printed = _extract("Café\nRechnung\nSumme   12,50 €\n12.03.2024")
    assert printed.currency == "EUR"
    assert printed.confidence["currency"] >= 0.9
    assert not any("inferred" in note for note in printed.notes)

"""The currency of a document that prints no sign: its own evidence, country before language.

One synthetic text per convention. A language spoken in a euro country is only a guess: a country
named by an address, a VAT id, an IBAN, a phone prefix or a web domain outweighs it, so Swiss,
Polish, Czech, Hungarian and Nordic documents written in German, French or English are not read
as euros. A currency read from the country or the language is reported as guessed.
"""

from __future__ import annotations

import hashlib

import pytest

from reimburse.adapters.heuristic import HeuristicInvoiceExtractor
from reimburse.adapters.heuristic.amounts import find_amounts
from reimburse.adapters.heuristic.currency import currency_reading, document_currency
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.policy import Category, Policy

POLICY = Policy(policy_id="pol", currency="EUR", categories=(Category("other"), Category("meals")))


@pytest.mark.parametrize(
    ("text", "currency"),
    [
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
    ],
)
def test_the_issuers_country_decides_when_no_sign_is_printed(text: str, currency: str) -> None:
    assert document_currency(text) == currency


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("Contoso\n1RUEDELADURANCE\n75012PARISFRANCE\nTOTAL   21.00", "EUR"),
        ("KEDAI MAKAN\n84600,PAGOHJOHOR\nTOTAL   10.00", "MYR"),
        ("WARAKUYAPERMASCITYSDNBHD\nNO.5JALAN PERMAS 10\nTOTAL   10.00", "MYR"),
        ("Toko Roti\nJalan Sudirman 5, Jakarta\nTOTAL   10.000", "IDR"),
        ("Shop\ncare@ shop.com.my\nTOTAL   10.00", "MYR"),  # OCR spaced the mail address
        ("CAFÉ\nTOTAL   4,00\nNOUS VOUS REMERCIONS DE VOTRE VISITE", "EUR"),
    ],
)
def test_what_ocr_glued_or_spaced_still_names_the_country(text: str, currency: str) -> None:
    assert document_currency(text) == currency


def test_a_country_outweighs_the_words_of_a_euro_language() -> None:
    # German words everywhere ("Rechnung", "Betrag", "Summe", "Danke", "MwSt"), but a Swiss address.
    text = "Café Sprüngli\nBahnhofstrasse 21\n8001 Zürich, Schweiz\nRechnung\nBetrag\nSumme 12,50\nMwSt 0,95\nDanke"
    assert document_currency(text) == "CHF"


def test_a_euro_language_alone_is_a_guess_of_euros() -> None:
    reading = currency_reading("Rechnung\nGesamtbetrag 78,99\ninkl. MwSt 12,61")
    assert (reading.code, reading.basis, reading.guessed) == ("EUR", "language", True)


def test_a_country_is_a_guess_too_and_a_printed_sign_is_not() -> None:
    assert currency_reading("Invoice\nwww.example.co.uk\nTotal 12.00").basis == "country"
    printed = currency_reading("Total 12,00 €")
    assert (printed.code, printed.basis, printed.guessed) == ("EUR", "printed", False)
    stated = currency_reading("Invoice in EUR\nTotal 12,00")
    assert (stated.code, stated.guessed) == ("EUR", False)


def test_nothing_to_go_on_is_none() -> None:
    reading = currency_reading("Receipt\nTotal 12.00")
    assert reading.code is None and not reading.guessed


@pytest.mark.parametrize(
    "text",
    [
        "INVOICE NO 12345678\nTotal 12.00",  # "NO" here is a number's label, not Norway
        "Order DE 80333\nTotal 12.00",  # a bare code and digits with a space are no VAT id
        "Tip   +44.50\nTotal 12.00",  # a signed amount is no phone number
    ],
)
def test_look_alikes_name_no_country(text: str) -> None:
    assert document_currency(text) is None


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("Total   CA$ 27.12", "CAD"),
        ("Total   AU$ 27.12", "AUD"),
        ("Total   S$ 12.00", "SGD"),
        ("Total   R$ 45,90", "BRL"),
        ("Összesen   4 500 Ft", "HUF"),
        ("Total   CHF 38.50", "CHF"),
        ("Total   RM 12.50", "MYR"),
        ("Total   Rs. 450", "INR"),
    ],
)
def test_signs_and_codes_printed_with_the_total(text: str, currency: str) -> None:
    assert document_currency(text) == currency
    assert currency_reading(text).basis == "printed"


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

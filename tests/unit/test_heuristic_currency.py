"""The invoice's currency: printed codes and symbols first, the issuer's country for "$", "kr"
and receipts that print no symbol at all. Synthetic texts, one per convention."""

from __future__ import annotations

import pytest

from reimburse.adapters.heuristic.currency import country_currency, document_currency


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("Total 12,00 €", "EUR"),
        ("Amount due: GBP 45.00", "GBP"),
        ("Ukupno / Total   HRK   3,563.84", "HRK"),
        ("Ukupno   370,00 kn", "HRK"),
        ("Celkem 1 200,00 Kč", "CZK"),
        ("Razem 99,00 zł", "PLN"),
        ("Währung: GBP\nBruttosumme 1.021,91\nSteuerbetrag in EUR 183,14", "GBP"),
        ("Grand Total ₹ 742.00", "INR"),
    ],
)
def test_printed_currency(text: str, currency: str) -> None:
    assert document_currency(text) == currency


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("1 Hotel Toronto\n550 Wellington St W\nToronto, ON M5V 2V4, Canada\nTotal $27.12", "CAD"),
        ("Denny's\n3397 S Las Vegas Blvd\nLas Vegas, NV 89109\nTotal $58.44", "USD"),
        ("Stanford Plumbing\nSeattle, WA 98101\nBALANCE DUE $1,536.52", "USD"),
        ("Burger AB\nwww.burger.se\nTotal 247,00 kr", "SEK"),
        ("Kafe AS\nOrg.nr 912 345 678 MVA\nTotal 120,00 kr", "NOK"),
    ],
)
def test_dollar_and_crown_are_settled_by_the_country(text: str, currency: str) -> None:
    assert document_currency(text) == currency


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("Rechnung\nGesamtbetrag 78,99\ninkl. MwSt 12,61", "EUR"),
        ("Kassabon\nTotaal 16,00\nBtw laag 1,32", "EUR"),
        ("Facture\nTotal TTC 45,00\nTVA 20 % 7,50", "EUR"),
        ("Factura simplificada\nTotal 12,50\nIVA 10% 1,14", "EUR"),
        ("Bastard Burgers\nStockholm\nwww.bastardburgers.se\nSubtotal 247,00\nMoms 12% 26,46", "SEK"),
        ("Denny's\nLas Vegas, NV 89109\nSubtotal 44.94\nTotal 58.44", "USD"),
        ("Coop Restaurant\nCHE-123.456.789 MWST\nTotal 23.50", "CHF"),
        ("Hotel Adriatic d.d.\nOIB 12345678901\nPDV 13%\nUkupno 702,98\n12.08.2021", "HRK"),
        ("Hotel Adriatic d.d.\nOIB 12345678901\nPDV 13%\nUkupno 702,98\n12.08.2024", "EUR"),
    ],
)
def test_no_symbol_printed_the_country_decides(text: str, currency: str) -> None:
    assert document_currency(text) == currency


def test_a_stray_symbol_alone_is_no_currency() -> None:
    # OCR of a card slip turns a logo into "¥"; the amounts are in kuna.
    text = "Jadran hoteli d.d.\nOIB 12345678901\nEurocard/Mastercard ¥\nGRAND TOTAL   702,98 HRK\n2021"
    assert document_currency(text) == "HRK"


def test_nothing_to_go_on_is_none() -> None:
    assert document_currency("Receipt\nTotal 12.00") is None
    assert country_currency("Thank you") is None


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        (
            "Lieferant GmbH\nLieferantenstraße 20\nDE 80333 München\nRechnung 4711\nBetrag 100,00\nUSt 19,00",
            "EUR",
        ),
        ("Dim Sum House\nNathan Road, Kowloon, Hong Kong\nTotal $128.00", "HKD"),
        ("The Pub\nDublin 2, Ireland\nTotal 32.40", "EUR"),
    ],
)
def test_the_best_supported_country_wins(text: str, currency: str) -> None:
    assert document_currency(text) == currency


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("Kavarna\nCelkem   245,00 Kc", "CZK"),
        ("Sklep\nSUMA   45,00 zl", "PLN"),
        ("Restoran\nUkupno   10,00 EUR   75,35 HRK\n03.02.2023", "EUR"),
        ("Restoran\nUkupno   75,35 HRK   10,00 EUR\n03.10.2022", "HRK"),
        ("Bar\nQC H2X 1Y4\nTPS 1.30\nTVQ 2.59\nTotal $29.89", "CAD"),
    ],
)
def test_ocr_spellings_changeover_and_provinces(text: str, currency: str) -> None:
    assert document_currency(text) == currency


def test_malaysian_receipts_are_in_ringgit() -> None:
    assert (
        document_currency("GARDENIA BAKERIES (KL) SDN BHD\n40300 Shah Alam, Selangor\nTotal Payable: 22.58")
        == "MYR"
    )
    assert document_currency("KEDAI PAPAN\nTotal Sales :   RM 162.71") == "MYR"


def test_a_receipt_in_a_euro_language_without_any_symbol_is_in_euros() -> None:
    assert (
        document_currency("BOULANGERIE\nCaisse 2\n2 Croissants   2,40\nTOTAL   2,40\nMerci de votre visite")
        == "EUR"
    )

"""The invoice date by role, and day/month order from the document's own evidence."""

from __future__ import annotations

from datetime import date

import pytest

from reimburse.adapters.heuristic import HeuristicInvoiceExtractor
from reimburse.adapters.heuristic.invoice_dates import DateReading, day_month_order, read_dates
from reimburse.adapters.heuristic.language import guess_language
from reimburse.adapters.heuristic.totals import analyse_lines
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import Category, Policy
from reimburse.domain.verdict.verdict import FlagCode


def _read(text: str, currency: str | None = None, stay: bool = False) -> DateReading:
    return read_dates(analyse_lines(text.split("\n")), text, stay=stay, currency=currency)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The due / delivery / service date comes first on the page, the invoice date after it.
        ("Due Date: 30/11/2024\nInvoice Date: 31/10/2024\nTotal 10.00", date(2024, 10, 31)),
        ("Liefer- und Leistungsdatum: 03.06.2018\nRechnungsdatum: 05.06.2018", date(2018, 6, 5)),
        ("Date d'échéance : 16/12/2017\nDate de facture : 16/11/2017", date(2017, 11, 16)),
        ("Vervaldatum: 01-02-2024\nFactuurdatum: 02-01-2024", date(2024, 1, 2)),
        ("Fecha de vencimiento: 15/08/2024\nFecha de factura: 15/07/2024", date(2024, 7, 15)),
        # The same roles by the conventions of Polish, Czech, Croatian and Swedish invoices.
        ("Termin płatności: 2024-08-15\nData wystawienia: 2024-07-15", date(2024, 7, 15)),
        ("Datum splatnosti: 15.08.2024\nDatum vystavení: 15.07.2024", date(2024, 7, 15)),
        ("Datum dospijeća: 15.08.2024\nDatum računa: 15.07.2024", date(2024, 7, 15)),
        ("Förfallodatum: 2024-08-15\nFakturadatum: 2024-07-15", date(2024, 7, 15)),
        ("Printed 08/15/2024\nInvoice 07/15/2024\nTotal $5.00", date(2024, 7, 15)),
        ("Data di scadenza: 31/08/2024\nData fattura: 01/08/2024", date(2024, 8, 1)),
        # Only a service date and a plain date: the plain "Datum" wins.
        ("Leistungsdatum: 30.06.2018\nDatum: 11.03.2018", date(2018, 3, 11)),
    ],
)
def test_invoice_date_is_not_a_date_with_another_role(text: str, expected: date) -> None:
    assert _read(text).invoice_date == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Handelsrechnung (380) Nr. 471102 vom 05.06.2018\nLiefer- und Leistungsdatum: 03.06.2018",
            date(2018, 6, 5),
        ),
        (
            "Rechnung des Versicherers Nr. 00.123.456.7-2018-1 vom\n11.03.2018\nLeistungsdatum: 30.06.2018",
            date(2018, 3, 11),
        ),
        ("Facture n° FA-12 du 2 novembre 2019\nÉchéance : 02/12/2019", date(2019, 11, 2)),
        ("Factura nº 2024-118 de fecha 15/07/2024\nVencimiento: 15/08/2024", date(2024, 7, 15)),
        ("Factuur 2024-0042 d.d. 02-01-2024\nVervaldatum: 01-02-2024", date(2024, 1, 2)),
        ("Invoice #A-77 dated 03/04/2024\nTotal £5.00", date(2024, 4, 3)),
    ],
)
def test_the_date_on_the_title_line(text: str, expected: date) -> None:
    assert _read(text).invoice_date == expected


def test_an_unlabelled_date_beats_a_period_and_a_due_date() -> None:
    text = "Abrechnungszeitraum: 01.01.2024 bis 31.01.2024\nZahlbar bis: 15.02.2024\n05.02.2024\nSumme 10,00"
    reading = _read(text)
    assert reading.invoice_date == date(2024, 2, 5)


def test_a_due_date_alone_is_still_the_date() -> None:
    assert _read("Due date: 30/11/2024\nTotal 5.00", currency="GBP").invoice_date == date(2024, 11, 30)


@pytest.mark.parametrize(
    ("text", "currency", "expected"),
    [
        ("Date: 03/04/2024\nPaid 12/26/2024", None, True),  # another date reads only month-first
        ("Date: 03/04/2024\nStay 26/12/2024", "USD", False),  # ... or only day-first
        ("Date: 03/04/2024\nTotal $5.00", "USD", True),  # an American document
        ("Date: 03/04/2024\nTotal £5.00", "GBP", False),
        ("Datum: 03/04/2024 Rechnung für die Lieferung der Ware und der Montage", "USD", False),
        ("Date: 03/04/2024\nTotal 5.00", None, None),
        ("Denny's\nLas Vegas, NV 89109\nDate: 03/04/2024\nTotal 5.00", None, True),  # a US address
        ("Five Guys\nEdinburgh EH11 3DP\nDate: 03/04/2024\nTotal 5.00", None, False),  # a UK postcode
        ("Date: 03/04/2024\nVAT 20% 1.00\nTotal 5.00", None, False),
        ("Date: 03/04/2024\nBtw laag 0.30\nTotal 5.00", "USD", False),
        ("Date: 03/04/2024\nTotal C$5.00", "CAD", None),
    ],
)
def test_day_month_order_from_the_documents_evidence(
    text: str, currency: str | None, expected: bool | None
) -> None:
    assert day_month_order(text, currency, guess_language(text)) is expected


def test_an_unsettled_ambiguous_date_is_reported_not_guessed_silently() -> None:
    reading = _read("Receipt\nDate: 03/04/2024\nTotal 5.00", currency="CAD")
    assert reading.ambiguity is not None
    assert "03 April 2024" in reading.ambiguity and "04 March 2024" in reading.ambiguity
    assert reading.confidence <= 0.5


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("Date: 03/04/2024\nTotal 5.00", "EUR"),  # the currency's country settles it
        ("Date: 13/04/2024\nTotal 5.00", None),  # reads only one way
        ("Datum: 03.04.2024\nSumme 5,00", None),  # dotted dates are day-first
        ("Date: 04/04/2024\nTotal 5.00", None),  # both readings are the same day
        ("Date: 3 April 2024\nTotal 5.00", None),  # month written out
    ],
)
def test_no_ambiguity_when_something_settles_it(text: str, currency: str | None) -> None:
    assert _read(text, currency=currency).ambiguity is None


def test_us_dates_are_month_first_without_other_evidence() -> None:
    assert _read("Invoice Date: 03/04/2024\nTotal $9.00", currency="USD").invoice_date == date(2024, 3, 4)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Vielen Dank für Ihre Bestellung. Die Rechnung ist mit dem Datum der Lieferung fällig.", "de"),
        ("Merci pour votre commande. Le montant de la facture est à régler par virement.", "fr"),
        ("Bedankt voor uw bestelling. Het bedrag van de factuur is betaald met een kaart.", "nl"),
        ("Gracias por su compra. El importe de la factura es para el cliente con su tarjeta.", "es"),
        ("Grazie per il tuo ordine. Il totale della fattura è stato pagato con la carta.", "it"),
        ("Thank you for your order. The total amount of this invoice is paid with your card.", "en"),
        ("12.00 34.50", None),
    ],
)
def test_language_from_frequent_words(text: str, language: str | None) -> None:
    assert guess_language(text) == language


def test_the_extractor_reports_an_unsettled_date_as_a_reading_flag() -> None:
    policy = Policy(policy_id="p", currency="EUR", categories=(Category(name="meals"),))
    extractor = HeuristicInvoiceExtractor()
    unsettled = extractor.read(Document("r.pdf", "0" * 64, "Cafe Blue\nDate: 03/04/2024\nTotal 5.00"), policy)
    assert [f.code for f in unsettled.reading_flags] == [FlagCode.AMBIGUOUS_DATE.value]
    settled = extractor.read(
        Document("r.pdf", "0" * 64, "Cafe Blue\nDate: 03/04/2024\nTotal EUR 5.00"), policy
    )
    assert settled.reading_flags == () and settled.invoice_date == date(2024, 4, 3)

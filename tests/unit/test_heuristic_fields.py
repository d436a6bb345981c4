"""Invoice number, vendor and names: read from their labels or their place, never from look-alikes."""

from __future__ import annotations

import pytest

from reimburse.adapters.heuristic.fields import read_names, read_number, read_vendor
from reimburse.adapters.heuristic.totals import LineInfo, analyse_lines


def _lines(text: str) -> list[LineInfo]:
    return analyse_lines(text.split("\n"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Invoice No: #INV03051\nTotal 5.00", "INV03051"),
        ("Rechnungsnummer:   2024-0815\nSumme 5,00", "2024-0815"),
        ("Rechnungs.-Nr. HA007   - 123123 - 37816396   Seite 1 von 1", "HA007 - 123123 - 37816396"),
        ("Gastname   Herr Jens Meier   Rechnungsnr.   083-72561", "083-72561"),
        ("N° de facture   : 11608848301659", "11608848301659"),
        ("Factuurnummer: F2024/118", "F2024/118"),
        ("Número de factura: A-2024.117", "A-2024.117"),
        ("Numero fattura: 2024/FE/12", "2024/FE/12"),
        ("Buchungscode / Rechnungsnummer:   NFCZMQ", "NFCZMQ"),
        ("Invoice No: INV 00045", "INV 00045"),
        ("Rechnungsnummer: RE 2024-17", "RE 2024-17"),
    ],
)
def test_labelled_invoice_numbers_in_six_languages(text: str, expected: str) -> None:
    assert read_number(_lines(text))[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ACME GmbH\nHandelsrechnung (380) Nr. 471102 vom 05.06.2018", "471102"),
        (
            "ACME GmbH\nRechnung des Versicherers Nr. 01.234.567.8-2018-1 vom\n06.12.2018",
            "01.234.567.8-2018-1",
        ),
        ("Au bon pain SARL\nInvoice FA-2017-0008\nDelivery Address", "FA-2017-0008"),
        ("Au bon pain SARL\nAvoir AV-2017-0005", "AV-2017-0005"),
        ("Factura\nINV/2024/00005\nACME S.L.", "INV/2024/00005"),
        ("Fattura n. 17/2024 del 03/04/2024", "17/2024"),
        ("Boulangerie Martin SARL\nFACTURE\nN° 2024-001\nTotal TTC 12,00", "2024-001"),
    ],
)
def test_number_beside_the_documents_title(text: str, expected: str) -> None:
    assert read_number(_lines(text))[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Faktura VAT nr FV/2023/0042\nRazem 12,00", "FV/2023/0042"),  # Polish title
        ("Numer faktury: 2023/11/045\nRazem 12,00", "2023/11/045"),
        ("Daňový doklad č. 2023001234\nCelkem 12,00", "2023001234"),  # Czech title
        ("Číslo faktury: 2023001234\nCelkem 12,00", "2023001234"),
        ("Račun br. 1775-070-10\nUkupno 12,00", "1775-070-10"),  # Croatian title
        ("RAČUN/BILL : 4300-31-11\nUkupno 12,00", "4300-31-11"),  # bilingual title, date-shaped
        ("Kvittonummer: 3047\nTotalt 12,00", "3047"),  # Swedish
        ("Scontrino n. 0045\nTotale 12,00", "0045"),  # Italian
        ("N° Factura: A-2019-77\nTotal 12,00", "A-2019-77"),  # Spanish, label before the word
        ("Note n° 4567\nTotal 12,00", "4567"),  # French restaurant bill
        ("Check; 19532035   Table 4", "19532035"),  # scanner OCR reads ':' as ';'
    ],
)
def test_invoice_numbers_of_neighbouring_languages_and_ocr_layers(text: str, expected: str) -> None:
    assert read_number(_lines(text))[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Rechnung gemäß Bestellung Nr. 2018-471331 vom 01.03.2018.",  # another document's number
        "Invoice 2024\nTotal 5.00",  # a year
        "Invoice Date 11/03/2017",  # a date
        "Rechnungsbetrag: 146,71",  # an amount
        "Kundennummer: 339420\nSumme 10,00",  # the customer's number
        "Invoice 1 of 2",
        "Račun 2023-11-04\nUkupno 12,00",  # a real calendar date beside the title
    ],
)
def test_never_a_date_amount_year_or_customer_number(text: str) -> None:
    assert read_number(_lines(text))[0] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thank you\nTerminal 2   Receipt: 1877934   ORIGINAL", "1877934"),
        ("Order ID: 4081-7781\nTotal 5.00", "4081-7781"),
        ("CHK 140750   TBL 409/1   GST 4", "140750"),
        ("Check number 3047   2024-02-08", "3047"),
        ("Server: Ann   Trans #: 44321   Table 4", "44321"),
        ("Order #: A-1187\nTotal 5.00", "A-1187"),
    ],
)
def test_receipt_check_and_order_references_when_no_invoice_number(text: str, expected: str) -> None:
    assert read_number(_lines(text))[0] == expected


def test_an_invoice_number_beats_an_order_number() -> None:
    assert read_number(_lines("Order No: 55501\nInvoice No: INV-77\nTotal 5.00"))[0] == "INV-77"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The one-line sender address above the recipient's window.
        (
            "Boulangerie Martin SARL - 12 rue de la Paix - 75002 Paris\n\nDupont SAS\n3 avenue Foch\n75016 Paris",
            "Boulangerie Martin SARL",
        ),
        ("Hotel Sonne, Hauptstraße 4, 80331 München\n\nMeier GmbH\nLindenweg 2\n10115 Berlin", "Hotel Sonne"),
        # A seller block with its "Name:" line.
        ("Verkäufer\nNummer: 549910\nName: Lieferant GmbH\nAnschrift: Weg 1", "Lieferant GmbH"),
        ("Seller:\nACME Trading Ltd\n1 High Street", "ACME Trading Ltd"),
        # A legal-form name at the top beats a location line; in the footer it is the fallback.
        (
            "Thank you for shopping at;\nSlateford Road\nBP Express Shopping Limited\nTel 0131 443",
            "BP Express Shopping Limited",
        ),
        (
            "Buchungsbestätigung\n\nHerr Max Muster\nMuster Consulting GmbH\nHauptstr 1\n10117 Berlin\n\n"
            "Summe 10,00\n\nFlyfast GmbH | Weg 6 | 40472 Düsseldorf\nFlyfast GmbH | Weg 6 | 40472 Düsseldorf",
            "Flyfast GmbH",
        ),
        (
            "Stanford Plumbing & Heating   INVOICE\n123 Madison drive, Seattle\nBILL TO   Invoice No: 1",
            "Stanford Plumbing & Heating",
        ),
    ],
)
def test_vendor_from_the_issuer_block(text: str, expected: str) -> None:
    assert read_vendor(_lines(text))[0] == expected


def test_malaysian_legal_forms_and_streets() -> None:
    text = "TAX INVOICE\nLOT P.T. 2811, JALAN ANGSA\n99 SPEED MART S/B\nTotal 5.00"
    assert read_vendor(_lines(text))[0] == "99 SPEED MART S/B"
    assert read_vendor(_lines("Kedai Papan Yew Chuan Sdn Bhd\nNo 12 Jalan Besar\nTotal 5.00"))[0] == (
        "Kedai Papan Yew Chuan Sdn Bhd"
    )


@pytest.mark.parametrize(
    ("text", "customer"),
    [
        ("Invoice\n\nRechnungsadresse\n\nKunde Beispiel GmbH\nWeg 1\n10117 Berlin", "Kunde Beispiel GmbH"),
        (
            "Passenger Receipt\n\nMR Jens Muster\nMuster Consulting GmbH\nFriedrichstr 123",
            "Muster Consulting GmbH",
        ),
        ("Bill To\nGlobex Inc\n5 Main St", "Globex Inc"),
        ("INVOICE\n\nTo   GLOBEX LTD   Invoice No 1234\nTotal 5.00", "GLOBEX LTD"),
    ],
)
def test_vendor_is_never_the_customer(text: str, customer: str) -> None:
    assert read_vendor(_lines(text))[0] != customer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Welcome to Rosie's Diner\n12 Main St\nTotal 9.00", "Rosie's Diner"),
        ("Thank you for shopping at;\nCorner Market\n1 Main St", "Corner Market"),
        ("Willkommen bei Bäckerei Huber\nSumme 3,20", "Bäckerei Huber"),
        # Nothing but an address and a web address: the domain names the issuer.
        ("123 Harbour Road\nwww.seaview.ie\nmail: jane@gmail.com\nTotal 5.00", "Seaview"),
    ],
)
def test_vendor_from_a_receipts_greeting_or_its_web_address(text: str, expected: str) -> None:
    assert read_vendor(_lines(text))[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A letterhead on one line, without separators.
        ("Hotel Adler Hauptstraße 5 80331 München\n\nRechnung\nSumme 10,00", "Hotel Adler"),
        # OCR specks before the name; the name in the second cell after the title.
        ("* Rosie's Diner\n12 Main St", "Rosie's Diner"),
        ("INVOICE   Northwind Traders\nInvoice No: 77", "Northwind Traders"),
        # A legal-form name with its registration details, below a customer's company.
        (
            "Rechnung\nKunde Beispiel GmbH\nWeg 1\nSumme 10,00\n"
            "Musterbau GmbH · Amtsgericht Köln HRB 4711 · USt-IdNr. DE123456789",
            "Musterbau GmbH",
        ),
    ],
)
def test_vendor_from_letterheads_and_registration_details(text: str, expected: str) -> None:
    assert read_vendor(_lines(text))[0] == expected


def test_the_vendor_is_never_a_person_the_invoice_names() -> None:
    text = "JENS MEIER\nFolio 1234\nGuest: Jens Meier\nTotal 5.00"
    assert read_vendor(_lines(text), read_names(_lines(text)))[0] is None


def test_a_city_line_is_not_the_vendor() -> None:
    assert read_vendor(_lines("3397 S Las Vegas Blvd\nLas Vegas, NV 89109\nTotal 5.00"))[0] is None


@pytest.mark.parametrize(
    "text",
    [
        "Congratulations! You have booked a reschedulable ticket with us today.\nTotal 500",
        "Room Number   431\nArrival Date 11/07/2022",
        "Nummer: 549910\nSumme 5,00",
        "Driver\nRamesh Kumar",
        "logo\nTotal 5.00",
        "Rechnungsadresse\nSumme 5,00",
        "Germany\nSumme 5,00",
    ],
)
def test_vendor_is_never_boilerplate_a_label_or_a_field(text: str) -> None:
    assert read_vendor(_lines(text))[0] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Guest Name: Rani Sharma\nRoom 204", ("Rani Sharma",)),
        ("Gast: Walter, Jens, Zimmer: 669", ("Jens Walter",)),  # surname first
        ("Passenger   Mr. Arjun Mehta\nSeat 12A", ("Arjun Mehta",)),
        ("Fahrgast: Herrn Max Muster", ("Max Muster",)),
        ("Nom : Mme Claire Dubois", ("Claire Dubois",)),
        ("Name   Age   Gender\nRani Sharma   34   F", ("Rani Sharma",)),
    ],
)
def test_names_from_name_labels(text: str, expected: tuple[str, ...]) -> None:
    assert read_names(_lines(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Passenger Receipt\nBooking confirmation",  # a title, not a label
        "Boarding   Room Number\nPassenger:   BOARDING",  # a table heading in capitals
        "Sur votre Espace Client Bouygues Telecom vous pouvez choisir",  # a word in a sentence
        "Name   Dateiname   Art\nbeleg.pdf",  # column headings
        "Name: Global Supplies Financial Services",  # an organisation
        "Bill to: Kunden AG Mitte",  # a company
        "Customer: Signature",
    ],
)
def test_no_name_from_headings_sentences_or_companies(text: str) -> None:
    assert read_names(_lines(text)) == ()

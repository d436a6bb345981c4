"""Invoice numbers printed after the document's title, under a label shared with the date, and the
identifiers printed near them that are no invoice number (issue 11), on synthetic lines."""

from __future__ import annotations

import pytest

from reimburse.adapters.heuristic.fields import read_number
from reimburse.adapters.heuristic.text import normalize
from reimburse.adapters.heuristic.totals import analyse_lines


def _number(*lines: str) -> str | None:
    text = "\n".join(("ACME", *lines, "Total 12,30"))
    return read_number(analyse_lines(normalize(text).split("\n")))[0]


@pytest.mark.parametrize(
    ("title", "number"),
    [
        # the number follows the document's title, in each language's own wording
        ("Factura F-2024-0012", "F-2024-0012"),
        ("Facture n° FA-2024-118", "FA-2024-118"),
        ("Rechnung Nr. 2024-0815", "2024-0815"),
        ("Fattura n. 12/2024", "12/2024"),
        ("Factuur 2024.117", "2024.117"),
        ("Tax Invoice INV-0042", "INV-0042"),
        # a British or Irish "VAT invoice" / "VAT receipt"
        ("VAT INVOICE:3854615", "3854615"),
        ("VAT Receipt 3854615", "3854615"),
        ("Receipt #4471", "4471"),
        # a German till's "Bon" and "Kassenbon" title their receipt number
        ("Bon 0815", "0815"),
        ("Kassenbon Nr. 4711", "4711"),
        # Portuguese certified software prints "<type> <series>/<number>" after the title
        ("Fatura-Recibo FR 2024/55", "FR 2024/55"),
        ("Fatura FT 2024/88", "FT 2024/88"),
        ("Fatura nº FT A/123", "FT A/123"),
        ("Fatura simplificada FS 001/1234", "FS 001/1234"),
        ("Factura simplificada T 2024/77", "T 2024/77"),
        # the German "Beleg", the Italian till's "Documento commerciale", a hotel's "Folio"
        ("Kassenbeleg 4711", "4711"),
        ("Beleg 4711", "4711"),
        ("Documento n. 0123-0045", "0123-0045"),
        ("Folio 88123", "88123"),
        ("Guest Folio No. 88123", "88123"),
        # the page's number after the reference is not part of it
        ("Rechnung 12345 Seite 1", "12345"),
        ("Invoice 12345   Page 1 of 2", "12345"),
        # a title alone in its cell, the number in the next column
        ("Rechnung   12345", "12345"),
        ("INVOICE   INV-12345", "INV-12345"),
        # Brazil's "Nota Fiscal" is the invoice
        ("Nota Fiscal Nº 000123", "000123"),
        ("Nota fiscal: 123456", "123456"),
    ],
)
def test_the_number_after_the_title(title: str, number: str) -> None:
    assert _number(title) == number


@pytest.mark.parametrize(
    "title",
    [
        "Bon de commande",  # a French order form, no number beside it
        "Fatura",  # a title alone, with the total on the next line
        "Bon appétit",
        "INVOICE   12.03.2024",  # the date in the next column
        "RECEIPT   Table 12",
        # delivery notes named like the document: their number is not the invoice's
        "Bon de livraison n° 4471",
        "Documento di trasporto n. 4471",
        "Guia de remessa n.º GR 2024/7",
    ],
)
def test_a_title_without_a_reference_gives_no_number(title: str) -> None:
    assert _number(title) is None


@pytest.mark.parametrize(
    ("lines", "number"),
    [
        # one label for the number and the date, the values on its line
        (("Invoice No. / Date: INV-77 / 12.03.2024",), "INV-77"),
        (("Rechnungs-Nr./Datum: 2024-77 / 12.03.2024",), "2024-77"),
        (("Invoice No. & Date: INV-77 & 12.03.2024",), "INV-77"),
        (("Bill No. and Date: 5521 / 12-03-2024",), "5521"),
        (("N° / Date : FA-77 / 12/03/2024",), "FA-77"),
        (("Nº/Data: FT 2024/9 / 12-03-2024",), "FT 2024/9"),
        # ... or under it, joined or in two columns
        (("Invoice No. / Date:", "INV-77 / 12.03.2024"), "INV-77"),
        (("Invoice No. / Date:", "INV-77        12.03.2024"), "INV-77"),
        (("Facture n° / date", "FA-2024-3 / 12/03/2024"), "FA-2024-3"),
        # the label names another document: not the invoice's number
        (("Order No. / Date: PO-4471 / 12.03.2024",), None),
        (("Kunden-Nr./Datum: 55123 / 12.03.2024",), None),
    ],
)
def test_a_label_shared_with_the_date(lines: tuple[str, ...], number: str | None) -> None:
    assert _number(*lines) == number


@pytest.mark.parametrize(
    ("line", "number"),
    [
        # a date printed after the number, set apart, is not part of it
        ("Invoice No: INV-77 / 12.03.2024", "INV-77"),
        ("Rechnungsnummer: 2024-0815   12.03.2024", "2024-0815"),
        # ... while parts joined by separators stay one number
        ("Invoice No: 2024 / 117", "2024 / 117"),
        ("Invoice No: INV - 2024", "INV - 2024"),
        ("Invoice No: 2024/03/117", "2024/03/117"),
        # a series code set apart from its number belongs to it
        ("Invoice no.: INV 00045", "INV 00045"),
        ("Nº: FT 2024/88", "FT 2024/88"),
        ("Documento: FS 2024/12", "FS 2024/12"),
        # the Spanish till's ticket number, the Dutch "kassabon"
        ("Número de ticket: 4471", "4471"),
        ("Núm. ticket: 4471", "4471"),
        ("Kassabon: 4471", "4471"),
    ],
)
def test_the_labelled_value(line: str, number: str) -> None:
    assert _number(line) == number


@pytest.mark.parametrize(
    "line",
    [
        # tax and company register ids, in each country's own abbreviation
        "BTW-nr: NL123456789B01",
        "KvK-nr: 12345678",
        "NIF: 501234567",
        "CIF: B12345678",
        "P.IVA nr: 01234567890",
        "SIRET n°: 12345678900012",
        "TVA n°: FR12345678901",
        "ABN No: 12345678901",
        "USt-IdNr.: DE123456789",
        "VAT N0.150178823",
        "St.-Nr.: 12/345/67890",
        # card slips: terminal, trace and approval codes
        "Terminal ID: 12345678",
        "TID: 12345678 MID: 44455566",
        "Auth code: 778899",
        "APPR CODE: 00123A",
        # people, places and counts that are numbered
        "Customer No: 55123",
        "Kunden-Nr.: 55123",
        "Member #: 55123",
        "Store No: 1234",
        "Filiale: 0815",
        "Table: 12  Guests: 4",
        "Page: 1/2",
        "Tel: 030 1234567",
        "IBAN: DE89370400440532013000",
    ],
)
def test_numbered_things_that_are_not_the_invoice(line: str) -> None:
    assert _number(line) is None


def test_an_invoice_number_outranks_a_booking_reference() -> None:
    assert _number("Order ID: 771-2231", "Invoice No: INV-9") == "INV-9"
    assert _number("Order ID: 771-2231") == "771-2231"


@pytest.mark.parametrize(
    ("line", "number"),
    [
        # the invoice-number label families, value right of the label
        ("Invoice No: INV-2024-001", "INV-2024-001"),
        ("Invoice number 4471", "4471"),
        ("Invoice #: 4471", "4471"),
        ("Bill No. : 5521", "5521"),
        ("Receipt Number: 2024-55", "2024-55"),
        ("Folio No. 88123", "88123"),
        ("Document No: DN-4471", "DN-4471"),
        ("Tax Invoice No: TI/24-25/0042", "TI/24-25/0042"),
        ("Rechnungsnummer 2024/117", "2024/117"),
        ("Rg.-Nr.: 12345", "12345"),
        ("Beleg-Nr. 4471", "4471"),
        ("Bon-Nr.: 4471", "4471"),
        ("Numéro de facture : FA0099", "FA0099"),
        ("N° de facture : F2024-55", "F2024-55"),
        ("Factuurnummer: 20240117", "20240117"),
        ("Factuurnr. 2024117", "2024117"),
        ("Número de factura: 2024-0033", "2024-0033"),
        ("Nº factura: A/2024/12", "A/2024/12"),
        ("Numero fattura: 77/A", "77/A"),
        ("N. documento: 2024/77", "2024/77"),
        ("Número da fatura: FT 2024/3", "FT 2024/3"),
        # scanner OCR reads the "O" of "NO" as a zero
        ("INVOICE N0: 4471", "4471"),
        ("Invoice n0. 4471", "4471"),
    ],
)
def test_label_families(line: str, number: str) -> None:
    assert _number(line) == number


@pytest.mark.parametrize(
    ("lines", "number"),
    [
        # the value under its label, alone or in a header row
        (("Invoice No", "4471"), "4471"),
        (("Invoice No          Date", "4471                12.03.2024"), "4471"),
        (("Rechnungsnummer  Datum", "2024-0815  12.03.2024"), "2024-0815"),
    ],
)
def test_the_value_under_its_label(lines: tuple[str, ...], number: str) -> None:
    assert _number(*lines) == number


def test_a_key_beside_its_value_is_no_title() -> None:
    # a card slip's "Receipt:" in a column run is not the till's receipt number printed below
    lines = ("Term. ID:71043361", "Receipt:   02/0036/0501", "Auth.:   N1KWJD")
    assert _number(*lines, "Terminal:2 Receipt:1877934") == "1877934"


def test_the_receipts_own_number_outranks_an_order() -> None:
    # a till's "key:value" run puts the receipt's number past the title position
    assert _number("Order ID: 771-2231", "Terminal:2 Receipt:1877934") == "1877934"
    # a guest check or a card transaction is no better than the order
    assert _number("Order ID: 771-2231", "Terminal:2 Trans:1877934") == "771-2231"

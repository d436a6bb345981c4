"""E-invoice XML read exactly (CII 2.x, ZUGFeRD 1.0, UBL invoice and credit note) and refused
safely when hostile, oversized, broken or not an invoice."""

from __future__ import annotations

import pickle
from datetime import date
from decimal import Decimal

import pytest

from reimburse.adapters.einvoice.parse import NotAnEInvoice, read_einvoice
from reimburse.adapters.einvoice.safe_xml import UnsafeXml
from reimburse.adapters.einvoice.xml_einvoice_document_reader import XmlEInvoiceDocumentReader
from reimburse.adapters.format_sniffing_document_reader import PDF, XML, FormatSniffingDocumentReader
from reimburse.domain.errors import CorruptDocument, UnsupportedFile
from reimburse.domain.verdict.document import EInvoiceLine, TextSource
from tests.einvoice_samples import cii, ubl_credit_note, ubl_invoice, zugferd1


def test_cii_invoice_is_read_field_by_field() -> None:
    e = read_einvoice(cii())

    assert e.syntax == "CII"
    assert (e.total, e.amount_due, e.net, e.tax) == (
        Decimal("119.00"),
        Decimal("119.00"),
        Decimal("100.00"),
        Decimal("19.00"),
    )
    assert e.currency == "EUR" and e.number == "RE-2024-0042" and e.type_code == "380"
    assert (e.issue_date, e.delivery_date, e.due_date) == (
        date(2024, 3, 15),
        date(2024, 3, 14),
        date(2024, 4, 14),
    )
    assert e.seller == "Beispiel Hotel GmbH" and e.buyer == "Kunden AG"
    assert e.seller_tax_id == "DE123456789"  # the VAT id before the national tax number
    assert e.lines == (EInvoiceLine("Hotel room, 1 night", Decimal("100.00"), Decimal("1.0000")),)


def test_cii_prepayment_keeps_the_total_and_the_amount_due_apart() -> None:
    e = read_einvoice(cii(total="197.65", due="147.65"))
    assert (e.total, e.amount_due) == (Decimal("197.65"), Decimal("147.65"))


def test_cii_foreign_currency_tax_total_is_taken_in_the_invoice_currency() -> None:
    # EN 16931 repeats the VAT total in the accounting currency (BT-111); it is not the invoice's.
    accounting = '<ram:TaxTotalAmount currencyID="EUR">22.40</ram:TaxTotalAmount>'
    e = read_einvoice(cii(currency="GBP", extra_tax_total=accounting))
    assert e.currency == "GBP" and e.tax == Decimal("19.00")


def test_cii_corrective_invoice_keeps_its_negative_amounts() -> None:
    e = read_einvoice(cii(type_code="384", net="-7.39", tax="-1.40", total="-8.79", due="-8.79"))
    assert (e.type_code, e.total, e.amount_due) == ("384", Decimal("-8.79"), Decimal("-8.79"))


def test_cii_impossible_date_is_left_out_not_guessed() -> None:
    e = read_einvoice(cii(issued="20139102"))
    assert e.issue_date is None and e.total == Decimal("119.00")


def test_zugferd_1_is_read_with_its_own_element_names() -> None:
    e = read_einvoice(zugferd1())

    assert e.syntax == "ZUGFeRD 1.0"
    assert (e.total, e.amount_due, e.net, e.tax) == (
        Decimal("59.50"),
        Decimal("59.50"),
        Decimal("50.00"),
        Decimal("9.50"),
    )
    assert (e.number, e.issue_date, e.delivery_date) == ("KR-77", date(2013, 10, 6), date(2013, 9, 30))
    assert (e.seller, e.buyer, e.seller_tax_id) == (
        "Musterlieferant GmbH",
        "Muster-Kunde GmbH",
        "DE111222333",
    )
    # the note-only line carries no amount and is not an item
    assert e.lines == (EInvoiceLine("Kopierpapier A4", Decimal("50.00"), Decimal("2.0000")),)


def test_ubl_invoice_is_read_field_by_field() -> None:
    e = read_einvoice(ubl_invoice(total="125.00", payable="100.00"))

    assert e.syntax == "UBL Invoice" and e.type_code == "380"
    assert (e.total, e.amount_due, e.net, e.tax) == (
        Decimal("125.00"),
        Decimal("100.00"),
        Decimal("100.00"),
        Decimal("25.00"),
    )
    assert (e.number, e.currency) == ("INV-1001", "EUR")
    assert (e.issue_date, e.due_date, e.delivery_date) == (
        date(2024, 11, 20),
        date(2024, 12, 20),
        date(2024, 11, 19),
    )
    assert e.seller == "Canal Taxi B.V." and e.seller_tax_id == "NL123456789B01"
    assert e.buyer == "Acme Corp"
    assert e.lines == (EInvoiceLine("Taxi ride airport to office", Decimal("100.00"), Decimal("1")),)


def test_ubl_credit_note_keeps_positive_amounts_and_type_381() -> None:
    e = read_einvoice(ubl_credit_note())

    assert e.syntax == "UBL CreditNote" and e.type_code == "381"
    assert (e.total, e.amount_due, e.tax) == (Decimal("25.00"), Decimal("25.00"), Decimal("5.00"))
    assert e.seller == "Canal Taxi Amsterdam B.V."  # no trading name: the registered name
    assert e.due_date == date(2024, 12, 25)
    assert [line.description for line in e.lines] == ["Refund: waiting time"]


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE Invoice [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:ID>&lol9;</cbc:ID></Invoice>
"""


UTF16_LAUGHS = (
    BILLION_LAUGHS.decode()
    .replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>')
    .encode("utf-16")
)


@pytest.mark.parametrize("data", [BILLION_LAUGHS, UTF16_LAUGHS], ids=["utf-8", "utf-16"])
def test_entity_expansion_is_refused(data: bytes) -> None:
    with pytest.raises(UnsafeXml, match="DOCTYPE"):
        read_einvoice(data)


def test_external_entity_is_refused_and_never_read() -> None:
    xxe = (
        ubl_invoice()
        .replace(
            b'<?xml version="1.0" encoding="UTF-8"?>',
            b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE Invoice [<!ENTITY x SYSTEM "file:///etc/hostname">]>',
        )
        .replace(b"<cbc:ID>INV-1001</cbc:ID>", b"<cbc:ID>&x;</cbc:ID>")
    )
    with pytest.raises(UnsafeXml, match="DOCTYPE"):
        read_einvoice(xxe)


def test_absurd_nesting_is_refused_by_the_parser_limits() -> None:
    with pytest.raises(UnsafeXml, match="depth"):
        read_einvoice(b"<a>" * 10_000 + b"</a>" * 10_000)


def test_documents_cross_the_process_pool() -> None:
    reader = XmlEInvoiceDocumentReader()
    document = pickle.loads(pickle.dumps(reader)).read(ubl_invoice(), "peppol.xml")
    assert pickle.loads(pickle.dumps(document)) == document


def test_oversized_xml_is_refused_before_parsing() -> None:
    with pytest.raises(UnsafeXml, match="larger than"):
        read_einvoice(ubl_invoice() + b" " * 2048, max_bytes=2048)


def test_xml_that_is_not_an_invoice_names_its_root() -> None:
    with pytest.raises(NotAnEInvoice, match="<svg>"):
        read_einvoice(b'<svg xmlns="http://www.w3.org/2000/svg"><text>Total 10.00</text></svg>')


def test_e_invoice_without_a_total_is_not_an_invoice() -> None:
    no_total = (
        ubl_invoice()
        .replace(b"<cac:LegalMonetaryTotal>", b"<cac:Other>")
        .replace(b"</cac:LegalMonetaryTotal>", b"</cac:Other>")
    )
    with pytest.raises(NotAnEInvoice, match="grand total"):
        read_einvoice(no_total)


# The standalone reader (UBL / CII files in the ZIP)


def test_reader_renders_the_invoice_as_text_and_keeps_the_xml() -> None:
    document = XmlEInvoiceDocumentReader().read(ubl_invoice(), "peppol.xml")

    assert document.einvoice is not None and document.einvoice.total == Decimal("125.00")
    assert document.source is TextSource.EINVOICE and document.page_count == 1
    for fact in (
        "Canal Taxi B.V.",
        "INV-1001",
        "2024-11-20",
        "Taxi ride airport to office",
        "Total: 125.00 EUR",
    ):
        assert fact in document.text


def test_reader_refuses_hostile_xml_as_unsupported() -> None:
    with pytest.raises(UnsupportedFile, match="DOCTYPE"):
        XmlEInvoiceDocumentReader().read(BILLION_LAUGHS, "bomb.xml")


def test_reader_refuses_other_xml_with_a_clear_message() -> None:
    with pytest.raises(UnsupportedFile, match="is XML but not an e-invoice"):
        XmlEInvoiceDocumentReader().read(b"<?xml version='1.0'?><note><to>Tove</to></note>", "note.xml")


def test_reader_reports_broken_xml_as_damaged() -> None:
    with pytest.raises(CorruptDocument, match="cannot be read as XML"):
        XmlEInvoiceDocumentReader().read(b"<Invoice><cbc:ID>1</Invoice>", "broken.xml")


def test_reader_refuses_an_oversized_file() -> None:
    with pytest.raises(UnsupportedFile, match="larger than"):
        XmlEInvoiceDocumentReader(max_bytes=1024).read(ubl_invoice(), "big.xml")


def test_sniffing_reader_sends_xml_to_the_e_invoice_reader() -> None:
    class Refuse:
        def read(self, data: bytes, filename: str) -> object:
            raise AssertionError("the PDF reader must not see XML")

    reader = FormatSniffingDocumentReader({PDF: Refuse(), XML: XmlEInvoiceDocumentReader()})  # type: ignore[dict-item]
    document = reader.read(b"\xef\xbb\xbf" + cii(), "factur-x.xml")
    assert document.einvoice is not None and document.einvoice.number == "RE-2024-0042"

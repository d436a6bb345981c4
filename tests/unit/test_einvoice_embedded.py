"""The XML a Factur-X / ZUGFeRD / XRechnung PDF carries, found through the name tree or /AF, and
ignored (the page still read) when it is missing, oversized, a bomb or not an invoice."""

from __future__ import annotations

import zlib
from decimal import Decimal

import pytest

from reimburse.adapters.einvoice.embedded import embedded_einvoice
from reimburse.adapters.pdf.pdfplumber_document_reader import PdfplumberDocumentReader
from tests.einvoice_samples import cii, pdf_with_attachment, zugferd1

PAGE = (
    "Beispiel Hotel GmbH",
    "Rechnung Nr. RE-2024-0042",
    "Rechnungsdatum: 15.03.2024",
    "Gesamtbetrag: 119,00 EUR",
)


def test_pdf_reader_attaches_the_embedded_cii_to_the_document() -> None:
    document = PdfplumberDocumentReader().read(pdf_with_attachment(PAGE, cii()), "hybrid.pdf")

    assert "Gesamtbetrag: 119,00 EUR" in document.text  # the page is read as before
    assert document.einvoice is not None
    assert (document.einvoice.total, document.einvoice.number) == (Decimal("119.00"), "RE-2024-0042")


@pytest.mark.parametrize(
    ("name", "in_names", "in_af"),
    [
        ("factur-x.xml", True, False),  # name tree only
        ("zugferd-invoice.xml", False, True),  # associated files only (/AF)
        ("ZUGFeRD-invoice.xml", True, True),  # ZUGFeRD 1.0 spelling
        ("xrechnung.xml", True, True),
        ("rechnung-42.xml", True, False),  # an unusual name still read when the XML is an invoice
    ],
)
def test_attachment_is_found_by_name_tree_or_associated_files(name: str, in_names: bool, in_af: bool) -> None:
    pdf = pdf_with_attachment(PAGE, zugferd1(), name, in_names=in_names, in_af=in_af)
    found = embedded_einvoice(pdf)
    assert found is not None and found.syntax == "ZUGFeRD 1.0" and found.total == Decimal("59.50")


def test_attachment_in_a_nested_name_tree_is_found() -> None:
    tree = b"<< /Kids [<< /Limits [(a.xml) (z.xml)] /Names [(factur-x.xml) 5 0 R] >>] >>"
    found = embedded_einvoice(pdf_with_attachment(PAGE, cii(), in_af=False, tree=tree))
    assert found is not None and found.number == "RE-2024-0042"


def test_a_name_tree_that_lists_itself_is_walked_once() -> None:
    # Every node names itself 64 times as a kid: without a visited set the walk never ends.
    tree = b"<< /Kids [" + b"8 0 R " * 64 + b"] /Names [(factur-x.xml) 5 0 R] >>"
    found = embedded_einvoice(pdf_with_attachment(PAGE, cii(), in_af=False, tree=tree))
    assert found is not None and found.total == Decimal("119.00")


def test_a_reference_to_itself_ends_the_search() -> None:
    # Object 8 is "8 0 R": pdfminer's resolve1 would follow it forever.
    assert embedded_einvoice(pdf_with_attachment(PAGE, cii(), in_af=False, tree=b"8 0 R")) is None


def test_a_filter_that_refers_to_itself_is_not_decoded() -> None:
    pdf = pdf_with_attachment(PAGE, cii(), tree=b"8 0 R")
    same_length = pdf.replace(b"/Filter /FlateDecode /Length", b"/Filter 8 0 R        /Length")
    assert len(same_length) == len(pdf) and same_length != pdf  # the xref offsets stay right
    assert embedded_einvoice(same_length) is None


def test_pdf_without_attachment_has_no_einvoice() -> None:
    assert PdfplumberDocumentReader().read(pdf_with_attachment(PAGE, None), "plain.pdf").einvoice is None


def test_attachment_that_is_not_xml_is_ignored() -> None:
    assert embedded_einvoice(pdf_with_attachment(PAGE, b"\x89PNG\r\n\x1a\n...", "logo.png")) is None


def test_attachment_that_is_other_xml_is_ignored() -> None:
    assert embedded_einvoice(pdf_with_attachment(PAGE, b"<note><to>Tove</to></note>", "factur-x.xml")) is None


def test_oversized_attachment_is_ignored_and_the_page_still_read() -> None:
    pdf = pdf_with_attachment(PAGE, cii())
    assert embedded_einvoice(pdf, max_bytes=512) is None
    assert embedded_einvoice(pdf) is not None


def test_attachment_bomb_is_stopped_by_the_decode_budget() -> None:
    # 40 KB that inflate to 40 MB, declaring 100 bytes: the decoder stops at the budget.
    packed = zlib.compress(b"<a>" + b" " * 40 * 2**20 + b"</a>", 9)
    bomb = pdf_with_attachment(PAGE, b"x", packed=packed, declared_size=100)
    assert embedded_einvoice(bomb) is None
    assert PdfplumberDocumentReader().read(bomb, "bomb.pdf").einvoice is None  # the page is still read


def test_hostile_attachment_is_ignored() -> None:
    hostile = b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + cii().split(b"?>", 1)[1]
    assert embedded_einvoice(pdf_with_attachment(PAGE, hostile)) is None


def test_damaged_pdf_gives_no_einvoice_rather_than_an_error() -> None:
    assert embedded_einvoice(b"%PDF-1.7\nnot really a pdf\n%%EOF") is None

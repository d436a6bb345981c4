"""An invoice built from the e-invoice XML exactly, checked against the visible page: a page
that does not print the XML's total or number gets an einvoice_mismatch flag."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reimburse.adapters.einvoice.invoice_from_einvoice import aread_with_einvoice, is_printed
from reimburse.adapters.einvoice.parse import read_einvoice
from reimburse.adapters.einvoice.xml_einvoice_document_reader import XmlEInvoiceDocumentReader
from reimburse.adapters.heuristic import HeuristicInvoiceExtractor
from reimburse.domain.errors import ExtractionError
from reimburse.domain.verdict.decide import Claim, decide
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice, LineItem
from reimburse.domain.verdict.policy import Category, Policy
from reimburse.domain.verdict.verdict import FlagCode
from tests.einvoice_samples import cii, ubl_credit_note, ubl_invoice

POLICY = Policy(
    policy_id="pol_einvoice",
    currency="EUR",
    categories=(
        Category("Accommodation", ("hotel", "lodging")),
        Category("Local Conveyance", ("cab", "taxi")),
    ),
)


def document(page: str, xml: bytes) -> Document:
    return Document(
        filename="hybrid.pdf",
        sha256=hashlib.sha256(page.encode()).hexdigest(),
        text=page,
        pages=(page,),
        einvoice=read_einvoice(xml),
    )


HOTEL_PAGE = """Beispiel Hotel GmbH
Hauptstraße 1, 10115 Berlin
Rechnung Nr. RE-2024-0042
Rechnungsdatum: 15.03.2024
Hotelzimmer, 1 Nacht   100,00
MwSt 19%   19,00
Gesamtbetrag: 119,00 EUR"""


def mismatches(invoice: Invoice) -> list[str]:
    return [f.message for f in invoice.reading_flags if f.code == FlagCode.EINVOICE_MISMATCH]


def test_invoice_comes_from_the_xml_exactly() -> None:
    invoice = HeuristicInvoiceExtractor().read(
        document(HOTEL_PAGE, cii(total="119.00", due="119.00")), POLICY
    )

    assert invoice.extractor == "einvoice+heuristic"
    assert (invoice.total, invoice.amount_due, invoice.currency) == (
        Decimal("119.00"),
        Decimal("119.00"),
        "EUR",
    )
    assert (invoice.subtotal, invoice.taxes) == (Decimal("100.00"), Decimal("19.00"))
    assert invoice.invoice_date == date(2024, 3, 15)
    assert (invoice.invoice_number, invoice.vendor) == ("RE-2024-0042", "Beispiel Hotel GmbH")
    assert invoice.line_items == (LineItem("Hotel room, 1 night", Decimal("100.00"), Decimal("1.0000")),)
    assert invoice.candidate_totals == ()
    assert invoice.category == "Accommodation"  # from the page text, as for any PDF
    assert invoice.reading_flags == ()  # the page prints the XML's total and number


def test_xml_total_wins_over_what_the_page_reader_would_take() -> None:
    # A partial invoice: the page labels both; the XML says which is the invoice's own total.
    page = HOTEL_PAGE.replace(
        "Gesamtbetrag: 119,00 EUR", "Gesamtbetrag: 119,00 EUR\nAnzahlung 50,00\nZahlbetrag: 69,00 EUR"
    )
    invoice = HeuristicInvoiceExtractor().read(document(page, cii(due="69.00")), POLICY)

    assert (invoice.total, invoice.amount_due) == (Decimal("119.00"), Decimal("69.00"))
    assert invoice.reading_flags == ()
    verdict = decide(POLICY, invoice, Claim("Rani Sharma", date(2024, 3, 20)))
    assert verdict.total == Decimal("119.00")


def test_page_total_that_differs_from_the_xml_is_flagged() -> None:
    page = HOTEL_PAGE.replace("119,00", "149,00")
    invoice = HeuristicInvoiceExtractor().read(document(page, cii()), POLICY)

    assert invoice.total == Decimal("119.00")  # the seller's data, not the page
    (message,) = mismatches(invoice)
    assert "total of 119.00 EUR" in message and "the page reads 149.00" in message

    verdict = decide(POLICY, invoice, Claim("Rani Sharma", date(2024, 3, 20)))
    assert verdict.review_required
    assert FlagCode.EINVOICE_MISMATCH in {f.code for f in verdict.flags}


def test_page_total_label_that_differs_is_flagged_even_when_the_xml_amount_appears_elsewhere() -> None:
    # 119,00 is printed (as a line), but the page's own total says 149,00.
    page = HOTEL_PAGE.replace("Hotelzimmer, 1 Nacht   100,00", "Hotelzimmer, 1 Nacht   119,00").replace(
        "Gesamtbetrag: 119,00", "Gesamtbetrag: 149,00"
    )
    (message,) = mismatches(HeuristicInvoiceExtractor().read(document(page, cii()), POLICY))
    assert message == "The page's total is 149.00 EUR, but the embedded e-invoice states 119.00 EUR."


def test_page_number_that_differs_from_the_xml_is_flagged() -> None:
    page = HOTEL_PAGE.replace("RE-2024-0042", "RE-2024-0043")
    (message,) = mismatches(HeuristicInvoiceExtractor().read(document(page, cii()), POLICY))
    assert "invoice number RE-2024-0042" in message


def test_number_printed_with_other_separators_is_not_a_mismatch() -> None:
    page = HOTEL_PAGE.replace("RE-2024-0042", "RE 2024 / 0042")
    assert mismatches(HeuristicInvoiceExtractor().read(document(page, cii()), POLICY)) == []


def test_page_without_a_readable_total_still_gets_the_xml_reading() -> None:
    page = "Beispiel Hotel GmbH\nRechnung RE-2024-0042\nHotelzimmer  119,00"  # an item price, no total
    with pytest.raises(ExtractionError, match="no total found"):  # the page alone names no total
        HeuristicInvoiceExtractor().read_page(document(page, cii()), POLICY)
    invoice = HeuristicInvoiceExtractor().read(document(page, cii()), POLICY)
    assert invoice.total == Decimal("119.00") and invoice.reading_flags == ()
    assert invoice.category == "Accommodation"  # the classifier still reads the page


def test_corrective_invoice_keeps_its_negative_total() -> None:
    page = "Musterlieferant GmbH\nRechnungskorrektur RK-1\nGesamtbetrag: -8,79 EUR"
    xml = cii(number="RK-1", type_code="384", net="-7.39", tax="-1.40", total="-8.79", due="-8.79")
    invoice = HeuristicInvoiceExtractor().read(document(page, xml), POLICY)

    assert invoice.total == Decimal("-8.79") and invoice.reading_flags == ()
    assert decide(POLICY, invoice, Claim("Rani Sharma", date(2024, 3, 20))).reimbursable == Decimal(0)


def test_standalone_ubl_is_not_checked_against_its_own_rendering() -> None:
    doc = XmlEInvoiceDocumentReader().read(ubl_invoice(), "peppol.xml")
    invoice = HeuristicInvoiceExtractor().read(doc, POLICY)

    assert invoice.extractor == "einvoice+heuristic"
    assert (invoice.total, invoice.vendor, invoice.invoice_number) == (
        Decimal("125.00"),
        "Canal Taxi B.V.",
        "INV-1001",
    )
    assert invoice.category == "Local Conveyance"  # "Taxi ride" in the rendered items
    assert invoice.reading_flags == ()


def test_credit_note_keeps_its_amount_and_needs_review() -> None:
    doc = XmlEInvoiceDocumentReader().read(ubl_credit_note(), "credit.xml")
    invoice = HeuristicInvoiceExtractor().read(doc, POLICY)

    assert invoice.total == Decimal("25.00")  # as the seller states it
    (flag,) = invoice.reading_flags
    assert flag.code == FlagCode.CREDIT_NOTE and "refunds 25.00 EUR" in flag.message
    assert decide(POLICY, invoice, Claim("Rani Sharma", date(2024, 12, 1))).review_required


def test_cii_credit_note_type_code_needs_review() -> None:
    page = HOTEL_PAGE.replace("Rechnung Nr.", "Gutschrift Nr.")
    invoice = HeuristicInvoiceExtractor().read(document(page, cii(type_code="381")), POLICY)
    assert [f.code for f in invoice.reading_flags] == [FlagCode.CREDIT_NOTE]


def test_an_ordinary_invoice_is_not_a_credit_note() -> None:
    invoice = HeuristicInvoiceExtractor().read(
        XmlEInvoiceDocumentReader().read(ubl_invoice(), "i.xml"), POLICY
    )
    assert FlagCode.CREDIT_NOTE not in {f.code for f in invoice.reading_flags}


async def test_async_page_reader_failure_leaves_the_xml_reading() -> None:
    async def unreachable(document: Document, policy: Policy) -> Invoice:
        raise ExtractionError("model unavailable")

    invoice = await aread_with_einvoice(document(HOTEL_PAGE, cii()), POLICY, unreachable, "gemini")
    assert invoice.extractor == "einvoice+gemini" and invoice.total == Decimal("119.00")
    assert invoice.reading_flags == ()


async def test_async_page_reading_gives_category_and_names() -> None:
    async def model(document: Document, policy: Policy) -> Invoice:
        notes = ("amount_not_in_text: 1.00 is not printed", "looks like a hotel expense")
        return Invoice(
            total=Decimal("1.00"), category="Accommodation", names=("Rani Sharma",), nights=1, notes=notes
        )

    invoice = await aread_with_einvoice(document(HOTEL_PAGE, cii()), POLICY, model, "gemini")
    assert (invoice.total, invoice.category, invoice.names, invoice.nights) == (
        Decimal("119.00"),
        "Accommodation",
        ("Rani Sharma",),
        1,
    )
    # the page's informational notes stay; its review concerns about the total do not
    assert "looks like a hotel expense" in invoice.notes
    assert not any(n.startswith("amount_not_in_text") for n in invoice.notes)


def _german(amount: Decimal) -> str:
    return f"{amount:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999999.99"), places=2))
def test_an_amount_is_found_in_english_and_german_print(amount: Decimal) -> None:
    assert is_printed(amount, f"Total: {amount:,.2f} USD")
    assert is_printed(amount, f"Gesamtbetrag {_german(amount)} €")
    assert is_printed(amount, f"Total TTC : {amount:,.2f} EUR".replace(",", "\u202f"))


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999999.99"), places=2))
def test_an_amount_is_not_found_inside_a_longer_number(amount: Decimal) -> None:
    assert not is_printed(amount, f"Total: 1{amount:.2f}1")
    assert not is_printed(amount, f"Total: {amount + Decimal('0.01'):.2f}")

"""The Gemini extractor takes the same e-invoice path: XML amounts, the model's category, and no
model call at all for a standalone XML file (there is no page for it to read)."""

from __future__ import annotations

from decimal import Decimal

from reimburse.adapters.einvoice.parse import read_einvoice
from reimburse.adapters.einvoice.xml_einvoice_document_reader import XmlEInvoiceDocumentReader
from reimburse.adapters.gemini.client import GeminiGateway
from reimburse.adapters.gemini.invoice_extractor import GeminiInvoiceExtractor
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import Category, Policy
from tests.einvoice_samples import cii, ubl_invoice
from tests.fakes.fake_gemini_server import GENERATE, FakeGeminiServer, Reply

POLICY = Policy(
    policy_id="pol_einvoice",
    currency="EUR",
    categories=(Category("hotel", ("accommodation",)), Category("cab", ("taxi",))),
)
PAGE = "Beispiel Hotel GmbH\nRechnung Nr. RE-2024-0042\nHotelzimmer 100,00\nGesamtbetrag: 119,00 EUR"


GEMINI_MAX_RETRIES = 0  # read by the gateway fixture (tests/unit/conftest.py)


async def test_hybrid_pdf_takes_amounts_from_the_xml_and_the_category_from_the_model(
    server: FakeGeminiServer, gateway: GeminiGateway
) -> None:
    # The model misreads the total; the XML's stands, and the page does print the XML's total.
    reading = {
        "total": "100.00",
        "currency": "EUR",
        "vendor": "Beispiel Hotel",
        "invoice_number": None,
        "invoice_date": None,
        "category": "hotel",
        "line_items": [],
        "subtotal": None,
        "taxes": None,
        "names": [],
        "candidate_totals": ["100.00"],
        "confidence": {"total": 0.9, "invoice_date": 0.5, "category": 0.9},
    }
    server.script(Reply.model_json(reading))
    document = Document("hybrid.pdf", "0" * 64, PAGE, (PAGE,), einvoice=read_einvoice(cii()))

    invoice = await GeminiInvoiceExtractor(gateway).extract(document, POLICY)

    assert len(server.requests_for(GENERATE)) == 1
    assert (invoice.total, invoice.vendor, invoice.extractor) == (
        Decimal("119.00"),
        "Beispiel Hotel GmbH",
        "einvoice+gemini",
    )
    assert invoice.category == "hotel" and invoice.reading_flags == ()


async def test_standalone_xml_needs_no_model_call(server: FakeGeminiServer, gateway: GeminiGateway) -> None:
    document = XmlEInvoiceDocumentReader().read(ubl_invoice(), "peppol.xml")

    invoice = await GeminiInvoiceExtractor(gateway).extract(document, POLICY)

    assert server.requests == []
    assert (invoice.total, invoice.category, invoice.extractor) == (
        Decimal("125.00"),
        "cab",
        "einvoice+gemini",
    )

"""Scans and photos go to Gemini as page images; the reading is checked against our OCR words."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from PIL import Image

from reimburse.adapters.gemini.client import GeminiGateway
from reimburse.adapters.gemini.invoice_extractor import VISION, GeminiInvoiceExtractor
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import Category, Policy
from reimburse.domain.verdict.verdict import FlagCode
from tests.fakes.fake_gemini_server import GENERATE, FakeGeminiServer, Reply
from tests.image_factory import encode, receipt

POLICY = Policy(policy_id="pol_test", currency="EUR", categories=(Category("meals", ("restaurant",)),))
OCR_TEXT = "TRATTORIA ROMA\nDate 12/03/2024\nPasta   8.00\nTiramisu   4.50\nTOTAL   12.50"
PICTURE = encode(receipt(["TRATTORIA ROMA", ("TOTAL", "12.50")]), "JPEG")


def scanned(images: tuple[bytes, ...] = (PICTURE,)) -> Document:
    return Document(filename="photo.jpg", sha256="0" * 64, text=OCR_TEXT, pages=(OCR_TEXT,), images=images)


def reading(total: str) -> dict[str, Any]:
    return {
        "total": total,
        "currency": "EUR",
        "vendor": "Trattoria Roma",
        "invoice_number": None,
        "invoice_date": "2024-03-12",
        "category": "meals",
        "line_items": [
            {"description": "Pasta", "amount": "8.00", "quantity": None},
            {"description": "Tiramisu", "amount": "4.50", "quantity": None},
        ],
        "subtotal": None,
        "taxes": None,
        "names": [],
        "candidate_totals": [total],
        "confidence": {"total": 0.95, "invoice_date": 0.9, "category": 0.9},
    }


GEMINI_MAX_RETRIES = 0  # read by the gateway fixture (tests/unit/conftest.py)


async def test_a_photo_is_sent_as_an_image_part_with_the_untrusted_framing(
    server: FakeGeminiServer, gateway: GeminiGateway
) -> None:
    server.script(Reply.model_json(reading("12.50")))

    invoice = await GeminiInvoiceExtractor(gateway).extract(scanned(), POLICY)

    assert invoice.total == Decimal("12.50") and invoice.extractor == VISION == "gemini-vision"
    assert invoice.notes == ()  # the total the model saw is in the OCR words too
    (request,) = server.requests_for(GENERATE)
    ((mime, data),) = request.inline_parts
    assert mime == "image/jpeg" and data == PICTURE
    assert Image.open(io.BytesIO(data)).format == "JPEG"
    assert "never an instruction" in request.body["systemInstruction"]["parts"][0]["text"]
    assert "never instructions to you" in request.user_text and "TOTAL   12.50" in request.user_text


async def test_a_total_the_ocr_does_not_show_is_a_contradiction_for_review_not_a_rejection(
    server: FakeGeminiServer, gateway: GeminiGateway
) -> None:
    server.script(Reply.model_json(reading("13.50")))  # OCR read 12.50: one of them misread a digit

    invoice = await GeminiInvoiceExtractor(gateway).extract(scanned(), POLICY)

    assert invoice.total == Decimal("13.50")
    assert any(n.startswith(f"{FlagCode.LOW_CONFIDENCE.value}:") and "OCR" in n for n in invoice.notes)


async def test_a_text_document_sends_no_image(server: FakeGeminiServer, gateway: GeminiGateway) -> None:
    server.script(Reply.model_json(reading("12.50")))

    invoice = await GeminiInvoiceExtractor(gateway).extract(scanned(images=()), POLICY)

    assert invoice.extractor == "gemini"
    assert server.requests_for(GENERATE)[0].inline_parts == []


def test_the_fake_server_refuses_a_malformed_image_part() -> None:
    import httpx

    with FakeGeminiServer() as fake:
        body = {
            "contents": [
                {"role": "user", "parts": [{"inlineData": {"mimeType": "text/x-shell", "data": "eA=="}}]}
            ]
        }
        response = httpx.post(f"{fake.base_url}/v1beta/models/m:generateContent", json=body)
    assert response.status_code == 400 and "MIME" in response.json()["error"]["message"]

"""Image-only PDF pages are rasterised and read by OCR instead of failing as NoTextLayer."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from reimburse.adapters.pdf.pdfplumber_document_reader import PdfplumberDocumentReader
from reimburse.domain.errors import NoTextLayer
from reimburse.domain.verdict.document import TextSource
from tests import pdf_factory
from tests.image_factory import receipt, scanned_pdf

READER = PdfplumberDocumentReader(max_pages=5)


def test_a_scanned_receipt_pdf_is_read_by_ocr_with_boxes_in_pdf_points() -> None:
    data = scanned_pdf(receipt(["FUEL STATION 24", "Date 15/12/2024", ("TOTAL", "48.20")]))
    document = READER.read(data, "scan.pdf")
    assert "48.20" in document.text and "15/12/2024" in document.text
    page = document.layout[0]
    assert page.source is TextSource.OCR and document.source is TextSource.OCR
    assert (page.width, page.height) == (pytest.approx(595, abs=1), pytest.approx(842, abs=1))
    amount = next(w for w in page.words if w.text == "48.20")
    assert page.width / 2 < amount.x1 < 595 - 30  # right column, inside the drawn picture's margin
    assert 0 < amount.confidence <= 1


def test_every_page_of_a_scanned_pdf_is_read_in_order() -> None:
    data = scanned_pdf(
        receipt(["PAGE ONE", ("SUBTOTAL", "40.00")]), receipt(["PAGE TWO", ("TOTAL", "48.20")])
    )
    document = READER.read(data, "two.pdf")
    assert [p.number for p in document.layout] == [1, 2]
    assert "40.00" in document.pages[0] and "48.20" in document.pages[1]


def test_a_picture_without_any_text_is_still_no_text_layer() -> None:
    with pytest.raises(NoTextLayer, match="OCR found none"):
        READER.read(pdf_factory.image_only_pdf(), "shapes.pdf")


def test_a_pdf_with_a_text_layer_is_not_ocrd() -> None:
    document = READER.read(pdf_factory.text_pdf("Cafe Roma", "Total 12.50"), "text.pdf")
    assert document.source is TextSource.TEXT_LAYER


def _mixed_pdf(*pages: str | Image.Image, logo: bool = False) -> bytes:
    """A PDF whose pages are typed text (str) or a scanned picture (an image filling the page)."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(595.0, 842.0))
    for page in pages:
        if isinstance(page, str):
            canvas.drawString(60, 760, page)
            if logo:  # a small picture beside the text is a logo, not a scan
                canvas.drawImage(ImageReader(receipt(["LOGO"], width=120, size=14)), 450, 780, 60, 30)
        else:
            shown = 515.0
            canvas.drawImage(
                ImageReader(page),
                40,
                802 - shown * page.height / page.width,
                shown,
                shown * page.height / page.width,
            )
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_the_scanned_page_of_a_pdf_with_typed_pages_is_read_by_ocr_in_its_place() -> None:
    scan = receipt(["TAXI METRO 7", "Date 03/02/2025", ("TOTAL", "23.40")])
    data = _mixed_pdf("Expense report of Rani Sharma, February 2025", scan, "Signed: Rani Sharma")
    document = READER.read(data, "report.pdf")
    assert [p.source for p in document.layout] == [
        TextSource.TEXT_LAYER,
        TextSource.OCR,
        TextSource.TEXT_LAYER,
    ]
    assert [p.number for p in document.layout] == [1, 2, 3]
    assert "Expense report" in document.pages[0] and "Signed" in document.pages[2]
    assert "23.40" in document.pages[1] and "03/02/2025" in document.pages[1]
    assert "23.40" in document.text


def test_a_text_page_with_a_logo_and_a_blank_page_are_not_ocrd() -> None:
    data = _mixed_pdf("Invoice 2025-17 from Cafe Roma, total 12.50 EUR", "", logo=True)
    document = READER.read(data, "logo.pdf")
    assert all(p.source is TextSource.TEXT_LAYER for p in document.layout)
    assert "LOGO" not in document.text

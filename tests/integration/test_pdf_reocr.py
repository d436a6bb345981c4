"""A scanned page with the scanner's own OCR text layer is read again by our OCR engine; the more
legible reading is kept, and a failure to OCR never costs the scanner's reading."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from reimburse.adapters.pdf import pdfplumber_document_reader as pdf_reader
from reimburse.adapters.pdf.pdfplumber_document_reader import PdfplumberDocumentReader
from reimburse.domain.errors import UnsupportedFile
from reimburse.domain.verdict.document import TextSource
from tests.image_factory import receipt

READER = PdfplumberDocumentReader(max_pages=5)
SCAN = [
    "CORNER CAFE",
    "Table 4   Server Anna",
    "Date 15/12/2024",
    ("Coffee", "3.20"),
    ("Lunch menu", "45.00"),
    ("TOTAL", "48.20"),
    "Thank you, visit again soon",
]


def _scan_with_layer(picture: Image.Image, layer: list[str]) -> bytes:
    """A page a picture covers whole, with an invisible text layer over it (render mode 3), as
    a scanner's OCR writes it."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(595.0, 842.0))
    canvas.drawImage(ImageReader(picture), 0, 0, 595.0, 842.0)
    text = canvas.beginText(40, 800)
    text.setTextRenderMode(3)
    for line in layer:
        text.textLine(line)
    canvas.drawText(text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


GARBLED = [
    "COrNeR CAfE! uTN",
    "TabIe; 4 SeRvEr AnNa",
    "DaTe; 15/l2/2O24 آةةا",
    "CoFfEe 3,2O lo'tal; 4B.2O",
    "tHaNk yOu vIsIt aGaIn sOoN",
]
CLEAN = [
    "CORNER CAFE",
    "Table 4 Server Anna",
    "Date 15/12/2024",
    "Coffee 3.20",
    "TOTAL 48.20",
    "Thank you, visit again soon",
]


def test_a_garbled_scanner_layer_gives_way_to_our_ocr_reading() -> None:
    document = READER.read(_scan_with_layer(receipt(SCAN), GARBLED), "scan.pdf")
    assert document.layout[0].source is TextSource.OCR
    assert "48.20" in document.text and "15/12/2024" in document.text


def test_a_legible_scanner_layer_is_kept() -> None:
    document = READER.read(_scan_with_layer(receipt(SCAN), CLEAN), "scan.pdf")
    assert document.layout[0].source is TextSource.TEXT_LAYER
    assert "Thank you, visit again soon" in document.text


def test_when_our_ocr_fails_the_scanner_layer_is_still_read(monkeypatch: pytest.MonkeyPatch) -> None:
    def too_slow(*_: object, **__: object) -> None:
        raise UnsupportedFile("page 1 could not be read within 60 s.")

    monkeypatch.setattr(pdf_reader, "ocr_pages", too_slow)
    document = READER.read(_scan_with_layer(receipt(SCAN), GARBLED), "scan.pdf")
    assert document.layout[0].source is TextSource.TEXT_LAYER
    assert "SeRvEr" in document.text

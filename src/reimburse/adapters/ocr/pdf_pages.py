"""OCR for PDF pages that are only a picture (a scanner's or phone app's PDF without a text layer).

Pages are rasterised with pdfium (pypdfium2, installed with pdfplumber) at up to RENDER_DPI, never
beyond MAX_SIDE pixels on the longer side, so a page that declares an enormous size cannot make
an enormous bitmap. The PDF reader calls `ocr_pdf` when the whole text layer holds (almost)
nothing, and `ocr_pages` for the picture-only pages of a PDF whose other pages have text (a typed
cover letter with a scanned receipt behind it).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

import pypdfium2
from PIL import Image

from reimburse.domain.errors import CorruptDocument, EncryptedDocument
from reimburse.domain.verdict.document import Document, Page

if TYPE_CHECKING:
    from reimburse.adapters.ocr.rapidocr_document_reader import RapidOcrDocumentReader

RENDER_DPI = 200.0


def ocr_pdf(
    data: bytes, filename: str, max_pages: int, reader: RapidOcrDocumentReader | None = None
) -> Document:
    """The PDF read by OCR, page by page; NoTextLayer when no page shows any text."""
    # Imported here: the PDF reader imports this module, and the OCR reader imports the PDF
    # package's text layout, so a module-level import would be circular.
    from reimburse.adapters.ocr.rapidocr_document_reader import RapidOcrDocumentReader, document_from_layout

    reader = reader or RapidOcrDocumentReader(max_pages=max_pages)
    indices = range(max_pages)
    layout, pictures = reader.ocr_pages(_rendered(data, filename, indices, reader.max_side), filename)
    nothing_read = (
        f"{filename} has no extractable text, and OCR found none on its pages; it looks like a "
        "blank or unreadable scan. Upload a sharper scan or the original PDF."
    )
    return document_from_layout(data, filename, layout, nothing_read, images=pictures)


def ocr_pages(
    data: bytes, filename: str, numbers: Sequence[int], reader: RapidOcrDocumentReader | None = None
) -> dict[int, tuple[str, Page]]:
    """Pages `numbers` (1-based) of the PDF read by OCR: number -> (text, page)."""
    from reimburse.adapters.ocr.layout import page_text
    from reimburse.adapters.ocr.rapidocr_document_reader import RapidOcrDocumentReader

    reader = reader or RapidOcrDocumentReader()
    frames = _rendered(data, filename, [n - 1 for n in numbers], reader.max_side)
    read = {}
    for number, (image, scale) in zip(numbers, frames, strict=False):
        page = reader.ocr_page(image, scale, number, filename)
        read[number] = (page_text(page), page)
    return read


def _rendered(
    data: bytes, filename: str, indices: Iterable[int], max_side: int
) -> Iterator[tuple[Image.Image, float]]:
    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedDocument(f"{filename} is password protected.") from exc
        raise CorruptDocument(f"{filename} is damaged and cannot be rendered for OCR.") from exc
    try:
        for index in indices:
            if index >= len(pdf):
                break
            page = pdf[index]
            try:
                width, height = page.get_size()  # points, /Rotate applied
                scale = min(RENDER_DPI / 72.0, max_side / max(width, height, 1.0))
                image = page.render(scale=scale, grayscale=True).to_pil().convert("RGB")
            finally:
                page.close()
            yield image, 1.0 / scale
    finally:
        pdf.close()

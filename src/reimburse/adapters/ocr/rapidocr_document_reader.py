"""DocumentReader for photos and scans (JPEG, PNG, WebP, TIFF, HEIC...): RapidOCR words -> Document.

The Document has the same shape as a PDF's: pages of lines of words with boxes in points, each
word with its OCR confidence, and the plain text built from those lines. Also used by the PDF
reader for pages that are only an image (`ocr_page_images`).
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable

from PIL import Image

from reimburse.adapters.ocr import images
from reimburse.adapters.ocr.layout import build_page, page_text
from reimburse.adapters.ocr.rapidocr_engine import OcrTimeout, recognise, time_limit
from reimburse.domain.errors import NoTextLayer, UnsupportedFile
from reimburse.domain.verdict.document import Document, Page

PAGE_TIMEOUT_SECONDS = 60.0
# Pictures kept for a vision model: the first pages, at a size it reads well, as JPEG.
VISION_PAGES = 4
VISION_SIDE = 1600
VISION_QUALITY = 85
MIN_TEXT_CHARS = 8  # fewer letters/digits than this on every page: nothing to read


class RapidOcrDocumentReader:
    """Picklable (plain attributes only): the application runs it in a process pool."""

    engine = "rapidocr"

    def __init__(
        self,
        max_pages: int = 50,
        max_pixels: int = images.MAX_PIXELS,
        max_side: int = images.MAX_SIDE,
        page_timeout: float = PAGE_TIMEOUT_SECONDS,
        threads: int = 1,
    ) -> None:
        self.max_pages = max_pages
        self.max_pixels = max_pixels
        self.max_side = max_side
        self.page_timeout = page_timeout
        self.threads = threads

    def read(self, data: bytes, filename: str) -> Document:
        frames = images.pages(data, filename, self.max_pages, self.max_pixels, self.max_side)
        layout, pictures = self.ocr_pages(frames, filename)
        return document_from_layout(data, filename, layout, images=pictures)

    def ocr_pages(
        self, frames: Iterable[tuple[Image.Image, float]], filename: str
    ) -> tuple[tuple[Page, ...], tuple[bytes, ...]]:
        """OCR each (image, points per pixel) into a Page (numbered from 1); and the first pictures."""
        pages, pictures = [], []
        for number, (image, scale) in enumerate(frames, start=1):
            pages.append(self.ocr_page(image, scale, number, filename))
            if number <= VISION_PAGES:
                pictures.append(jpeg(image))
        return tuple(pages), tuple(pictures)

    def ocr_page(self, image: Image.Image, scale: float, number: int, filename: str) -> Page:
        try:
            with time_limit(self.page_timeout):
                words = recognise(image, self.threads)
        except OcrTimeout as exc:
            raise UnsupportedFile(
                f"{filename}: page {number} could not be read within {self.page_timeout:g} s."
            ) from exc
        return build_page(words, number, image.width, image.height, scale)


def jpeg(image: Image.Image) -> bytes:
    copy = image.copy()
    copy.thumbnail((VISION_SIDE, VISION_SIDE), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    copy.save(buffer, "JPEG", quality=VISION_QUALITY, optimize=True)
    return buffer.getvalue()


def document_from_layout(
    data: bytes,
    filename: str,
    layout: tuple[Page, ...],
    nothing_read: str = "",
    images: tuple[bytes, ...] = (),
) -> Document:
    pages = tuple(page_text(page) for page in layout)
    if sum(ch.isalnum() for page in pages for ch in page) < MIN_TEXT_CHARS:
        raise NoTextLayer(
            nothing_read or f"{filename}: no text could be read from the image (blank, or too blurred)."
        )
    return Document(
        filename=filename,
        sha256=hashlib.sha256(data).hexdigest(),
        text="\n\n".join(pages),
        pages=pages,
        layout=layout,
        images=images,
    )

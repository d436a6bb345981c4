"""DocumentReader on pdfplumber: PDF bytes -> normalised text, one string per page.

Checks run cheapest first, so hostile files cost little: header and end marker, then
encryption and page count with pdfminer alone (no page content parsed), then the text.
Line rebuilding (word breaks, columns, rotation) lives in text_layout, which also gives each
page's layout: its words with their boxes, top-left origin, in the page's displayed orientation. Glyphs come
from pdfminer's interpreter directly (glyph_device): converting every char to pdfplumber's attribute
dicts (`page.chars`) would more than double the time per page, for attributes this reader never uses.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import re
from collections.abc import Iterable, Iterator
from typing import Any

import msgspec
import pdfplumber
from pdfminer.layout import LTContainer, LTCurve, LTImage, LTItem, LTLine, LTPage, LTRect
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError
from pdfminer.pdfpage import PDFPage
from pdfplumber.utils.exceptions import PdfminerException

from reimburse.adapters.einvoice.embedded import einvoice_attached_to
from reimburse.adapters.heuristic.legibility import legibility
from reimburse.adapters.ocr.confidence import completed, cross_read
from reimburse.adapters.ocr.pdf_pages import ocr_pages, ocr_pdf
from reimburse.adapters.pdf import decode_budget
from reimburse.adapters.pdf.glyph_device import interpret
from reimburse.adapters.pdf.text_layout import page_layout
from reimburse.adapters.pdf.to_unicode import ToUnicodeResourceManager
from reimburse.domain.errors import (
    CorruptDocument,
    DocumentError,
    EncryptedDocument,
    TooManyPages,
    UnsupportedFile,
)
from reimburse.domain.verdict.document import Document, Page

MIN_TEXT_CHARS = 8  # fewer letters/digits than this in the whole file: treat it as a scan
# A page of a PDF that has text elsewhere is a scan when it has (almost) no text of its own and a
# picture covers at least this share of it (a receipt pasted on A4 covers 10-50%; a logo less).
SCAN_IMAGE_SHARE = 0.1
# A picture covering (nearly) all of a page that also has text is a scan with the scanner's own
# OCR text layer (every scanned corpus PDF: 1.0; born-digital ones: at most 0.02). A born-digital page
# drawn over a full-page background picture counts too: its text is read in the scanned frame.
SCANNED_PAGE_SHARE = 0.9
# Scanned pages read again by our OCR engine (a few seconds each): an invoice's fields are on
# its first pages.
REREAD_PAGES = 3
# Our OCR's reading replaces the scanner's only when clearly more legible.
LEGIBILITY_MARGIN = 0.02
# ... or when the scanner's layer left out a column of amounts (a receipt's right-hand prices:
# set SC s03, s18 kept 0 of 4 and 4 of 9): ours reads at least this many more, and twice as many.
DROPPED_AMOUNTS = 3
_AMOUNT = re.compile(r"(?<![\d.,])\d{1,7}[.,]\d{2}(?![\d.,])")
HEADER_WINDOW = 1024
# Acrobat accepts %%EOF anywhere in the last 1024 bytes; a file without it was cut short.
EOF_WINDOW = 1024
# Real invoices decode to kilobytes (the example corpus: 11 KB at most); a file that asks for more
# than this is a decompression bomb, not an invoice.
MAX_DECODED_BYTES = 32 * 1024 * 1024

decode_budget.install()


class PdfplumberDocumentReader:
    """Picklable (plain attributes only): the application runs it in a process pool."""

    def __init__(
        self, max_pages: int = 50, max_decoded_bytes: int = MAX_DECODED_BYTES, *, tables: bool = True
    ) -> None:
        self.max_pages = max_pages
        self.max_decoded_bytes = max_decoded_bytes
        # Only policies read ruled tables (their limits by grade and city); finding them on an
        # invoice's page costs about a tenth of the invoice path (bench item 2), for nothing.
        self.tables = tables

    def read(self, data: bytes, filename: str) -> Document:
        _check_envelope(data, filename)
        try:
            with decode_budget.limited(self.max_decoded_bytes):
                read, pictured, scanned, parsed = self._pages(data, filename)
        except DocumentError:
            raise
        except PdfminerException as exc:
            raise _classify(exc.args[0] if exc.args else exc, filename) from exc
        except Exception as exc:  # pdfminer raises many unrelated types on broken files
            raise _classify(exc, filename) from exc
        pages = tuple(text for text, _ in read)
        if not pages:
            raise CorruptDocument(f"{filename} has no pages.")
        if sum(ch.isalnum() for page in pages for ch in page) < MIN_TEXT_CHARS:
            # Only pictures of pages (a scanner's or phone app's PDF): read them by OCR. Raises
            # NoTextLayer when the pictures show no text either.
            return ocr_pdf(data, filename, self.max_pages)
        scans = [n for n in sorted(pictured) if _alnum(pages[n - 1]) < MIN_TEXT_CHARS]
        if scans:  # text pages as they are, the scanned ones by OCR, page by page
            ocr = ocr_pages(data, filename, scans)
            read = [ocr.get(n, page) for n, page in enumerate(read, start=1)]
            pages = tuple(text for text, _ in read)
        layered = [n for n in sorted(scanned) if n not in scans][:REREAD_PAGES]
        if layered:  # a scanner's own OCR text layer: our OCR may read the picture better
            read = _better_reading(data, filename, read, layered)
            pages = tuple(text for text, _ in read)
        return Document(
            filename=filename,
            sha256=hashlib.sha256(data).hexdigest(),
            text="\n\n".join(pages),
            pages=pages,
            layout=tuple(page for _, page in read),
            einvoice=einvoice_attached_to(parsed),  # Factur-X / ZUGFeRD / XRechnung XML, if attached
        )

    def _pages(
        self, data: bytes, filename: str
    ) -> tuple[list[tuple[str, Page]], set[int], set[int], PDFDocument]:
        """(text, layout) of each page, the numbers of the pages a picture mostly covers, and of
        those a picture covers whole (a scanned page); and the parsed file, for its attachments."""
        # The file is parsed once (xref, catalog), for pages, page count and attachments alike.
        pdf = pdfplumber.open(io.BytesIO(data))  # locked: raises here; no page is parsed yet
        pdf.rsrcmgr = ToUnicodeResourceManager()  # the same fonts; their ToUnicode maps read faster
        # Counted before any page is parsed, and outside `with`: pdf.close() would walk every
        # page of a 1000-page file.
        self._check_page_count(pdf.doc, filename)
        read: list[tuple[str, Page]] = []
        shares: dict[int, float] = {}
        with pdf:
            for n, page in enumerate(pdf.pages, start=1):
                layout, glyphs = interpret(pdf.rsrcmgr, page.page_obj, n)
                shares[n] = _image_share(layout)
                # pdfminer's page starts at (0, 0) with /Rotate already applied
                text = page_layout(
                    glyphs, n, layout.width, layout.height, scanned=shares[n] >= SCANNED_PAGE_SHARE
                )
                read.append(_with_tables(page, layout, text) if self.tables else text)
        pictured = {n for n, share in shares.items() if share >= SCAN_IMAGE_SHARE}
        scanned = {n for n, share in shares.items() if share >= SCANNED_PAGE_SHARE}
        return read, pictured, scanned, pdf.doc

    def _check_page_count(self, doc: PDFDocument, filename: str) -> None:
        seen = sum(1 for _ in itertools.islice(PDFPage.create_pages(doc), self.max_pages + 1))
        if seen > self.max_pages:
            raise TooManyPages(
                f"{filename} has more than {self.max_pages} pages; the limit is {self.max_pages}."
            )


def _check_envelope(data: bytes, filename: str) -> None:
    if not data:
        raise CorruptDocument(f"{filename} is empty.")
    if b"%PDF-" not in data[:HEADER_WINDOW]:
        raise CorruptDocument(f"{filename} is not a PDF file (no %PDF header).")
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        raise CorruptDocument(f"{filename} is truncated or damaged (the PDF end marker is missing).")


def _classify(exc: BaseException, filename: str) -> DocumentError:
    if isinstance(exc, decode_budget.DecodeBudgetExceeded):
        return UnsupportedFile(
            f"{filename} decompresses to more than {exc.limit // 2**20} MB; "
            "it was not read (a PDF this size is not an invoice)."
        )
    if isinstance(exc, PDFEncryptionError):
        return EncryptedDocument(
            f"{filename} is password protected. Remove the password and upload it again."
        )
    return CorruptDocument(f"{filename} is damaged and cannot be read as a PDF ({type(exc).__name__}).")


# A page draws a table with at least this many rules; below it, table extraction (which converts
# every glyph to pdfplumber's dicts) is not worth its cost.
MIN_TABLE_RULES = 6


def _with_tables(page: Any, drawn: LTPage, read: tuple[str, Page]) -> tuple[str, Page]:
    text, layout = read
    rules = sum(1 for item in drawn if isinstance(item, LTRect | LTLine | LTCurve))
    if rules < MIN_TABLE_RULES:
        return read
    # pdfplumber interprets the page again with its own per-glyph objects: only on ruled pages
    tables = tuple(
        tuple(tuple(" ".join((cell or "").split()) for cell in row) for row in table)
        for table in page.extract_tables()
        if len(table) >= 2
    )
    return text, msgspec.structs.replace(layout, tables=tables) if tables else layout


def _better_reading(
    data: bytes, filename: str, read: list[tuple[str, Page]], numbers: list[int]
) -> list[tuple[str, Page]]:
    """Scanned pages read again by OCR; each keeps the more legible of the two readings. A
    scanner's OCR layer can be garbled ("lo'tal", Arabic glyphs on an English receipt); on the
    development scans ours was more legible on half the pages and then read more fields right."""
    try:
        ocr = ocr_pages(data, filename, numbers)
    except DocumentError:  # too slow or unreadable: the scanner's layer is still a reading, but
        # nothing confirmed its numbers, so a total read from them goes to review
        unconfirmed = {
            n: cross_read(read[n - 1][1], msgspec.structs.replace(read[n - 1][1], lines=())) for n in numbers
        }
        return [(text, unconfirmed.get(n, page)) for n, (text, page) in enumerate(read, start=1)]
    return _chosen(read, ocr)


def _chosen(read: list[tuple[str, Page]], ocr: dict[int, tuple[str, Page]]) -> list[tuple[str, Page]]:
    """Each page as read (the scanner's layer) or as our OCR read it (`ocr`, by page number):
    ours when clearly more legible or when the layer left out the amounts ours holds."""
    out = list(read)
    for n, (text, page) in ocr.items():
        theirs, ours = legibility(read[n - 1][0]), legibility(text)
        if ours is not None and (
            theirs is None or ours > theirs + LEGIBILITY_MARGIN or _dropped_amounts(read[n - 1][0], text)
        ):
            out[n - 1] = (text, page)
        else:  # the scanner's numbers are only as sure as our reading of the picture confirms,
            # and a date it cut short ("2024-02-") is written as ours reads it whole
            out[n - 1] = completed(read[n - 1][0], cross_read(read[n - 1][1], page), page)
    return out


def _dropped_amounts(theirs: str, ours: str) -> bool:
    """Our OCR of the picture reads clearly more amounts than the scanner's layer holds."""
    mine, kept = len(_AMOUNT.findall(ours)), len(_AMOUNT.findall(theirs))
    return mine >= kept + DROPPED_AMOUNTS and mine >= 2 * kept


def _alnum(text: str) -> int:
    return sum(ch.isalnum() for ch in text)


def _image_share(layout: LTPage) -> float:
    """The share of the page the largest picture on it covers (0 when there is none)."""
    area = max(layout.width * layout.height, 1.0)
    return max((_clipped(image, layout) / area for image in _images(layout)), default=0.0)


def _images(items: Iterable[LTItem]) -> Iterator[LTImage]:
    for item in items:
        if isinstance(item, LTImage):
            yield item
        elif isinstance(item, LTContainer):
            yield from _images(item)


def _clipped(image: LTImage, page: LTPage) -> float:
    width = min(image.x1, page.x1) - max(image.x0, page.x0)
    height = min(image.y1, page.y1) - max(image.y0, page.y0)
    return max(width, 0.0) * max(height, 0.0)

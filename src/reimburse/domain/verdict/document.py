"""A document as read from a file: what the extractors work from.

Every source of words (a PDF's text layer, OCR of a scan or photo) produces the same shape:
pages of words with their boxes, the lines rebuilt from them, and the plain text. Extractors
read fields from this one shape, so a rule learnt on one source serves the others.
Coordinates are in points from the page's top-left corner (OCR pixels are scaled to points).
"""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal

import msgspec


class TextSource(enum.StrEnum):
    TEXT_LAYER = "text_layer"  # the PDF's own text layer (born-digital, or a scanner's OCR layer)
    OCR = "ocr"  # our OCR of an image or an image-only page
    EINVOICE = "einvoice"  # structured XML (Factur-X / ZUGFeRD / XRechnung / UBL)


class Word(msgspec.Struct, frozen=True, array_like=True):
    """One word and its box. `confidence` is the OCR engine's (1.0 for a text layer)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float = 1.0
    # The engine's least sure character that may be a digit where it stands: decimal marks, commas,
    # separators between digits and a currency sign at the word's edge left out, as reading them
    # unsurely changes no value; a glyph at the edge that may be a lost 1 or 7 ("/58.40") counts
    # (adapters/ocr/review). None: unknown.
    digit_confidence: float | None = None
    # OCR only: what a second look at the word's pixels read where it printed other digits
    # (adapters/ocr/reread); the review flag then quotes both readings.
    second_reading: str | None = None


class Line(msgspec.Struct, frozen=True):
    """Words sharing a baseline, left to right. `text` keeps wide gaps as three spaces (columns)."""

    text: str
    words: tuple[Word, ...] = ()

    @property
    def x0(self) -> float:
        return self.words[0].x0 if self.words else 0.0

    @property
    def top(self) -> float:
        return min((w.top for w in self.words), default=0.0)

    @property
    def bottom(self) -> float:
        return max((w.bottom for w in self.words), default=0.0)


class Page(msgspec.Struct, frozen=True):
    number: int  # 1-based
    width: float
    height: float
    lines: tuple[Line, ...] = ()
    source: TextSource = TextSource.TEXT_LAYER
    # Ruled tables as the PDF draws them: rows of cell texts ("" for an empty cell). Policies put
    # their limits by grade and city in such tables (issue 19).
    tables: tuple[tuple[tuple[str, ...], ...], ...] = ()

    @property
    def words(self) -> tuple[Word, ...]:
        return tuple(w for line in self.lines for w in line.words)


class EInvoiceLine(msgspec.Struct, frozen=True):
    description: str
    amount: Decimal  # net line amount as the seller states it
    quantity: Decimal = Decimal(1)


class EInvoice(msgspec.Struct, frozen=True):
    """The seller's own structured data (CII or UBL XML), read exactly.

    `total` is the grand total (tax included); `amount_due` what is still payable after
    prepayments. `syntax` names the standard and profile read (e.g. "CII", "UBL").
    """

    syntax: str
    total: Decimal
    currency: str | None = None
    amount_due: Decimal | None = None
    net: Decimal | None = None
    tax: Decimal | None = None
    number: str | None = None
    issue_date: date | None = None
    due_date: date | None = None
    delivery_date: date | None = None
    seller: str | None = None
    seller_tax_id: str | None = None
    buyer: str | None = None
    type_code: str | None = None
    lines: tuple[EInvoiceLine, ...] = ()


class Document(msgspec.Struct, frozen=True):
    filename: str
    sha256: str
    text: str
    pages: tuple[str, ...] = ()
    layout: tuple[Page, ...] = ()  # words and lines per page; empty when the source has none
    einvoice: EInvoice | None = None  # structured data embedded in, or making up, the file
    # JPEG pictures of the first OCR'd pages, for readers that can look (Gemini vision)
    images: tuple[bytes, ...] = ()

    @property
    def page_count(self) -> int:
        return len(self.pages)

    @property
    def source(self) -> TextSource:
        """Where the words came from: OCR when any page was OCR'd, else the text layer or the XML."""
        if any(p.source is TextSource.OCR for p in self.layout):
            return TextSource.OCR
        if self.einvoice is not None and not self.layout:
            return TextSource.EINVOICE
        return TextSource.TEXT_LAYER

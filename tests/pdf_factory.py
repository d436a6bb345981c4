"""Build small PDFs in memory for tests (reportlab). Every function returns the file's bytes.

Shared by the reader's unit tests and the hostile-input tests; nothing here touches the disk
except `unicode_font`, which looks for a system TTF that has the rupee sign.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

PAGE_TOP = 780.0
LEFT = 72.0
RIGHT = 520.0
UNICODE_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
)


def _canvas(buf: io.BytesIO, encrypt: StandardEncryption | None = None) -> Canvas:
    return Canvas(buf, invariant=True, encrypt=encrypt)


def pages_pdf(
    pages: Sequence[Sequence[str]], font: str = "Helvetica", size: float = 11, leading: float = 1.5
) -> bytes:
    """One page per entry; each line drawn as a normal string (with real space glyphs)."""
    buf = io.BytesIO()
    c = _canvas(buf)
    for lines in pages:
        c.setFont(font, size)
        y = PAGE_TOP
        for line in lines:
            c.drawString(LEFT, y, line)
            y -= size * leading
        c.showPage()
    c.save()
    return buf.getvalue()


def text_pdf(*lines: str, font: str = "Helvetica", size: float = 11) -> bytes:
    return pages_pdf([lines], font=font, size=size)


def n_page_pdf(n: int) -> bytes:
    return pages_pdf([[f"Page {i} of {n}", f"Line item {i}: 100.00"] for i in range(1, n + 1)])


def char_by_char_pdf(
    lines: Sequence[str],
    font: str = "Helvetica",
    size: float = 10,
    char_gap: float = 0.2,
    space_factor: float = 0.6,
) -> bytes:
    """Each glyph drawn on its own, with no space glyph: words are only visible as slightly wider gaps.

    `char_gap` is added after every glyph; a space advances `space_factor` x the font's space width.
    This is how many receipt generators emit text, and what runs words together in naive extraction.
    """
    buf = io.BytesIO()
    c = _canvas(buf)
    c.setFont(font, size)
    y = PAGE_TOP
    space = pdfmetrics.stringWidth(" ", font, size)
    for line in lines:
        x = LEFT
        for ch in line:
            if ch == " ":
                x += space * space_factor
                continue
            c.drawString(x, y, ch)
            x += pdfmetrics.stringWidth(ch, font, size) + char_gap
        y -= size * 1.6
    c.showPage()
    c.save()
    return buf.getvalue()


def columns_pdf(
    rows: Sequence[tuple[str, str]], font: str = "Helvetica", size: float = 10, value_font: str | None = None
) -> bytes:
    """Labels at the left margin, values right-aligned at the right margin (a typical receipt)."""
    buf = io.BytesIO()
    c = _canvas(buf)
    y = PAGE_TOP
    for label, value in rows:
        c.setFont(font, size)
        c.drawString(LEFT, y, label)
        c.setFont(value_font or font, size)
        c.drawRightString(RIGHT, y, value)
        y -= size * 1.8
    c.showPage()
    c.save()
    return buf.getvalue()


def image_only_pdf(pages: int = 1) -> bytes:
    """Shapes and lines only, no text operators: what a scan without OCR looks like to a text reader."""
    buf = io.BytesIO()
    c = _canvas(buf)
    for _ in range(pages):
        c.setFillGray(0.85)
        c.rect(60, 600, 470, 180, fill=1, stroke=0)
        c.setStrokeGray(0.2)
        for i in range(12):
            y = 560 - i * 18
            c.line(72, y, 72 + 40 * (i % 5 + 4), y)
        c.circle(300, 200, 40, fill=0)
        c.showPage()
    c.save()
    return buf.getvalue()


def encrypted_pdf(*lines: str, user_password: str = "secret", owner_password: str = "owner") -> bytes:
    buf = io.BytesIO()
    c = _canvas(buf, StandardEncryption(user_password, owner_password, strength=128))
    c.setFont("Helvetica", 11)
    y = PAGE_TOP
    for line in lines or ("Confidential invoice", "Total 100.00"):
        c.drawString(LEFT, y, line)
        y -= 16
    c.showPage()
    c.save()
    return buf.getvalue()


def corrupt_bytes() -> bytes:
    """Not a PDF at all (a ZIP header followed by noise)."""
    return b"PK\x03\x04" + bytes(range(256)) * 4


def broken_pdf() -> bytes:
    """Starts and ends like a PDF, but the body is garbage: passes a header check, fails parsing."""
    return b"%PDF-1.4\n" + b"\x00garbage obj << /Type /Nothing >> endobj\n" * 20 + b"%%EOF\n"


def truncated_pdf(data: bytes | None = None) -> bytes:
    """The first half of a valid PDF, as an interrupted download would leave it."""
    whole = data if data is not None else text_pdf("Invoice 1", "Total 100.00")
    return whole[: len(whole) // 2]


def unicode_font() -> str | None:
    """Register and return a TTF font with ₹, € and é, or None when the system has none."""
    for candidate in UNICODE_FONT_CANDIDATES:
        if Path(candidate).is_file():
            if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont("DejaVuSans", candidate))
            return "DejaVuSans"
    return None

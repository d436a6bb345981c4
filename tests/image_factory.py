"""Small receipt images drawn with Pillow, for the OCR tests (no corpus files, no fixtures on disk)."""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

_DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def font(size: int = 28) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """DejaVu Sans when the system has it, else the scalable font Pillow ships."""
    if _DEJAVU.exists():
        return ImageFont.truetype(str(_DEJAVU), size)
    return ImageFont.load_default(size=size)


def receipt(lines: Sequence[str | tuple[str, str]], width: int = 640, size: int = 28) -> Image.Image:
    """A white page with one text line per entry; a (label, amount) pair is set in two columns."""
    line_height = int(size * 1.8)
    image = Image.new("RGB", (width, line_height * len(lines) + 2 * size), "white")
    draw = ImageDraw.Draw(image)
    face = font(size)
    for i, line in enumerate(lines):
        y = size + i * line_height
        if isinstance(line, tuple):
            label, amount = line
            draw.text((size, y), label, fill="black", font=face)
            right = width - size - draw.textlength(amount, font=face)
            draw.text((right, y), amount, fill="black", font=face)
        else:
            draw.text((size, y), line, fill="black", font=face)
    return image


def encode(image: Image.Image, fmt: str, **params: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **params)
    return buffer.getvalue()


def png_declaring(width: int, height: int) -> bytes:
    """A tiny, valid-looking PNG whose header claims `width` x `height` pixels (an image bomb)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def scanned_pdf(*pages: Image.Image, page_size: tuple[float, float] = (595.0, 842.0)) -> bytes:
    """A PDF whose pages are only pictures (no text operators), as a scanner app writes them."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=page_size)
    width, height = page_size
    for image in pages:
        shown = width - 80
        canvas.drawImage(
            ImageReader(image),
            40,
            height - 40 - shown * image.height / image.width,
            shown,
            shown * image.height / image.width,
        )
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()

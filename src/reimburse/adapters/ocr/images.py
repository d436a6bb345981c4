"""Open a photo or scan safely: pages as upright RGB images no larger than OCR needs.

The pixel count is checked from the header, before anything is decoded, so a 20 KB PNG that
declares 100 000 x 100 000 pixels (an image bomb) is refused with a per-file error instead of
taking the worker's memory. JPEGs are decoded at a reduced scale straight away (`draft`), so a
48-megapixel phone photo never exists in memory at full size.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator

import pillow_heif
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from reimburse.domain.errors import CorruptDocument, TooManyPages, UnsupportedFile

pillow_heif.register_heif_opener()  # HEIC/HEIF (iPhone photos) through the same Image.open

MAX_PIXELS = 60_000_000  # per page; phone photos are 12-48 MP, a scan of A4 at 600 dpi 35 MP
MAX_SIDE = 2000  # longer side of the image handed to OCR; receipts stay legible at this size
DEFAULT_DPI = 150.0  # when the file does not say how large it is printed
# Pillow's own bomb guard stays on as a second line (it raises at twice its limit).
Image.MAX_IMAGE_PIXELS = MAX_PIXELS


def pages(
    data: bytes, filename: str, max_pages: int, max_pixels: int = MAX_PIXELS, max_side: int = MAX_SIDE
) -> Iterator[tuple[Image.Image, float]]:
    """Each page (frame) upright, RGB, downscaled to `max_side`, with its points-per-pixel scale."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _bomb(filename, max_pixels) from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise CorruptDocument(f"{filename} is damaged or not an image we can read.") from exc
    with image:
        count = getattr(image, "n_frames", 1)
        if count > max_pages:
            raise TooManyPages(f"{filename} has {count} pages; the limit is {max_pages}.")
        for frame in ImageSequence.Iterator(image):
            if frame.width * frame.height > max_pixels:
                raise _bomb(filename, max_pixels)
            yield _prepared(frame, filename, max_side)


def _prepared(frame: Image.Image, filename: str, max_side: int) -> tuple[Image.Image, float]:
    width, height = frame.size
    dpi = _dpi(frame)
    try:
        if frame.format == "JPEG":
            frame.draft("RGB", (max_side, max_side))  # decode at 1/2, 1/4 or 1/8 scale when enough
        upright = ImageOps.exif_transpose(frame)
        rgb = _rgb(upright)
    except (OSError, ValueError, SyntaxError) as exc:
        raise CorruptDocument(f"{filename} is damaged or truncated and cannot be read.") from exc
    if max(rgb.size) > max_side:
        rgb.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    # Points per pixel of the image OCR sees, so boxes come out in points of the original page.
    original_long_side = max(width, height)
    return rgb, 72.0 / dpi * original_long_side / max(rgb.size)


def _rgb(image: Image.Image) -> Image.Image:
    """RGB on white: a transparent PNG's clear pixels are black underneath, which hides the text."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    if image.mode.startswith("I;16"):  # 16-bit scans: keep the top 8 bits, not a clipped white
        return image.convert("I").point(lambda v: v * (1 / 256)).convert("L").convert("RGB")
    return image.convert("RGB")


def _dpi(image: Image.Image) -> float:
    value = image.info.get("dpi")
    try:
        dpi = round(float(value[0])) if value else 0.0  # PNG stores pixels per metre: 143.99...
    except (TypeError, ValueError, IndexError):
        dpi = 0.0
    return dpi if 50.0 <= dpi <= 2400.0 else DEFAULT_DPI


def _bomb(filename: str, max_pixels: int) -> UnsupportedFile:
    return UnsupportedFile(
        f"{filename} declares more than {max_pixels // 1_000_000} megapixels per page; "
        "it was not opened (an image this size is not a receipt photo)."
    )

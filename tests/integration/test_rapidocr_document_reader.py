"""The image reader on the real OCR engine, with receipts drawn by Pillow in each accepted format."""

from __future__ import annotations

import importlib.util
import io
import os
import re

import pytest
from PIL import Image

from reimburse.adapters.format_sniffing_document_reader import IMAGE, FormatSniffingDocumentReader
from reimburse.adapters.ocr.rapidocr_document_reader import RapidOcrDocumentReader
from reimburse.domain.errors import CorruptDocument, NoTextLayer, TooManyPages, UnsupportedFile
from reimburse.domain.verdict.document import Document, TextSource
from tests.image_factory import encode, png_declaring, receipt


def _engine_present() -> bool:
    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


if not _engine_present():
    if os.environ.get("CI") == "true":
        raise RuntimeError("rapidocr-onnxruntime is missing: CI must run the OCR tests (uv sync)")
    pytest.skip("rapidocr-onnxruntime is not installed", allow_module_level=True)

RECEIPT = receipt(["CAFE ROMA", "Date 12/03/2024", ("TOTAL", "12.50")])


def read(data: bytes, name: str = "receipt.png", **kwargs: object) -> Document:
    return RapidOcrDocumentReader(**kwargs).read(data, name)  # type: ignore[arg-type]


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text).upper()


def test_a_png_receipt_reads_as_lines_with_the_amount_in_its_own_column() -> None:
    document = read(encode(RECEIPT, "PNG"))
    assert "CAFEROMA" in squeezed(document.text)
    assert "12/03/2024" in document.text
    total_line = next(line for line in document.layout[0].lines if "TOTAL" in line.text.upper())
    assert total_line.text.endswith("   12.50")  # columns apart by three spaces, as in PDFs
    assert document.source is TextSource.OCR
    assert document.pages == (document.text,)
    (picture,) = document.images  # for a vision model: the page as JPEG
    assert Image.open(io.BytesIO(picture)).format == "JPEG"


def test_every_word_keeps_its_box_in_points_and_its_confidence() -> None:
    document = read(encode(RECEIPT, "PNG", dpi=(144, 144)))
    page = document.layout[0]
    assert (page.width, page.height) == (RECEIPT.width / 2, RECEIPT.height / 2)  # 144 dpi: 2 px a point
    amount = next(w for w in page.words if w.text == "12.50")
    assert amount.x1 > page.width / 2  # drawn against the right edge
    assert 0 < amount.x0 < amount.x1 <= page.width and 0 < amount.top < amount.bottom <= page.height
    assert all(0.0 < w.confidence <= 1.0 for w in page.words)


@pytest.mark.parametrize("fmt", ["JPEG", "WEBP"])
def test_jpeg_and_webp_photos_are_read(fmt: str) -> None:
    document = read(encode(RECEIPT, fmt, quality=90), f"receipt.{fmt.lower()}")
    assert "12.50" in document.text


def test_heic_the_iphone_default_is_read() -> None:
    data = encode(RECEIPT, "HEIF", quality=90)
    assert data[4:8] == b"ftyp"
    assert (
        "12.50"
        in FormatSniffingDocumentReader({IMAGE: RapidOcrDocumentReader()}).read(data, "IMG_0001.HEIC").text
    )


@pytest.mark.parametrize("orientation", [6, 8, 3])
def test_the_exif_orientation_is_applied_before_reading(orientation: int) -> None:
    # A camera stores the pixels as the sensor saw them and says in EXIF how to turn them upright.
    stored = RECEIPT.transpose(
        {6: Image.Transpose.ROTATE_90, 8: Image.Transpose.ROTATE_270, 3: Image.Transpose.ROTATE_180}[
            orientation
        ]
    )
    exif = Image.Exif()
    exif[0x0112] = orientation
    document = read(encode(stored, "JPEG", quality=92, exif=exif.tobytes()), "photo.jpg")
    assert "12.50" in document.text
    assert "CAFEROMA" in squeezed(document.text)
    assert document.layout[0].width > document.layout[0].height  # upright: the receipt is landscape here


def test_a_multi_page_tiff_gives_one_page_each() -> None:
    first, second = receipt(["PAGE ONE", ("SUBTOTAL", "10.00")]), receipt(["PAGE TWO", ("TOTAL", "11.90")])
    buffer = io.BytesIO()
    first.save(buffer, "TIFF", save_all=True, append_images=[second], compression="tiff_deflate")
    document = read(buffer.getvalue(), "scan.tiff")
    assert [p.number for p in document.layout] == [1, 2]
    assert "10.00" in document.pages[0] and "11.90" not in document.pages[0]
    assert "11.90" in document.pages[1]


def test_a_tiff_with_more_pages_than_allowed_is_refused_before_ocr() -> None:
    blank = Image.new("L", (50, 50), 255)
    buffer = io.BytesIO()
    blank.save(buffer, "TIFF", save_all=True, append_images=[blank] * 3)
    with pytest.raises(TooManyPages):
        read(buffer.getvalue(), "scan.tif", max_pages=2)


def test_an_image_bomb_is_a_per_file_error_not_an_out_of_memory() -> None:
    bomb = png_declaring(100_000, 100_000)  # 10 gigapixels in a few dozen bytes
    assert len(bomb) < 200
    with pytest.raises(UnsupportedFile, match="megapixels"):
        read(bomb, "bomb.png")


def test_a_page_over_the_pixel_limit_is_refused() -> None:
    with pytest.raises(UnsupportedFile):
        read(encode(Image.new("L", (3000, 3000), 255), "PNG"), "huge.png", max_pixels=4_000_000)


def test_a_very_large_photo_is_downscaled_before_ocr_and_boxes_still_span_the_page() -> None:
    big = RECEIPT.resize((RECEIPT.width * 4, RECEIPT.height * 4))
    document = read(encode(big, "PNG", dpi=(72, 72)), "big.png", max_side=1000)
    page = document.layout[0]
    # 72 dpi: a point per original pixel (within the rounding of the downscaled size)
    assert (page.width, page.height) == (
        pytest.approx(big.width, rel=0.01),
        pytest.approx(big.height, rel=0.01),
    )
    assert "12.50" in document.text
    assert max(w.x1 for w in page.words) > big.width * 0.8


def test_a_damaged_image_is_a_corrupt_document() -> None:
    with pytest.raises(CorruptDocument):
        read(encode(RECEIPT, "JPEG")[:200], "cut.jpg")


def test_a_blank_photo_has_no_text_to_read() -> None:
    with pytest.raises(NoTextLayer):
        read(encode(Image.new("RGB", (400, 300), "white"), "PNG"), "blank.png")


def test_a_transparent_png_is_read_on_white() -> None:
    # Every pixel black; only the alpha channel draws the text. Flattened naively it is all black.
    rgba = Image.new("RGBA", RECEIPT.size, (0, 0, 0, 0))
    rgba.putalpha(RECEIPT.convert("L").point(lambda v: 255 - v))
    assert "12.50" in read(encode(rgba, "PNG"), "clear.png").text


def test_a_page_that_cannot_be_read_in_time_is_a_per_file_error() -> None:
    with pytest.raises(UnsupportedFile, match="within"):
        read(encode(RECEIPT, "PNG"), "slow.png", page_timeout=0.001)


def test_the_reader_survives_pickling_for_the_process_pool() -> None:
    import pickle

    reader = pickle.loads(pickle.dumps(RapidOcrDocumentReader(max_pages=3)))
    assert reader.max_pages == 3

"""Phone photos the engine must read right: a receipt at an angle and one upside down (issue 12,
`tests/eval/photo_damage`). Before, the keystone slid the amounts a line against their labels (the
subtotal's amount paid as the total, no flag), and an upside-down photo was unreadable."""

from __future__ import annotations

import asyncio
import importlib.util
from decimal import Decimal

import cv2
import numpy as np
import pytest
from PIL import Image

from reimburse.adapters.ocr import rapidocr_engine
from reimburse.adapters.ocr.rapidocr_document_reader import RapidOcrDocumentReader
from tests.image_factory import encode, receipt

if importlib.util.find_spec("rapidocr_onnxruntime") is None:
    pytest.skip("rapidocr-onnxruntime is not installed", allow_module_level=True)

LINES = [
    "THE COPPER KETTLE",
    "5 Mill Lane, Bath",
    "Table 6   04/11/2024 18:01",
    ("1 Tea pot", "8.13"),
    ("1 Scone", "1.92"),
    ("1 Soup of day", "7.11"),
    ("Subtotal", "17.16"),
    ("Gratuity", "2.06"),
    ("TOTAL", "19.22"),
    "Thank you",
]


def on_table(sheet: Image.Image, side_cut: float) -> Image.Image:
    """`sheet` on a wooden-brown table, its right edge farther away (shorter by 2 x `side_cut` of its width)."""
    w, h = sheet.size
    frame = (int(w * 1.3), int(h * 1.2))
    x0, y0 = (frame[0] - w) / 2, (frame[1] - h) / 2
    cut = side_cut * w
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    dst = np.float32([[x0, y0], [x0 + w, y0 + cut], [x0 + w, y0 + h - cut], [x0, y0 + h]])
    matrix = cv2.getPerspectiveTransform(src, dst)
    out = cv2.warpPerspective(np.asarray(sheet), matrix, frame, borderValue=(140, 100, 60))
    return Image.fromarray(out)


def read_total(data: bytes) -> Decimal:
    from reimburse.adapters.heuristic.invoice_extractor import HeuristicInvoiceExtractor
    from tests.eval.invoice_eval import NO_CURRENCY, _open_policy

    document = RapidOcrDocumentReader().read(data, "photo.jpg")
    invoice = asyncio.run(HeuristicInvoiceExtractor().extract(document, _open_policy(NO_CURRENCY)))
    return invoice.total


def test_a_receipt_photographed_at_an_angle_pays_its_total_not_a_neighbouring_amount() -> None:
    photo = on_table(receipt(LINES, width=620, size=26), side_cut=0.12)
    assert read_total(encode(photo, "JPEG", quality=90)) == Decimal("19.22")


def test_an_upside_down_photo_is_read_the_right_way_up() -> None:
    photo = receipt(LINES, width=620, size=26).rotate(180)
    document = RapidOcrDocumentReader().read(encode(photo, "PNG"), "photo.png")
    assert "THE COPPER KETTLE" in document.text
    assert "19.22" in document.text


def test_an_upright_page_is_not_taken_for_an_upside_down_one() -> None:
    page = receipt(LINES, width=620, size=26)
    ocr = rapidocr_engine.engine(1)
    result, _ = ocr(page, use_cls=False)
    assert not rapidocr_engine.looks_upside_down(ocr, page, list(result))
    assert rapidocr_engine.looks_upside_down(
        ocr, page.rotate(180), list(ocr(page.rotate(180), use_cls=False)[0])
    )

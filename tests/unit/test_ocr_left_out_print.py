"""The coarse text-region pass must not cut off a scanned page's small print (issues 11, 12): at
REGION_PASS_SIDE an A4 footer's letters are a few pixels high and find no coarse box, so the page's
ink outside the region is looked at too (`left_out`)."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest
from PIL import Image, ImageDraw

from reimburse.adapters.ocr import left_out, rapidocr_engine
from tests.image_factory import font

HEADING = [
    "ORCHARD LANE PRINTERS",
    "Invoice 4471",
    "Date 03/02/2025",
    "Binding and trimming 40.00",
    "Posters A2 120.00",
]
FOOTER = "Amount payable 1,284.60 by transfer within 30 days"


def a4_scan() -> Image.Image:
    """A 1414x2000 page (A4 at 170 dpi): body print at the top, one line of smaller print at the foot."""
    page = Image.new("RGB", (1414, 2000), "white")
    draw = ImageDraw.Draw(page)
    for i, line in enumerate(HEADING):
        draw.text((120, 120 + 60 * i), line, fill="black", font=font(30))
    draw.text((120, 1870), FOOTER, fill="black", font=font(22))
    return page


def grey(image: Image.Image) -> np.ndarray:
    return np.asarray(image.convert("L"))


def test_small_print_below_the_region_is_found_by_its_ink() -> None:
    page = a4_scan()
    region = (100, 100, 1300, 450)  # where the body print is
    cells = left_out.print_cells(grey(page), region)
    assert cells and all(1850 <= top <= 1900 for _, top, _, _ in cells)
    assert left_out.widened(grey(page), region, 30)[3] >= 1900


def test_speckle_a_shadow_and_the_frame_edge_are_not_print() -> None:
    rng = np.random.default_rng(7)
    page = np.full((2000, 1414), 245, dtype=np.uint8)
    page[rng.random(page.shape) < 0.06] = 20  # a scanner's speckle, one pixel a dot
    page[1500:1560, 200:500] = 30  # a filled shadow
    page[0:6, :] = 40  # the paper's edge along the top of the frame
    assert left_out.print_cells(page, (100, 100, 1300, 400)) == []


def test_a_table_around_a_receipt_is_no_paper() -> None:
    table = np.full((2000, 1500), 120, dtype=np.uint8)
    table[::7, :] = 60  # the wood's grain
    assert left_out.print_cells(table, (500, 700, 1020, 1100)) == []


needs_engine = pytest.mark.skipif(
    importlib.util.find_spec("rapidocr_onnxruntime") is None, reason="rapidocr-onnxruntime is not installed"
)


@needs_engine
def test_a_scanned_pages_footer_is_read() -> None:
    page = a4_scan()
    ratio = rapidocr_engine.detection_ratio(
        page.height, page.width, rapidocr_engine.DETECTION_MIN_SIDE, rapidocr_engine.DETECTION_MAX_SIDE
    )
    region, _height = rapidocr_engine.coarse_pass(rapidocr_engine.engine(), page, ratio)
    assert region is None or region[3] >= 1900
    words = [w.text for w in rapidocr_engine.recognise(page)]
    assert "1,284.60" in words

"""The coarse text-region pass must not cut off a scanned page's small print (issues 11, 12): at
REGION_PASS_SIDE a sparse A4 page's amount column can be a few faint pixels high and find no coarse
box, so the page's ink outside the region is looked at too (`left_out`)."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from reimburse.adapters.ocr import left_out
from tests.image_factory import font

LABELS = ["Binding and trimming", "Posters A2", "Amount payable"]
AMOUNTS = ["40.00", "120.00", "1,284.60"]
FOOTER = "Orchard Lane Printers, sort code 20-00-00, account 4471 0032"
BODY = (100, 100, 800, 330)  # where the coarse pass found the labels


def sparse_page() -> np.ndarray:
    """A 1414x2000 grey page (A4 at 170 dpi): labels on the left, small amounts at the far right of
    the same lines, one line of small print at the foot."""
    page = Image.new("L", (1414, 2000), 245)
    draw = ImageDraw.Draw(page)
    for i, (label, amount) in enumerate(zip(LABELS, AMOUNTS, strict=True)):
        draw.text((120, 140 + 60 * i), label, fill=20, font=font(30))
        draw.text((1150, 146 + 60 * i), amount, fill=60, font=font(20))
    draw.text((120, 1870), FOOTER, fill=60, font=font(20))
    return np.asarray(page)


def test_an_amount_column_beyond_the_region_is_found_by_its_ink() -> None:
    cells = left_out.print_cells(sparse_page(), BODY)
    assert any(left >= 1100 and 130 <= top <= 300 for left, top, _, _ in cells)
    left, top, right, bottom = left_out.widened(sparse_page(), BODY, 40)
    assert right >= 1300 and (left, top) == BODY[:2] and bottom < 400  # the lines' rows only


def test_print_above_or_below_the_regions_lines_stays_out() -> None:
    cells = left_out.print_cells(sparse_page(), BODY)
    assert any(top >= 1850 for _, top, _, _ in cells)  # the footer is print
    assert left_out.widened(sparse_page(), BODY, 40)[3] < 400  # but not taken in


def test_speckle_a_shadow_and_the_frame_edge_are_not_print() -> None:
    rng = np.random.default_rng(7)
    page = np.full((2000, 1414), 245, dtype=np.uint8)
    page[rng.random(page.shape) < 0.06] = 20  # a scanner's speckle, one pixel a dot
    page[200:260, 900:1200] = 30  # a filled shadow beside the text
    page[:, 0:6] = 40  # the paper's edge along the side of the frame
    assert left_out.print_cells(page, BODY) == []


def test_a_table_around_a_receipt_is_no_paper() -> None:
    table = np.full((2000, 1500), 120, dtype=np.uint8)
    table[::7, :] = 60  # the wood's grain
    assert left_out.print_cells(table, (500, 700, 1020, 1100)) == []

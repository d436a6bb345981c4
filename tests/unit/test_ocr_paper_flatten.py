"""Finding the receipt in a phone photo and warping it flat (`adapters/ocr/paper.py`, issue 12)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image

from reimburse.adapters.ocr import paper
from tests.image_factory import receipt

LINES = ["HARBOUR GRILL", "Date 12/03/2024", ("Soup", "6.20"), ("Subtotal", "6.20"), ("TOTAL", "6.20")]


def photographed(slant: float, background: int = 40, frame: tuple[int, int] = (800, 1000)) -> Image.Image:
    """The receipt on a dark table, its top edge farther away by `slant` of its width (keystone)."""
    sheet = receipt(LINES, width=600)
    w, h = sheet.size
    x0, y0 = (frame[0] - w) / 2, (frame[1] - h) / 2
    cut = slant * w
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    dst = np.float32([[x0 + cut, y0], [x0 + w - cut, y0], [x0 + w, y0 + h], [x0, y0 + h]])
    matrix = cv2.getPerspectiveTransform(src, dst)
    out = cv2.warpPerspective(np.asarray(sheet), matrix, frame, borderValue=(background,) * 3)
    return Image.fromarray(out)


def test_the_four_corners_of_a_receipt_at_an_angle_are_found() -> None:
    corners = paper.paper_corners(photographed(0.15))
    assert corners is not None
    # top-left, top-right, bottom-right, bottom-left, within a few pixels of where it was drawn
    w, h = receipt(LINES, width=600).size
    x0, y0 = (800 - w) / 2, (1000 - h) / 2
    want = np.float32([[x0 + 90, y0], [x0 + w - 90, y0], [x0 + w, y0 + h], [x0, y0 + h]])
    assert np.abs(corners - want).max() < 12


def test_the_flattened_receipt_is_a_rectangle_of_the_paper_alone() -> None:
    flat = np.asarray(paper.flattened(photographed(0.15)).convert("L"))
    assert flat.shape[1] == pytest.approx(600, abs=15)
    # every corner of the result is paper, not the dark table around it
    assert min(flat[2, 2], flat[2, -3], flat[-3, 2], flat[-3, -3]) > 200


@pytest.mark.parametrize(
    "image",
    [
        receipt(LINES, width=600),  # a scan: the paper is the whole frame
        photographed(0.15, background=235),  # white paper on a white desk: nothing stands out
        Image.new("RGB", (800, 1000), (40, 40, 40)),  # no paper at all
    ],
    ids=["scan", "no contrast", "empty"],
)
def test_pages_with_no_clear_paper_are_left_as_they_are(image: Image.Image) -> None:
    assert paper.paper_corners(image) is None
    assert paper.flattened(image) is image


def test_a_bright_spot_too_small_to_be_the_receipt_is_not_cut_out() -> None:
    frame = Image.new("RGB", (1200, 1600), (40, 40, 40))
    frame.paste(Image.new("RGB", (200, 300), "white"), (500, 600))  # 3% of the frame
    assert paper.paper_corners(frame) is None


def test_a_level_receipt_on_a_table_is_found_but_left_to_the_text_region_pass() -> None:
    level = photographed(0.0)
    assert paper.paper_corners(level) is not None
    assert paper.flattened(level) is level  # no angle to undo: the detection scale stays as it was


def test_a_slant_is_a_corner_off_the_level_rectangle() -> None:
    square = np.float32([[0, 0], [100, 0], [100, 200], [0, 200]])
    assert not paper.slanted(square)
    assert paper.slanted(np.float32([[15, 0], [85, 0], [100, 200], [0, 200]]))  # keystone

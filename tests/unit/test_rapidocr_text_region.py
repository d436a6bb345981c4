"""Text region first (issue 12 speed): on a large photo full detection runs only where a coarse
pass found text, and the words still come back in the page's own pixels."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest
from PIL import Image

from reimburse.adapters.ocr import rapidocr_engine
from tests.image_factory import receipt

if importlib.util.find_spec("rapidocr_onnxruntime") is None:
    pytest.skip("rapidocr-onnxruntime is not installed", allow_module_level=True)

LINES = ["CAFE ROMA", "Date 12/03/2024", ("Pasta", "8.00"), ("TOTAL", "12.50")]
PASTED_AT = (500, 700)


def photo() -> Image.Image:
    """A 1500x2000 'photo': a small receipt on a grey table."""
    table = Image.new("RGB", (1500, 2000), (120, 120, 120))
    table.paste(receipt(LINES, width=520, size=26), PASTED_AT)
    return table


def region_of(image: Image.Image) -> tuple[int, int, int, int] | None:
    ratio = rapidocr_engine.detection_ratio(
        image.height, image.width, rapidocr_engine.DETECTION_MIN_SIDE, rapidocr_engine.DETECTION_MAX_SIDE
    )
    return rapidocr_engine.text_region(rapidocr_engine.engine(), image, ratio)


def test_a_receipt_on_a_table_is_detected_in_its_region_only() -> None:
    region = region_of(photo())
    assert region is not None
    left, top, right, bottom = region
    assert left <= PASTED_AT[0] + 26 and top <= PASTED_AT[1] + 26  # the first line's text is inside
    assert right >= PASTED_AT[0] + 400 and bottom >= PASTED_AT[1] + 180  # and the amount column
    assert (right - left) * (bottom - top) < 0.3 * 1500 * 2000


def test_words_of_a_region_come_back_in_page_pixels() -> None:
    words = rapidocr_engine.recognise(photo())
    total = next(w for w in words if w.text.upper().startswith("TOTAL"))
    amount = next(w for w in words if w.text == "12.50")
    assert PASTED_AT[0] < total.x0 < PASTED_AT[0] + 60
    assert PASTED_AT[1] < total.top < PASTED_AT[1] + 300
    assert amount.x0 > total.x1 and abs(amount.top - total.top) < 15  # same line, far right


def test_a_page_full_of_text_or_a_small_one_is_read_whole() -> None:
    small = receipt(LINES, width=520, size=26)  # below the size where the pass pays
    assert region_of(small) is None
    full = receipt([(f"Item {i} of a full page", f"{i}.50") for i in range(40)], width=1500, size=26)
    assert region_of(full.resize((1500, 2000))) is None


@pytest.mark.parametrize(
    ("ratio", "box_height", "expected"),
    [
        (0.8, None, 0.8),  # no coarse pass: the size rules alone
        (0.8, 20.0, 0.8),  # small print (16 px at 0.8): never raised
        (0.8, 35.0, 0.8),  # exactly the target
        (0.8, 70.0, 0.4),  # big print: detected at half the scale, boxes 28 px high
        (1.0, 56.0, 0.5),
    ],
)
def test_detection_scale_is_lowered_to_the_text_size_never_raised(
    ratio: float, box_height: float | None, expected: float
) -> None:
    assert rapidocr_engine.DETECTION_BOX_HEIGHT == 28.0  # the table is written for it
    assert rapidocr_engine.scaled_to_text(ratio, box_height) == pytest.approx(expected)


def big_print_photo() -> Image.Image:
    table = Image.new("RGB", (1500, 2000), (120, 120, 120))
    paper = receipt(LINES, width=520, size=26)
    table.paste(paper.resize((paper.width * 2, paper.height * 2)), (200, 300))
    return table


def test_the_coarse_pass_measures_the_print_size() -> None:
    small, big = photo(), big_print_photo()
    heights = []
    for image in (small, big):
        ratio = rapidocr_engine.detection_ratio(
            image.height, image.width, rapidocr_engine.DETECTION_MIN_SIDE, rapidocr_engine.DETECTION_MAX_SIDE
        )
        region, height = rapidocr_engine.coarse_pass(
            rapidocr_engine.engine(), image, ratio, np.asarray(image.convert("L"))
        )
        assert region is not None and height is not None
        heights.append(height)
    # A coarse box is the letters' height plus a margin of a few coarse pixels (blur, the detector's
    # unclip), so it grows with the print but not in proportion (docs/ocr.md "Speed, third pass").
    assert 26 <= heights[0] <= 3 * 26
    assert heights[1] > 1.2 * heights[0]


def test_big_print_detected_at_a_lower_scale_is_still_read() -> None:
    words = [w.text for w in rapidocr_engine.recognise(big_print_photo())]
    assert "12.50" in words and "8.00" in words
    assert any(w.upper().startswith("TOTAL") for w in words)
    assert any("12/03/2024" in w for w in words)

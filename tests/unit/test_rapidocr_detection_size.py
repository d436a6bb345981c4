"""Detection size: small print raised to the library's 736 px, large photos capped (speed, issue 12)."""

from __future__ import annotations

import numpy as np
import pytest

from reimburse.adapters.ocr import rapidocr_engine
from reimburse.adapters.ocr.rapidocr_engine import DETECTION_MAX_SIDE, DETECTION_MIN_SIDE


def detected_size(height: int, width: int) -> tuple[int, int]:
    detector = rapidocr_engine.engine().text_det
    resized = detector.get_preprocess(max(height, width)).resize(np.zeros((height, width, 3), np.uint8))
    return resized.shape[0], resized.shape[1]


def test_a_tall_receipt_photo_is_detected_at_most_at_the_max_side() -> None:
    height, width = detected_size(2000, 905)
    assert height <= DETECTION_MAX_SIDE + 16
    assert height == pytest.approx(DETECTION_MAX_SIDE, abs=16)
    assert width / height == pytest.approx(905 / 2000, rel=0.05)  # proportions kept


def test_a_small_scan_is_still_raised_to_the_min_side() -> None:
    height, width = detected_size(600, 450)
    assert min(height, width) == pytest.approx(DETECTION_MIN_SIDE, abs=16)


def test_when_both_bounds_apply_the_max_side_wins() -> None:
    height, _ = detected_size(3000, 400)  # a very long, narrow till roll
    assert height <= DETECTION_MAX_SIDE + 16


def test_a_mid_sized_page_is_detected_as_it_is() -> None:
    assert detected_size(893, 1200) == (896, 1216)  # rounded to the network's multiple of 32

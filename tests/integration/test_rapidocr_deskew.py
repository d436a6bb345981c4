"""A receipt photographed at a slant: its words are turned back before lines are rebuilt, so a
label and its amount far to the right still share a line (issue 12, deskew)."""

from __future__ import annotations

import importlib.util

import pytest
from PIL import Image

from reimburse.adapters.ocr import rapidocr_engine
from reimburse.adapters.ocr.rapidocr_document_reader import RapidOcrDocumentReader
from tests.image_factory import encode, receipt

if importlib.util.find_spec("rapidocr_onnxruntime") is None:
    pytest.skip("rapidocr-onnxruntime is not installed", allow_module_level=True)

LINES = [
    "TRATTORIA DA MARIO",
    "Via Roma 12, Milano",
    "Date 12/03/2024",
    ("Pasta al pomodoro", "8.00"),
    ("Tiramisu della casa", "4.50"),
    ("Acqua minerale", "2.00"),
    ("TOTAL", "14.50"),
]


def slanted(degrees: float) -> bytes:
    paper = receipt(LINES, width=720, size=28)
    return encode(
        paper.rotate(degrees, expand=True, fillcolor="white", resample=Image.Resampling.BICUBIC), "PNG"
    )


def total_line(data: bytes) -> str:
    document = RapidOcrDocumentReader().read(data, "slanted.png")
    return next(line.text for line in document.layout[0].lines if "TOTAL" in line.text.upper())


@pytest.mark.parametrize("degrees", [8.0, -6.0])
def test_a_slanted_receipt_keeps_each_label_and_its_amount_on_one_line(degrees: float) -> None:
    assert total_line(slanted(degrees)).endswith("14.50")


def test_without_turning_the_words_back_the_amount_leaves_its_label(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rapidocr_engine, "MIN_SKEW_DEGREES", 90.0)
    assert "14.50" not in total_line(slanted(8.0))


def test_the_tilt_is_measured_from_the_long_lines() -> None:
    def line(y0: float, y1: float) -> list[object]:
        return [[[0, y0], [400, y1], [400, y1 + 30], [0, y0 + 30]], "text", 0.9]

    tilted = [line(0, 28), line(50, 78), line(100, 128), [[[0, 0], [20, 9], [20, 40], [0, 31]], "x", 0.9]]
    assert rapidocr_engine.skew_angle(tilted) == pytest.approx(0.0699, abs=1e-3)  # 4 degrees
    assert rapidocr_engine.skew_angle(tilted[:2]) == 0.0  # too few long lines to tell

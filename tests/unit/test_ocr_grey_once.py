"""The OCR engine converts a page to grey once: the coarse pass looks for print left out of its
region in that copy, and the lines' ink is measured in the region cut from it. Cutting the grey
copy gives exactly the grey of the cut page, as PIL converts pixel by pixel."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from reimburse.adapters.ocr import rapidocr_engine
from tests.image_factory import receipt


@st.composite
def images_and_regions(draw: st.DrawFn) -> tuple[Image.Image, tuple[int, int, int, int]]:
    width, height = draw(st.integers(1, 40)), draw(st.integers(1, 40))
    seed = draw(st.integers(0, 2**32 - 1))
    pixels = np.random.default_rng(seed).integers(0, 256, (height, width, 3), dtype=np.uint8)
    left, right = sorted(draw(st.lists(st.integers(0, width), min_size=2, max_size=2)))
    top, bottom = sorted(draw(st.lists(st.integers(0, height), min_size=2, max_size=2)))
    return Image.fromarray(pixels, "RGB"), (left, top, right, bottom)


@settings(max_examples=200, deadline=None)
@given(images_and_regions())
def test_the_grey_copys_region_is_the_grey_of_the_cut_page(
    case: tuple[Image.Image, tuple[int, int, int, int]],
) -> None:
    image, (left, top, right, bottom) = case
    cut_then_grey = np.asarray(image.crop((left, top, right, bottom)).convert("L"))
    grey_then_cut = np.asarray(image.convert("L"))[top:bottom, left:right]
    assert cut_then_grey.shape == grey_then_cut.shape
    assert np.array_equal(cut_then_grey, grey_then_cut)


@pytest.fixture
def grey_pixels(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Pixels converted to grey while the test runs (PIL's own conversion still does the work)."""
    converted: list[int] = []
    convert = Image.Image.convert

    def counting(self: Image.Image, mode: str | None = None, *args: object, **kwargs: object) -> Image.Image:
        if mode == "L" and self.mode != "L":
            converted.append(self.width * self.height)
        return convert(self, mode, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Image.Image, "convert", counting)
    yield converted


@pytest.mark.skipif(importlib.util.find_spec("rapidocr_onnxruntime") is None, reason="no rapidocr")
def test_a_page_read_in_its_text_region_is_converted_to_grey_once(grey_pixels: list[int]) -> None:
    page = Image.new("RGB", (1500, 2000), (120, 120, 120))  # a receipt photographed on a table
    page.paste(receipt(["CAFE ROMA", ("Pasta", "8.00"), ("TOTAL", "12.50")], width=520, size=26), (500, 700))
    ratio = rapidocr_engine.detection_ratio(
        page.height, page.width, rapidocr_engine.DETECTION_MIN_SIDE, rapidocr_engine.DETECTION_MAX_SIDE
    )
    assert rapidocr_engine.text_region(rapidocr_engine.engine(), page, ratio) is not None
    grey_pixels.clear()
    words, _upside_down = rapidocr_engine._read(page, 1, check_orientation=False)
    assert any(w.text == "12.50" for w in words)
    # The whole page once, its text region not again; a word read a second time (`reread`)
    # converts its own crop, a few thousand pixels at this print size.
    assert sum(n for n in grey_pixels if n > 100_000) == page.width * page.height

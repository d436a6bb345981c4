"""The perturb_dev tool's pure parts: which files it may open, the damage it draws, and how it
scores a reading."""

from __future__ import annotations

import io
import math
import random
from datetime import date
from decimal import Decimal
from typing import Any

import numpy as np
from PIL import Image, ImageDraw

from reimburse.adapters.ocr import images
from tests.eval.corpus import is_held_out
from tests.eval.perturb_dev import (
    ANGLE,
    SCALE,
    Outcome,
    Sample,
    Truth,
    development_files,
    encoded,
    perturb,
)


def page() -> Image.Image:
    paper = Image.new("RGB", (400, 600), "white")
    draw = ImageDraw.Draw(paper)
    for y in range(40, 560, 40):
        draw.rectangle((40, y, 360, y + 12), fill="black")
    return paper


def test_only_development_scans_and_photos_are_chosen_never_a_held_out_file() -> None:
    labels: list[dict[str, Any]] = [{"file": f"images/r{i}.jpg", "total": 1.0} for i in range(30)]
    labels += [{"file": f"pdf/s{i}.pdf", "total": 1.0, "text_layer": "ocr"} for i in range(30)]
    labels += [{"file": f"pdf/n{i}.pdf", "total": 1.0, "text_layer": "native"} for i in range(30)]
    assert any(is_held_out(label["file"]) for label in labels[:60])  # the rule has work to do here
    chosen = [label["file"] for label in development_files(labels)]
    assert chosen and not any(is_held_out(f) for f in chosen)
    assert not any(f.startswith("pdf/n") for f in chosen)
    assert {f for f in chosen} == {label["file"] for label in labels[:60] if not is_held_out(label["file"])}


def test_the_damage_is_seeded_and_within_its_stated_ranges() -> None:
    first = perturb(page(), random.Random("7:x:0"))
    again = perturb(page(), random.Random("7:x:0"))
    other = perturb(page(), random.Random("7:x:1"))
    assert np.array_equal(np.asarray(first[0]), np.asarray(again[0])) and first[1:] == again[1:]
    assert not np.array_equal(np.asarray(first[0]), np.asarray(other[0]))
    for seed in range(20):
        image, quality, p = perturb(page(), random.Random(seed))
        assert SCALE[0] <= p["scale"] <= SCALE[1] and abs(p["angle"]) <= ANGLE and 35 <= quality <= 70
        # the rotation's frame adds at most the page's other side times sin(angle)
        slack = 600 * SCALE[1] * math.sin(math.radians(ANGLE)) + 2
        assert 400 * SCALE[0] - 1 <= image.width <= 400 * p["scale"] + slack


def test_faded_ink_stays_darker_than_the_paper() -> None:
    image, _, _ = perturb(page(), random.Random(3))
    grey = np.asarray(image.convert("L")).astype(float)
    ink, paper = np.percentile(grey, 5), np.percentile(grey, 70)
    assert paper < 250  # the paper is no longer white
    assert paper - ink > 60  # yet the bars still stand out


def test_pages_are_saved_as_one_jpeg_or_a_multi_page_tiff_the_service_opens() -> None:
    one = encoded([page()], [50], 120.0)
    assert one[:2] == b"\xff\xd8"
    two = encoded([page(), page()], [50, 60], 120.0)
    opened = list(images.pages(two, "scan.tif", 5))
    assert len(opened) == 2
    assert Image.open(io.BytesIO(two)).info["dpi"][0] == 120


def test_a_right_reading_sent_to_review_is_told_apart_from_a_silent_wrong_one() -> None:
    truth = Truth(total=Decimal("58.44"), date=date(2023, 11, 28), currency="USD", clean=True)
    sample = Sample("pdf/x.pdf", 0, truth, b"")
    right = {"total": Decimal("58.44"), "date": date(2023, 11, 28)}
    assert Outcome(sample, right, True).kind("total") == "right, flagged"
    assert Outcome(sample, right, False).kind("total") == "right"
    wrong = right | {"total": Decimal("5.84")}
    assert Outcome(sample, wrong, False).kind("total") == "SILENT"
    assert Outcome(sample, wrong, True).kind("total") == "wrong, flagged"
    assert Outcome(sample, right | {"date": None}, False).kind("date") == "unread"
    assert Outcome(sample, right, True).both_right and not Outcome(sample, wrong, True).both_right

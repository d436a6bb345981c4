"""A line whose end a thumb, a cup or the frame's edge covers may have lost characters the engine
never saw ("27/11/2023" read surely as "7/11/2023"): its end word is doubted, so the date or total
read from it goes to review instead of being paid silently (issue 12, `rapidocr_engine.cut_ends`)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from PIL import Image, ImageDraw

from reimburse.adapters.ocr.layout import REPAIRED_CONFIDENCE, OcrWord, build_page
from reimburse.adapters.ocr.rapidocr_engine import _cut_line, cut_ends, recognise
from reimburse.adapters.ocr.review import DATE_MIN_CONFIDENCE, date_confidence
from tests.image_factory import receipt

HEIGHT = 30.0


def item(left: float, right: float, top: float = 100.0) -> list[object]:
    """An engine result item: a level line box, its text and score (no character boxes)."""
    bottom = top + HEIGHT
    return [[[left, top], [right, top], [right, bottom], [left, bottom]], "27/11/2023", 0.99]


def paper(width: int = 600, height: int = 300) -> np.ndarray:
    grey = np.full((height, width), 240, np.uint8)
    grey[105:125, 120:400:4] = 30  # the line's own strokes, inside its box
    return grey


def test_a_line_whose_start_abuts_something_dark_is_cut_there() -> None:
    grey = paper()
    grey[:, :108] = 165  # a thumb up to 2 px left of the box
    assert cut_ends(grey, item(110, 410), (False, False)) == (True, False)


def test_a_line_with_a_paper_margin_before_the_dark_is_whole() -> None:
    grey = paper()
    grey[:, :90] = 165  # the table begins two thirds of a line height left of the box
    grey[:, 430:] = 40
    assert cut_ends(grey, item(110, 410), (False, False)) == (False, False)


@pytest.mark.parametrize(("edges", "cut"), [((True, True), (True, False)), ((False, False), (False, False))])
def test_a_line_running_out_of_the_page_is_cut_only_where_that_border_is_the_frame(
    edges: tuple[bool, bool], cut: tuple[bool, bool]
) -> None:
    assert cut_ends(paper(), item(1, 410), edges) == cut


def test_a_scan_cropped_tight_is_whole_but_a_page_warped_to_its_outline_is_cut() -> None:
    # 6 px (a fifth of a line height) from the frame's edge: a tight crop, the text whole; the
    # same distance from a flattened paper's outline is less than any paper margin
    assert cut_ends(paper(), item(6, 410), (True, True)) == (False, False)
    assert cut_ends(paper(), item(6, 410), (True, True), outline=True) == (True, False)


def test_faint_differences_are_no_cover() -> None:
    grey = paper()
    grey[:, :108] = 215  # a shadow on the paper, not a thumb
    assert cut_ends(grey, item(110, 410), (False, False)) == (False, False)


def test_a_shadow_darkening_along_the_line_is_no_cover() -> None:
    # a corner shadow: the page darkens smoothly towards the left (about 95 grey levels along the line)
    grey = (np.linspace(60, 250, 600)[None, :] * np.ones((300, 1))).astype(np.uint8)
    grey[105:125, 120:400:4] = 20
    assert cut_ends(grey, item(110, 410), (False, False)) == (False, False)


def words(*texts: str) -> list[OcrWord]:
    return [OcrWord(t, 50.0 * i, 0.0, 50.0 * i + 40, 20.0, 0.98, 0.99) for i, t in enumerate(texts)]


def sure(line: list[OcrWord]) -> list[str]:
    return [w.text for w in line if w.confidence > REPAIRED_CONFIDENCE]


def test_a_number_cut_at_the_end_of_its_line_doubts_the_line_s_numbers() -> None:
    # "Table 7 Mar 15, 2022" with the year's last digit under the cover: "7 Mar 15" reads as a date
    line = _cut_line(words("Table", "7", "Mar", "15,", "202"), False, True)
    assert sure(line) == ["Table", "Mar"]
    assert all(
        w.digit_confidence is not None and w.digit_confidence <= REPAIRED_CONFIDENCE for w in line[1::2]
    )


def test_a_word_of_letters_cut_leaves_the_line_s_numbers_as_read() -> None:
    line = _cut_line(words("able", "14", "17/10/2021", "19:12"), True, False)
    assert sure(line) == ["14", "17/10/2021", "19:12"]


def test_a_word_cut_on_the_right_that_ends_as_amounts_and_dates_end_is_whole() -> None:
    # nothing after two decimals or a four-digit year changes the value; before them it can
    assert sure(_cut_line(words("$50.09"), False, True)) == ["$50.09"]
    assert sure(_cut_line(words("3.02.2021"), False, True)) == ["3.02.2021"]
    assert sure(_cut_line(words("$14."), False, True)) == []
    assert sure(_cut_line(words("$50.09"), True, False)) == []


LINES = ["Harbour Grill", "Date 27/11/2023 14:31", ("Soup", "6.20"), ("TOTAL", "6.20"), "Thank you"]


def covered_date() -> Image.Image:
    """The date line on its own with a thumb over its first digit, on a dark table."""
    sheet = receipt(["27/11/2023 14:31", ("TOTAL", "6.20")], width=520)
    frame = Image.new("RGB", (sheet.width + 160, sheet.height + 160), (60, 55, 50))
    frame.paste(sheet, (80, 80))
    draw = ImageDraw.Draw(frame)
    # the thumb's edge falls inside the "2": the engine reads the "7" on and never sees a cut
    draw.ellipse((-40, 20, 80 + 28 + 8, 80 + 28 + 80), fill=(210, 155, 125))
    return frame


def test_a_date_whose_first_digit_a_thumb_covers_goes_to_review() -> None:
    image = covered_date()
    words = recognise(image)
    page = build_page(words, 1, image.width, image.height, 1.0)
    dated = [w for w in page.words if "/11/2023" in w.text]
    assert dated, page.lines
    assert all(w.confidence <= REPAIRED_CONFIDENCE for w in dated)
    # whichever day the engine made of what it saw of the "27", the date is doubted
    for day in (7, 27):
        sureness = date_confidence([page], date(2023, 11, day))
        assert sureness is None or sureness < DATE_MIN_CONFIDENCE
    assert any(date_confidence([page], date(2023, 11, day)) is not None for day in (7, 27))


def test_a_whole_receipt_on_a_table_has_no_word_doubted() -> None:
    sheet = receipt(LINES, width=560)
    frame = Image.new("RGB", (sheet.width + 200, sheet.height + 200), (60, 55, 50))
    frame.paste(sheet, (100, 100))
    words = recognise(frame)
    assert words
    assert all(w.confidence > REPAIRED_CONFIDENCE for w in words)

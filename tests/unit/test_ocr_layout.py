"""Lines and columns rebuilt from OCR word boxes, whatever block the engine put each word in."""

from __future__ import annotations

from reimburse.adapters.ocr.layout import OcrWord, build_page, page_text
from reimburse.domain.verdict.document import TextSource


def word(
    text: str, x0: float, top: float, width: float = 40, height: float = 20, conf: float = 0.9
) -> OcrWord:
    return OcrWord(text, x0, top, x0 + width, top + height, conf)


def test_a_label_and_its_amount_far_right_share_a_line_as_two_columns() -> None:
    words = [word("9.00", 500, 102), word("Total", 20, 100), word("Cash", 20, 140), word("10.00", 500, 141)]
    page = build_page(words, 1, 600, 300, scale=0.5)
    assert [line.text for line in page.lines] == ["Total   9.00", "Cash   10.00"]


def test_neighbouring_words_are_joined_by_one_space() -> None:
    page = build_page([word("Grand", 20, 50), word("Total", 66, 51)], 1, 600, 300, scale=1.0)
    assert page.lines[0].text == "Grand Total"


def test_words_stacked_in_the_same_column_stay_on_separate_lines_even_when_close() -> None:
    page = build_page(
        [word("12.00", 500, 100, height=20), word("3.00", 500, 111, height=20)], 1, 600, 300, 1.0
    )
    assert [line.text for line in page.lines] == ["12.00", "3.00"]


def test_boxes_are_scaled_to_points_and_keep_their_confidence() -> None:
    page = build_page([word("TOTAL", 100, 200, width=80, height=30, conf=0.42)], 3, 1000, 2000, scale=0.36)
    (placed,) = page.words
    assert (placed.x0, placed.top, placed.x1, placed.bottom) == (36.0, 72.0, 64.8, 82.8)
    assert placed.confidence == 0.42
    assert (page.number, page.width, page.height, page.source) == (3, 360.0, 720.0, TextSource.OCR)


def test_a_wide_vertical_gap_becomes_a_blank_line_in_the_text() -> None:
    page = build_page(
        [word("Shop", 20, 10), word("Thanks", 20, 40), word("Total", 20, 200)], 1, 600, 300, 1.0
    )
    assert page_text(page) == "Shop\nThanks\n\nTotal"


def test_blank_and_control_only_words_are_dropped() -> None:
    page = build_page([word(" ", 20, 10), word("\u200b", 80, 10), word("Cafe", 140, 10)], 1, 600, 300, 1.0)
    assert [w.text for w in page.words] == ["Cafe"]

"""A second look at the words the review checks lean on (`adapters/ocr/reread.py`): the same
recognizer reads the word's crop again under a fixed, different preprocessing. The same characters
read surely clear the first reading's doubt; other digits dispute a reading however sure it was."""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal

from PIL import Image, ImageDraw

from reimburse.adapters.ocr.layout import OcrWord, build_page, page_text
from reimburse.adapters.ocr.rapidocr_engine import _turned, _turned_page, engine, recognise
from reimburse.adapters.ocr.reread import (
    DISPUTED_CONFIDENCE,
    KEY_AMOUNTS,
    MAX_WORDS,
    SURE,
    chosen,
    judged,
    reread,
)
from reimburse.adapters.ocr.review import ocr_review_flags
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice
from tests.image_factory import font, receipt


def drawn(text: str, size: int = 28, ink: int = 0, paper: int = 255) -> tuple[Image.Image, OcrWord]:
    """A page with `text` drawn once, and a word box around it as the engine would give."""
    image = Image.new("RGB", (420, 120), (paper,) * 3)
    draw = ImageDraw.Draw(image)
    face = font(size)
    draw.text((60, 40), text, fill=(ink,) * 3, font=face)
    left, top, right, bottom = draw.textbbox((60, 40), text, font=face)
    return image, OcrWord(text, left, top - 4, right, bottom + 4, 1.0, 1.0)


def word(text: str, confidence: float, digits: float | None = None) -> OcrWord:
    return OcrWord(text, 0.0, 0.0, 10.0 * len(text), 20.0, confidence, digits)


def test_a_doubted_amount_printed_clearly_is_cleared_by_the_second_reading() -> None:
    image, printed = drawn("48.30")
    first = printed._replace(confidence=0.55, digit_confidence=0.55)
    [again] = reread(engine(), image, [first])
    assert again.text == "48.30"
    assert again.confidence >= SURE and again.digit_confidence is not None and again.digit_confidence >= SURE


def test_a_sure_first_reading_of_other_digits_is_disputed() -> None:
    image, printed = drawn("48.30")
    misread = printed._replace(text="43.30", confidence=0.99, digit_confidence=0.99)
    [again] = reread(engine(), image, [misread])
    assert again.text == "43.30"  # the word keeps its text: the check, not the reread, decides
    assert again.confidence == DISPUTED_CONFIDENCE and again.digit_confidence == DISPUTED_CONFIDENCE


def test_a_doubted_date_printed_clearly_is_cleared() -> None:
    image, printed = drawn("21.03.2024")
    first = printed._replace(confidence=0.4, digit_confidence=0.4)
    [again] = reread(engine(), image, [first])
    assert again.digit_confidence is not None and again.digit_confidence >= SURE


def test_same_characters_read_unsurely_again_leave_the_doubt_as_it_was() -> None:
    first = word("48.30", 0.55, 0.55)
    assert judged(first, "48.30", [0.99, 0.7, 0.99, 0.99, 0.99]) == first


def test_marks_doubted_alike_in_both_readings_with_sure_digits_are_cleared() -> None:
    # a faint thousands comma and decimal point, printed the same way twice around sure digits
    first = word("1.323,26", 0.75, 0.99)
    again = judged(first, "1.323,26", [0.99, 0.74, 0.99, 0.99, 0.99, 0.6, 0.99, 0.98])
    assert again.confidence == 0.98 and again.digit_confidence == 0.99
    # other marks the second time ("1,323.26"): no agreement, the doubt stays
    assert judged(first, "1,323.26", [0.99] * 8) == first


def test_a_decimal_mark_read_or_missed_the_second_time_is_no_dispute() -> None:
    # a faint mark: which value it is, the lost-mark and convention checks settle, not this one
    first = word("21.11.21", 0.84, 0.84)
    assert judged(first, "2111.21", [0.9] * 7) == first
    assert judged(word("70,59", 0.86, 0.95), "70.59", [0.95] * 5) == word("70,59", 0.86, 0.95)


def test_other_digits_read_surely_the_second_time_dispute_even_a_sure_reading() -> None:
    disputed = judged(word("85.75", 1.0, 1.0), "86.75", [0.95] * 5)
    assert disputed.digit_confidence == DISPUTED_CONFIDENCE and disputed.second_reading == "86.75"


def test_an_unsure_empty_or_cut_second_reading_is_no_evidence() -> None:
    sure = word("85.75", 1.0, 1.0)
    assert judged(sure, "86.75", [0.95, 0.95, 0.5, 0.95, 0.95]) == sure  # read unsurely
    assert judged(sure, "", []) == sure  # nothing read
    assert judged(sure, "85.7", [0.99] * 4) == sure  # the crop's edge cut a digit off


def test_doubted_words_come_first_then_the_largest_amounts_then_dates() -> None:
    words = [
        word("Total", 0.5),
        word("12.50", 0.99, 0.99),
        word("3.10", 0.99, 0.99),
        word("99.90", 0.99, 0.99),
        word("7.00", 0.99, 0.99),
        word("21.03.2024", 0.99, 0.99),
        word("1.60", 0.7, 0.7),
        word("Table 4", 0.5, 0.5),
    ]
    assert chosen(words) == [6, 3, 1, 4, 5][: 1 + KEY_AMOUNTS + 1]


def test_a_page_full_of_doubted_amounts_is_re_read_up_to_the_cap() -> None:
    words = [word(f"{n}.50", 0.5, 0.5) for n in range(10, 10 + 3 * MAX_WORDS)]
    assert chosen(words) == list(range(MAX_WORDS))


def review_page(total: OcrWord, day: OcrWord) -> Document:
    words = [
        OcrWord("CAFE", 20, 10, 120, 40, 0.99),
        OcrWord("Date", 20, 60, 90, 90, 0.99),
        day,
        OcrWord("TOTAL", 20, 190, 120, 220, 0.99),
        total,
    ]
    page = build_page(words, 1, 640, 300, 0.5)
    text = page_text(page)
    return Document(filename="photo.jpg", sha256="0" * 64, text=text, pages=(text,), layout=(page,))


def test_a_disputed_total_goes_to_review_with_both_readings_in_the_message() -> None:
    disputed = judged(OcrWord("43.30", 500, 190, 590, 220, 0.99, 0.99), "48.30", [0.95] * 5)
    document = review_page(disputed, OcrWord("12/03/2024", 110, 60, 300, 90, 0.99, 0.99))
    read = Invoice(total=Decimal("43.30"), invoice_date=date(2024, 3, 12))
    [flag] = ocr_review_flags(document, read)
    assert flag.code == "low_confidence"
    assert '"43.30" then "48.30"' in flag.message


def test_a_disputed_date_goes_to_review_with_both_readings_in_the_message() -> None:
    disputed = judged(OcrWord("12/03/2024", 110, 60, 300, 90, 1.0, 1.0), "12/08/2024", [0.9] * 10)
    document = review_page(OcrWord("43.30", 500, 190, 590, 220, 0.99, 0.99), disputed)
    read = Invoice(total=Decimal("43.30"), invoice_date=date(2024, 3, 12))
    messages = [f.message for f in ocr_review_flags(document, read)]
    assert any('"12/03/2024" then "12/08/2024"' in m for m in messages)


def test_the_page_is_turned_as_the_word_boxes_are() -> None:
    # deskew turns the boxes back by the page's tilt; the second look must crop the same pixels
    page = Image.new("L", (400, 300), 255)
    page.paste(0, (300, 40, 306, 46))  # a dot far from the centre, where a wrong turn shows most
    angle = math.radians(5)
    [[x, y], *_] = _turned([[[303, 43], [303, 43], [303, 43], [303, 43]], "", 1.0], -angle, (200, 150))[0]
    turned = _turned_page(page, angle)
    grey = turned.getpixel((round(x), round(y)))
    assert isinstance(grey, int) and grey < 128


def test_a_clear_tilted_receipt_is_neither_doubted_nor_disputed() -> None:
    page = receipt([("Soup", "6.40"), ("Bread", "2.10"), ("Tea", "3.20"), ("TOTAL", "11.70")], size=30)
    words = recognise(page.rotate(3.0, expand=True, fillcolor="white"))
    amounts = [w for w in words if w.text in {"6.40", "2.10", "3.20", "11.70"}]
    assert len(amounts) == 4
    assert all(w.second_reading is None and w.confidence >= SURE for w in amounts)

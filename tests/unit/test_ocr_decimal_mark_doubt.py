"""A decimal mark read unsurely between sure digits: the single-printed-total check judges it by the
page's decimal convention (issue 12: right totals like "24,22" sent to review for their comma)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reimburse.adapters.ocr.layout import OcrWord, build_page, page_text
from reimburse.adapters.ocr.rapidocr_engine import _split_line
from reimburse.adapters.ocr.review import SINGLE_PLACE_MIN_CONFIDENCE, ocr_review_flags
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice

SURE = 0.99


def receipt(
    total: str,
    *,
    mark_conf: float = 0.6,
    digit_conf: float | None = 0.99,
    items: tuple[str, ...] = ("11,72", "12,50"),
) -> Document:
    """A till receipt printing its items surely and its total once, the total's mark unsure. A line
    with no amount stands between the items and the total, so their sum (`items_sum`) proves
    nothing here: the mark alone is judged."""
    words = [OcrWord("BAKKERIJ", 20, 10, 200, 40, SURE, SURE)]
    for row, amount in enumerate(items):
        top = 60 + 40 * row
        words += [
            OcrWord(f"Item{row}", 20, top, 120, top + 30, SURE, SURE),
            OcrWord(amount, 500, top, 590, top + 30, SURE, SURE),
        ]
    top = 60 + 40 * len(items)
    words.append(OcrWord("ARTIKELEN", 20, top, 160, top + 30, SURE, SURE))
    top += 40
    sure = None if digit_conf is None else min(mark_conf, digit_conf)
    words += [
        OcrWord("TOTAAL", 20, top, 140, top + 30, SURE, SURE),
        OcrWord(total, 500, top, 590, top + 30, sure if sure is not None else mark_conf, digit_conf),
    ]
    page = build_page(words, 1, 640, top + 60, 0.5)
    text = page_text(page)
    return Document(filename="photo.jpg", sha256="0" * 64, text=text, pages=(text,), layout=(page,))


def total_flagged(document: Document, total: str) -> bool:
    read = Invoice(total=Decimal(total.replace(",", ".")), invoice_date=date(2024, 3, 12))
    return any("printed once" in f.message for f in ocr_review_flags(document, read))


def test_an_unsure_comma_between_sure_digits_on_a_comma_page_is_read() -> None:
    assert not total_flagged(receipt("24,22"), "24,22")


def test_an_unsure_point_between_sure_digits_on_a_point_page_is_read() -> None:
    assert not total_flagged(receipt("49.50", items=("19.50", "30.00")), "49.50")


def test_a_doubted_digit_beside_the_mark_still_goes_to_review() -> None:
    assert total_flagged(receipt("24,22", digit_conf=0.7), "24,22")


def test_a_page_whose_amounts_use_the_other_mark_does_not_settle_it() -> None:
    # the total's comma may be a speck the engine read as a mark: the page writes "11.72"
    assert total_flagged(receipt("24,22", items=("11.72", "12.50")), "24,22")


def test_a_page_mixing_both_marks_does_not_settle_it() -> None:
    assert total_flagged(receipt("24,22", items=("11,72", "12,50", "3.00")), "24,22")


def test_one_other_amount_is_not_a_convention() -> None:
    assert total_flagged(receipt("24,22", items=("9,10",)), "24,22")


def test_a_total_with_a_thousands_mark_too_still_goes_to_review() -> None:
    # which of the two marks was doubted decides the amount
    assert total_flagged(receipt("1.224,22"), "1224,22")


def test_without_character_scores_the_word_confidence_decides() -> None:
    assert total_flagged(receipt("24,22", digit_conf=None), "24,22")


@given(
    mark=st.floats(0.0, 1.0),
    digits=st.floats(0.0, 1.0),
    mark_char=st.sampled_from(",."),
)
def test_a_settled_mark_flags_exactly_when_the_digits_are_doubted(
    mark: float, digits: float, mark_char: str
) -> None:
    items = ("11,72", "12,50") if mark_char == "," else ("11.72", "12.50")
    document = receipt(f"24{mark_char}22", mark_conf=mark, digit_conf=digits, items=items)
    word = round(min(mark, digits), 4)
    doubted = round(digits, 4) < SINGLE_PLACE_MIN_CONFIDENCE and word < SINGLE_PLACE_MIN_CONFIDENCE
    assert total_flagged(document, "24,22") == doubted


def item(text: str, confs: list[float]) -> list[Any]:
    """A RapidOCR result item: line box, text, score, character boxes, characters, confidences."""
    boxes = [[[9 * i, 0], [9 * i + 8, 0], [9 * i + 8, 20], [9 * i, 20]] for i in range(len(text))]
    box = [[0, 0], [9 * len(text), 0], [9 * len(text), 20], [0, 20]]
    return [box, text, min(confs), boxes, list(text), confs]


def test_the_engine_word_keeps_its_digits_confidence_apart_from_its_marks() -> None:
    (word,) = _split_line(item("24,22", [0.99, 0.98, 0.55, 1.0, 0.99]))
    assert word.confidence == 0.55
    assert word.digit_confidence == 0.98


def test_a_line_without_character_boxes_has_no_digits_confidence() -> None:
    (word,) = _split_line([[[0, 0], [50, 0], [50, 20], [0, 20]], "24,22", 0.7])
    assert word.digit_confidence is None


def test_a_currency_sign_or_separator_read_unsurely_is_left_out_of_the_digits_confidence() -> None:
    (amount,) = _split_line(item("€24,22", [0.41, 0.99, 0.98, 0.55, 1.0, 0.99]))
    assert amount.digit_confidence == 0.98
    (day,) = _split_line(item("12/03/2019", [0.99, 0.99, 0.5, 0.99, 0.97, 0.5, 1.0, 1.0, 1.0, 0.99]))
    assert day.digit_confidence == 0.97


def currency_flagged(document: Document, total: str, currency: str | None) -> bool:
    read = Invoice(total=Decimal(total.replace(",", ".")), currency=currency, invoice_date=date(2024, 3, 12))
    return any("printed once" in f.message for f in ocr_review_flags(document, read))


def test_a_card_slip_total_in_a_currency_with_cents_is_read_at_its_digits() -> None:
    # a card slip prints one amount: no page convention, but euro amounts always carry a mark, so
    # an unsure mark between sure digits with two after it is no speck
    slip = receipt("43,38", items=())
    assert not currency_flagged(slip, "43,38", "EUR")
    assert not currency_flagged(receipt("48.81", items=("21,59", "22,21")), "48.81", "EUR")


@pytest.mark.parametrize("currency", [None, "JPY", "HUF"])
def test_an_unknown_or_whole_unit_currency_does_not_settle_the_mark(currency: str | None) -> None:
    # "4338" yen with a speck read as a comma would be paid as 43.38
    assert currency_flagged(receipt("43,38", items=()), "43,38", currency)


def test_a_doubted_digit_still_goes_to_review_in_a_currency_with_cents() -> None:
    assert currency_flagged(receipt("43,38", items=(), digit_conf=0.7), "43,38", "EUR")


def slip(text: str, edge_conf: float, *, label: str = "TOTAL") -> Document:
    """A card slip printing one amount or date once, every character sure but the first, read at
    `edge_conf`; the word is built by the engine's own splitting."""
    confs = [edge_conf] + [SURE] * (len(text) - 1)
    (word,) = _split_line(item(text, confs))
    words = [
        OcrWord("CARD", 20, 10, 120, 40, SURE, SURE),
        OcrWord(label, 20, 60, 140, 90, SURE, SURE),
        word._replace(x0=300, top=60, x1=300 + 9 * len(text), bottom=90),
    ]
    page = build_page(words, 1, 640, 120, 0.5)
    layout = page_text(page)
    return Document(filename="photo.jpg", sha256="0" * 64, text=layout, pages=(layout,), layout=(page,))


@pytest.mark.parametrize("text", ["/58.40", "|58.40", "(58.40", "!58.40", "]58.40"])
def test_a_glyph_for_a_lost_digit_at_the_start_still_counts(text: str) -> None:
    # "758.40" read "/58.40": the glyph may be the 7, so a total printed once so goes to review
    (word,) = _split_line(item(text, [0.40] + [SURE] * (len(text) - 1)))
    assert word.digit_confidence == 0.40
    assert currency_flagged(slip(text, 0.40), "58.40", "USD")


def test_a_currency_sign_of_another_currency_is_not_left_out() -> None:
    # "$" is the classic look-alike of a 5 or an 8: only the read currency's sign is settled
    assert not currency_flagged(slip("$58.40", 0.40), "58.40", "USD")
    assert currency_flagged(slip("$58.40", 0.40), "58.40", "EUR")
    assert not currency_flagged(slip("€58,40", 0.40), "58,40", "EUR")


def test_a_glyph_before_a_date_still_counts() -> None:
    # "12.05.2024" read "/2.05.2024": the date read, 2 May, may have lost its 1
    document = slip("/2.05.2024", 0.40, label="Date:")
    read = Invoice(total=Decimal("10.00"), currency="EUR", invoice_date=date(2024, 5, 2))
    assert any("invoice date" in f.message for f in ocr_review_flags(document, read))
    sure = slip("12.05.2024", SURE, label="Date:")
    read = Invoice(total=Decimal("10.00"), currency="EUR", invoice_date=date(2024, 5, 12))
    assert not any("invoice date" in f.message for f in ocr_review_flags(sure, read))


def test_a_comma_after_a_day_is_left_out() -> None:
    # "Oct 20, 2022": the comma after the day read at 0.43 changes no date
    (word,) = _split_line(item("20,", [SURE, SURE, 0.43]))
    assert word.digit_confidence == SURE

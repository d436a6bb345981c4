"""OCR review flags: a total or date that the photo does not clearly support goes to review."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import msgspec
from hypothesis import given
from hypothesis import strategies as st

from reimburse.adapters.ocr.layout import OcrWord, build_page, page_text
from reimburse.adapters.ocr.review import (
    DATE_MIN_CONFIDENCE,
    SINGLE_PLACE_MIN_CONFIDENCE,
    date_confidence,
    ocr_review_flags,
)
from reimburse.domain.verdict.document import Document, TextSource
from reimburse.domain.verdict.invoice import Invoice, LineItem

ITEMS = (LineItem("Pasta", Decimal("8.00")), LineItem("Tiramisu", Decimal("4.50")))


def receipt(
    *,
    date_conf: float = 0.97,
    total_conf: float = 0.97,
    paid_again: bool = False,
    ocr: bool = True,
    second_item: str = "4.50",
) -> Document:
    """A trattoria's receipt; with `second_item` other than "4.50" its items no longer add up to
    its total (an item misread, or a charge the page does not itemise), so they corroborate nothing."""
    words = [
        OcrWord("TRATTORIA", 20, 10, 200, 40, 0.99),
        OcrWord("Date:", 20, 60, 90, 90, 0.98),
        OcrWord("12/03/2024", 110, 60, 300, 90, date_conf),
        OcrWord("Pasta", 20, 110, 110, 140, 0.97),
        OcrWord("8.00", 500, 110, 580, 140, 0.97),
        OcrWord("Tiramisu", 20, 150, 150, 180, 0.97),
        OcrWord(second_item, 500, 150, 580, 180, 0.97),
        OcrWord("TOTAL", 20, 190, 120, 220, 0.99),
        OcrWord("12.50", 500, 190, 590, 220, total_conf),
    ]
    if paid_again:
        words += [OcrWord("CASH", 20, 230, 110, 260, 0.99), OcrWord("12.50", 500, 230, 590, 260, 0.96)]
    page = build_page(words, 1, 640, 300, 0.5)
    if not ocr:  # a born-digital text layer: its words are what the file says (1.0)
        words_at_one = tuple(
            msgspec.structs.replace(
                line, words=tuple(msgspec.structs.replace(w, confidence=1.0) for w in line.words)
            )
            for line in page.lines
        )
        page = msgspec.structs.replace(page, source=TextSource.TEXT_LAYER, lines=words_at_one)
    text = page_text(page)
    return Document(filename="photo.jpg", sha256="0" * 64, text=text, pages=(text,), layout=(page,))


def invoice(total: str = "12.50", items: tuple[LineItem, ...] = ITEMS, **extra: object) -> Invoice:
    return Invoice(total=Decimal(total), invoice_date=date(2024, 3, 12), line_items=items, **extra)  # type: ignore[arg-type]


def codes(document: Document, read: Invoice) -> list[str]:
    return [f.code for f in ocr_review_flags(document, read)]


def test_a_clearly_read_receipt_gets_no_flag() -> None:
    assert codes(receipt(), invoice()) == []


def test_a_date_printed_only_in_unsure_words_goes_to_review() -> None:
    assert codes(receipt(date_conf=0.35), invoice()) == ["low_confidence"]


def test_the_date_confidence_is_that_of_the_words_printing_it() -> None:
    page = receipt(date_conf=0.61).layout[0]
    assert date_confidence([page], date(2024, 3, 12)) == 0.61
    assert date_confidence([page], date(2024, 3, 13)) is None  # not printed: no evidence either way


def test_a_total_printed_once_and_read_unsurely_goes_to_review() -> None:
    assert codes(receipt(total_conf=0.7, second_item="4.40"), invoice()) == ["low_confidence"]
    # the items printed right above it adding up to it exactly settle its digits (`items_sum`)
    assert codes(receipt(total_conf=0.7), invoice()) == []


def test_a_total_printed_twice_is_corroborated_by_the_page() -> None:
    assert codes(receipt(total_conf=0.7, paid_again=True), invoice()) == []


def test_a_text_layer_is_not_judged_here() -> None:
    assert codes(receipt(date_conf=0.2, total_conf=0.2, ocr=False), invoice()) == []


def test_a_scanner_text_layer_with_numbers_our_ocr_doubted_is_judged() -> None:
    # cross_read leaves such a page a text layer with its unconfirmed numbers below 1.0
    page = msgspec.structs.replace(
        receipt(date_conf=0.3, total_conf=0.3, second_item="4.40").layout[0], source=TextSource.TEXT_LAYER
    )
    document = Document(filename="scan.pdf", sha256="0" * 64, text="", layout=(page,))
    assert codes(document, invoice()) == ["low_confidence", "low_confidence"]


@given(st.floats(min_value=0.0, max_value=1.0), st.floats(min_value=0.0, max_value=1.0))
def test_flags_only_ever_come_from_unsure_words(date_conf: float, total_conf: float) -> None:
    flagged = codes(receipt(date_conf=date_conf, total_conf=total_conf, second_item="4.40"), invoice())
    assert len(flagged) == (date_conf < DATE_MIN_CONFIDENCE) + (total_conf < SINGLE_PLACE_MIN_CONFIDENCE)

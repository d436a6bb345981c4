"""A total whose digits OCR doubted goes to review (low_confidence); a clearly read one does not."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from reimburse.adapters.heuristic.invoice_extractor import HeuristicInvoiceExtractor
from reimburse.adapters.ocr.confidence import amount_confidence
from reimburse.adapters.ocr.layout import OcrWord, build_page, page_text
from reimburse.domain.verdict.decide import Claim, decide
from reimburse.domain.verdict.document import Document, Line, Page, TextSource, Word
from reimburse.domain.verdict.policy import Category, Policy
from reimburse.domain.verdict.verdict import FlagCode

POLICY = Policy(policy_id="pol_test", currency="EUR", categories=(Category(name="meals"),))


def ocr_receipt(total_words: list[tuple[str, float]], *, repeat: tuple[str, float] | None = None) -> Document:
    """A restaurant receipt as OCR words; `total_words` print the total (text, confidence) left to right."""
    words = [
        OcrWord("TRATTORIA", 20, 10, 200, 40, 0.99),
        OcrWord("ROMA", 215, 10, 300, 40, 0.99),
        OcrWord("Date", 20, 60, 90, 90, 0.98),
        OcrWord("12/03/2024", 110, 60, 300, 90, 0.97),
        OcrWord("Pasta", 20, 110, 110, 140, 0.97),
        OcrWord("8.00", 500, 110, 580, 140, 0.97),
        OcrWord("Tiramisu", 20, 135, 150, 160, 0.97),
        OcrWord("4.50", 500, 135, 580, 160, 0.97),
        OcrWord("TOTAL", 20, 170, 120, 195, 0.99),
    ]
    x = 500.0
    for text, conf in total_words:
        words.append(OcrWord(text, x, 170, x + 18 * len(text), 195, conf))
        x += 18 * len(text) + 6
    if repeat is not None:
        words += [OcrWord("CASH", 20, 210, 110, 240, 0.99), OcrWord(repeat[0], 500, 210, 590, 240, repeat[1])]
    page = build_page(words, 1, 640, 300, 0.5)
    text = page_text(page)
    return Document(filename="photo.jpg", sha256="0" * 64, text=text, pages=(text,), layout=(page,))


def flags_for(document: Document) -> set[str]:
    invoice = HeuristicInvoiceExtractor().read(document, POLICY)
    assert invoice.total == Decimal("12.50")
    verdict = decide(POLICY, invoice, Claim(employee_name="", submitted_on=date(2024, 3, 20)))
    return {f.code for f in verdict.flags}


def test_a_total_whose_digits_ocr_doubted_is_flagged_for_review() -> None:
    assert FlagCode.LOW_CONFIDENCE.value in flags_for(ocr_receipt([("12.50", 0.31)]))


def test_a_clearly_read_total_is_not_flagged() -> None:
    assert FlagCode.LOW_CONFIDENCE.value not in flags_for(ocr_receipt([("12.50", 0.96)]))


def test_a_total_read_clearly_in_one_of_two_places_is_read() -> None:
    document = ocr_receipt([("12.50", 0.31)], repeat=("12.50", 0.95))
    assert amount_confidence(document, Decimal("12.50")) == 0.95


def test_an_amount_split_into_words_takes_the_weakest_part() -> None:
    document = ocr_receipt([("44", 0.97), (".", 0.42), ("60", 0.99)])
    assert amount_confidence(document, Decimal("44.60")) == 0.42


@pytest.mark.parametrize(
    ("printed", "amount"), [("12,50", "12.50"), ("1.234,50", "1234.50"), ("€1,234.50", "1234.50")]
)
def test_either_decimal_mark_is_matched(printed: str, amount: str) -> None:
    assert amount_confidence(ocr_receipt([(printed, 0.4)]), Decimal(amount)) == 0.4


def test_a_text_layer_or_an_amount_not_printed_gives_no_evidence() -> None:
    line = Line(text="TOTAL   12.50", words=(Word("TOTAL", 0, 0, 30, 10), Word("12.50", 100, 0, 130, 10)))
    text_layer = Document(
        filename="a.pdf",
        sha256="0" * 64,
        text=line.text,
        layout=(Page(1, 200, 200, (line,), TextSource.TEXT_LAYER),),
    )
    assert amount_confidence(text_layer, Decimal("12.50")) == 1.0
    assert amount_confidence(ocr_receipt([("12.50", 0.3)]), Decimal("99.00")) == 1.0


def _page_of(rows: list[tuple[str, str]]) -> Document:
    words = []
    for i, (label, amount) in enumerate(rows):
        words += [
            OcrWord(label, 20, 40 * i, 200, 40 * i + 25, 0.99),
            OcrWord(amount, 500, 40 * i, 590, 40 * i + 25, 0.99),
        ]
    page = build_page(words, 1, 640, 40 * len(rows), 0.5)
    return Document(filename="r.jpg", sha256="0" * 64, text=page_text(page), layout=(page,))


def test_the_confidence_of_a_total_is_the_engines_a_lost_decimal_mark_is_judged_in_review() -> None:
    # "1000" for "10.00": the engine was sure of its digits; review.lost_decimal_mark doubts it
    rows = [("SUBTOTAL", "10.00"), ("GRAND TOTAL", "1000"), ("CASH", "20.00"), ("CHANGE", "10.00")]
    assert amount_confidence(_page_of(rows), Decimal("1000")) == 0.99
    assert amount_confidence(_page_of(rows), Decimal("20.00")) == 0.99


def test_a_page_that_prints_whole_amounts_is_not_suspected() -> None:
    rows = [("Thali", "450"), ("Lassi", "150"), ("TOTAL", "600"), ("CASH", "1000")]
    assert amount_confidence(_page_of(rows), Decimal("600")) == 0.99

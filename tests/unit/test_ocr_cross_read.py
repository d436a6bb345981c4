"""A scanner's OCR text layer is checked against our OCR of the same picture: numbers ours does
not print are doubted, so a wrong total or date from the scanner goes to review (issue 12)."""

from __future__ import annotations

from decimal import Decimal

from reimburse.adapters.ocr.confidence import (
    UNCORROBORATED_CONFIDENCE,
    amount_confidence,
    cross_read,
    read_by_ocr,
)
from reimburse.adapters.ocr.layout import OcrWord, build_page, page_text
from reimburse.domain.verdict.document import Document, Line, Page, TextSource, Word


def layer(*rows: tuple[str, ...]) -> Page:
    """A text-layer page: one line per row, words 1.0 as a PDF's text layer gives them."""
    lines = []
    for y, row in enumerate(rows):
        words = tuple(
            Word(text, 10.0 + 60 * i, 20.0 * y, 60.0 + 60 * i, 20.0 * y + 12) for i, text in enumerate(row)
        )
        lines.append(Line(text=" ".join(row), words=words))
    return Page(number=1, width=300, height=300, lines=tuple(lines))


def ours(*rows: tuple[str, ...]) -> Page:
    words = [
        OcrWord(t, 10 + 60 * i, 20 * y, 60 + 60 * i, 20 * y + 12, 0.97)
        for y, r in enumerate(rows)
        for i, t in enumerate(r)
    ]
    return build_page(words, 1, 300, 300, 1.0)


def document(page: Page) -> Document:
    text = "\n".join(line.text for line in page.lines)
    return Document(filename="scan.pdf", sha256="0" * 64, text=text, pages=(text,), layout=(page,))


def confidences(page: Page) -> dict[str, float]:
    return {w.text: w.confidence for w in page.words}


def test_a_scanner_number_our_reading_prints_differently_is_doubted() -> None:
    theirs = layer(("Hilton",), ("Total", "61871.00"), ("Date", "08/02/2022"))
    checked = cross_read(theirs, ours(("Hilton",), ("Total", "€1,871.00"), ("Date", "08/02/2022")))
    assert confidences(checked) == {
        "Hilton": 1.0,
        "Total": 1.0,
        "61871.00": UNCORROBORATED_CONFIDENCE,
        "Date": 1.0,
        "08/02/2022": 1.0,
    }
    assert read_by_ocr(checked)
    assert amount_confidence(document(checked), Decimal("61871.00")) == UNCORROBORATED_CONFIDENCE


def test_numbers_written_with_other_marks_or_split_by_our_ocr_are_corroborated() -> None:
    theirs = layer(("TOTAL", "1.871,00", "EUR"), ("Room", "412"))
    checked = cross_read(theirs, ours(("TOTAL", "1", "871.00"), ("Room412",)))
    assert all(w.confidence == 1.0 for w in checked.words)
    assert not read_by_ocr(checked)  # nothing doubted: judged as the text layer it is
    assert amount_confidence(document(checked), Decimal("1871.00")) == 1.0


def test_a_born_digital_text_layer_is_not_judged_as_ocr() -> None:
    page = layer(("Total", "12.50"))
    assert page.source is TextSource.TEXT_LAYER
    assert not read_by_ocr(page)
    assert page_text(page) == "Total 12.50"

"""Doubt on OCR'd totals and dates (issue 12): a total put together from pieces, or a date read
from characters the date repair guessed, goes to review; a clean single print of a total does not
(a check that wanted arithmetic to reach it rested on chance sums on development receipts)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import msgspec
import pytest

from reimburse.adapters.ocr.layout import REPAIRED_CONFIDENCE, OcrWord, build_page, page_text
from reimburse.adapters.ocr.review import ocr_review_flags
from reimburse.domain.verdict.document import Document, Line, Page, Word
from reimburse.domain.verdict.invoice import Invoice

Row = tuple[str, ...]


def document(rows: list[Row], conf: float = 0.98) -> Document:
    """An OCR'd page: each row one line, its words spread across the page."""
    words = []
    for y, row in enumerate(rows):
        for x, text in enumerate(row):
            left = 20 + 300 * x
            words.append(OcrWord(text, left, 40 * y, left + 12 * len(text), 40 * y + 25, conf))
    page = build_page(words, 1, 1000, 40 * len(rows) + 40, 0.5)
    text = page_text(page)
    return Document(filename="photo.jpg", sha256="0" * 64, text=text, pages=(text,), layout=(page,))


def codes(rows: list[Row], total: str, when: date | None = date(2019, 3, 12)) -> list[str]:
    return [
        f.code for f in ocr_review_flags(document(rows), Invoice(total=Decimal(total), invoice_date=when))
    ]


HEAD: list[Row] = [("KEDAI MAKAN",), ("Date:", "12/03/2019")]


@pytest.mark.parametrize(
    ("rows", "total"),
    [
        # printed twice: Total, then Cash
        ([*HEAD, ("TOTAL", "12.50"), ("CASH", "12.50")], "12.50"),
        # once, and two items add up to it
        ([*HEAD, ("Nasi", "8.00"), ("Teh", "4.50"), ("TOTAL", "12.50")], "12.50"),
        # once, and net + tax make it
        ([*HEAD, ("Subtotal", "10.00"), ("GST 6%", "0.60"), ("TOTAL", "10.60")], "10.60"),
        # once, and cash less change make it
        ([*HEAD, ("TOTAL", "7.40"), ("Cash", "10.00"), ("Change", "2.60")], "7.40"),
        # once, and an item column of three adds up to it
        ([*HEAD, ("A", "1.00"), ("B", "2.00"), ("C", "3.50"), ("TOTAL", "6.50")], "6.50"),
        # once, clearly read, with nothing that adds up to it: no chance sum is asked for
        ([*HEAD, ("Nasi", "8.00"), ("Teh", "4.50"), ("TOTAL", "13.50")], "13.50"),
        ([*HEAD, ("TOTAL", "42.00")], "42.00"),
    ],
)
def test_a_clearly_printed_total_is_not_doubted(rows: list[Row], total: str) -> None:
    assert codes(rows, total) == []


@pytest.mark.parametrize(
    ("rows", "total"),
    [
        # not printed as read at all: put together from pieces
        ([*HEAD, ("TOTAL", "12", "50")], "12.50"),
    ],
)
def test_a_total_put_together_from_pieces_is_doubted(rows: list[Row], total: str) -> None:
    assert codes(rows, total) == ["low_confidence"]


@pytest.mark.parametrize(
    ("printed", "when"),
    [
        ("l2/03/2019", date(2019, 3, 12)),  # a look-alike digit put right
        ("12/O3/2019", date(2019, 3, 12)),
        ("12,03.2019", date(2019, 3, 12)),  # a comma put right
    ],
)
def test_a_date_read_only_from_repaired_characters_goes_to_review(printed: str, when: date) -> None:
    rows: list[Row] = [("KEDAI",), ("Date:", printed), ("TOTAL", "5.00"), ("CASH", "5.00")]
    assert codes(rows, "5.00", when) == ["low_confidence"]


def test_a_date_split_into_pieces_of_clean_digits_is_not_doubted() -> None:
    words = [
        OcrWord("TOTAL", 20, 0, 80, 25, 0.99),
        OcrWord("5.00", 400, 0, 450, 25, 0.99),
        OcrWord("CASH", 20, 40, 80, 65, 0.99),
        OcrWord("5.00", 400, 40, 450, 65, 0.99),
        OcrWord("12", 20, 80, 40, 105, 0.97),
        OcrWord("/", 44, 80, 50, 105, 0.97),
        OcrWord("03", 54, 80, 74, 105, 0.97),
        OcrWord("/", 78, 80, 84, 105, 0.97),
        OcrWord("2019", 88, 80, 128, 105, 0.97),
    ]
    page = build_page(words, 1, 1000, 200, 0.5)
    assert any(w.text == "12/03/2019" and w.confidence == 0.97 for w in page.words)
    text = page_text(page)
    doc = Document(filename="p.jpg", sha256="0" * 64, text=text, pages=(text,), layout=(page,))
    read = Invoice(total=Decimal("5.00"), invoice_date=date(2019, 3, 12))
    assert ocr_review_flags(doc, read) == ()


def test_a_repaired_word_carries_the_repair_confidence() -> None:
    page = build_page([OcrWord("12/O3/2019", 20, 0, 140, 25, 0.99)], 1, 1000, 100, 0.5)
    assert [(w.text, w.confidence) for w in page.words] == [("12/03/2019", REPAIRED_CONFIDENCE)]


def _with_typed_page(scanned: Document, *typed: str) -> Document:
    """`scanned` with a born-digital text page before it (a typed invoice, a receipt scanned behind)."""
    words = [Word(text, 20 + 100 * x, 40, 80 + 100 * x, 60) for x, text in enumerate(typed)]
    page = Page(number=1, width=600, height=800, lines=(Line(" ".join(typed), tuple(words)),))
    return msgspec.structs.replace(scanned, layout=(page, *scanned.layout))


@pytest.mark.parametrize(("typed", "flagged"), [(("Total", "42.00"), False), (("Total", "41.00"), True)])
def test_a_total_printed_on_the_typed_page_is_not_doubted_for_the_scan(
    typed: tuple[str, ...], flagged: bool
) -> None:
    scan = document([*HEAD, ("Taxi", "receipt")])
    flags = ocr_review_flags(
        _with_typed_page(scan, *typed), Invoice(total=Decimal("42.00"), invoice_date=None)
    )
    assert [f.code for f in flags] == (["low_confidence"] if flagged else [])


def _dated(day: OcrWord) -> list[str]:
    words = [
        OcrWord("Date:", 20, 0, 80, 25, 0.99, 0.99),
        OcrWord("Oct", 90, 0, 130, 25, 0.99, 0.99),
        day,
        OcrWord("2022", 180, 0, 230, 25, 0.99, 0.99),
        OcrWord("TOTAL", 20, 40, 80, 65, 0.99, 0.99),
        OcrWord("5.00", 400, 40, 450, 65, 0.99, 0.99),
        OcrWord("CASH", 20, 80, 80, 105, 0.99, 0.99),
        OcrWord("5.00", 400, 80, 450, 105, 0.99, 0.99),
    ]
    page = build_page(words, 1, 1000, 200, 0.5)
    text = page_text(page)
    doc = Document(filename="p.jpg", sha256="0" * 64, text=text, pages=(text,), layout=(page,))
    return [
        f.code for f in ocr_review_flags(doc, Invoice(total=Decimal("5.00"), invoice_date=date(2022, 10, 20)))
    ]


def test_a_date_whose_only_unsure_character_is_a_separator_is_not_doubted() -> None:
    # "20," at 0.43 for its comma, its digits at 0.99: the comma does not change the date
    assert _dated(OcrWord("20,", 140, 0, 170, 25, 0.43, 0.99)) == []


def test_a_date_with_an_unsure_digit_is_still_doubted() -> None:
    assert _dated(OcrWord("20,", 140, 0, 170, 25, 0.43, 0.43)) == ["low_confidence"]

"""Reading flags for documents read by OCR: a total or date the page does not clearly support.

A wrong amount or date read from a photo must go to review, never be paid silently. The total's
own confidence cap is in `confidence.py`; these checks add what that cap cannot see:

- the invoice date is printed only in words the engine was unsure of;
- the total is printed in one place only, and that place was read unsurely (a total a receipt
  prints twice, Total then Cash/Paid, and reads the same twice is corroborated by the page);
- the total disagrees with the sum of the items when the page prints neither a subtotal nor
  tax: an OCR'd digit changes one of the two.

Text-layer and e-invoice pages are not judged here (their words are what the file says).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import msgspec

from reimburse.adapters.ocr.confidence import amount_places
from reimburse.domain.verdict.document import Document, Line, Page, TextSource
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.verdict import Flag, FlagCode

# Measured on the development images (docs/ocr.md): every correctly read date and single-place
# total was read at 0.93 or more; digits the engine doubts come out well below.
DATE_MIN_CONFIDENCE = 0.8
SINGLE_PLACE_MIN_CONFIDENCE = 0.9
ITEMS_TOLERANCE = Decimal("0.01")


def ocr_pages(document: Document) -> list[Page]:
    return [page for page in document.layout if page.source is TextSource.OCR]


def with_ocr_review(document: Document, invoice: Invoice) -> Invoice:
    """`invoice` with the OCR review flags added to its reading flags."""
    flags = ocr_review_flags(document, invoice)
    return (
        msgspec.structs.replace(invoice, reading_flags=(*invoice.reading_flags, *flags)) if flags else invoice
    )


def ocr_review_flags(document: Document, invoice: Invoice) -> tuple[Flag, ...]:
    """LOW_CONFIDENCE flags for the total and date of an OCR'd document; () for a text layer."""
    pages = ocr_pages(document)
    if not pages:
        return ()
    flags = []
    if invoice.invoice_date is not None:
        sureness = date_confidence(pages, invoice.invoice_date)
        if sureness is not None and sureness < DATE_MIN_CONFIDENCE:
            flags.append(
                Flag(
                    FlagCode.LOW_CONFIDENCE.value,
                    f"The invoice date {invoice.invoice_date} was read from a photo or scan whose "
                    f"digits OCR was unsure of ({sureness:.2f}).",
                )
            )
    places = [  # one per line that prints the total: its best-read spelling there
        max(conf for _, conf in found)
        for page in pages
        for line in page.lines
        if (found := amount_places(line, abs(invoice.total)))
    ]
    if len(places) == 1 and places[0] < SINGLE_PLACE_MIN_CONFIDENCE:
        flags.append(
            Flag(
                FlagCode.LOW_CONFIDENCE.value,
                f"The total {invoice.total} is printed once on the photo or scan and OCR was unsure "
                f"of it ({places[0]:.2f}).",
            )
        )
    if _items_disagree(invoice):
        flags.append(
            Flag(
                FlagCode.TOTAL_MISMATCH.value,
                f"The items read from the photo or scan add up to {_items_sum(invoice)}, not to the "
                f"total {invoice.total}; a digit may be misread.",
            )
        )
    return tuple(flags)


def date_confidence(pages: list[Page], value: date) -> float | None:
    """The best confidence among the OCR'd places that print `value`; None when none does."""
    best: float | None = None
    for page in pages:
        for line in page.lines:
            for start, end in _date_spans(line.text, value):
                words = [
                    conf for w_start, w_end, conf in _word_spans(line) if w_start < end and w_end > start
                ]
                if words:
                    best = max(best or 0.0, min(words))
    return best


def _date_spans(text: str, value: date) -> Iterator[tuple[int, int]]:
    # Imported here: the heuristic package imports this module (its extractor adds these flags).
    from reimburse.adapters.heuristic.dates import find_dates

    for match in find_dates(text):
        if value in (match.value, match.alternative):
            yield match.start, match.end


def _word_spans(line: Line) -> Iterator[tuple[int, int, float]]:
    """Where each word sits in the line's text (words joined by a space or a column gap)."""
    position = 0
    for word in line.words:
        start = line.text.find(word.text, position)
        if start < 0:
            return
        position = start + len(word.text)
        yield start, position, word.confidence


def _items_sum(invoice: Invoice) -> Decimal | None:
    amounts = [item.amount for item in invoice.line_items]
    return sum(amounts, Decimal(0)) if len(amounts) >= 2 else None


def _items_disagree(invoice: Invoice) -> bool:
    if invoice.subtotal is not None or invoice.taxes is not None:
        return False  # tax, service charge and rounding sit between the items and the total
    total = _items_sum(invoice)
    return total is not None and abs(total - invoice.total) > ITEMS_TOLERANCE

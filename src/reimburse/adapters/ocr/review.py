"""Reading flags for documents read by OCR: a total or date the page does not clearly support.

A wrong amount or date read from a photo must go to review, never be paid silently. The total's
own confidence cap is in `confidence.py`; these checks add what that cap cannot see:

- the invoice date is printed only in words the engine was unsure of;
- the total is printed in one place only, and that place was read unsurely (a total a receipt
  prints twice, Total then Cash/Paid, and reads the same twice is corroborated by the page);
- the total is printed in one place only and no arithmetic of the page reaches it (two printed
  amounts that add up to it, net + tax or two items, cash less change, or a run of consecutive
  amounts): one reading of one place is all there is, and a misread digit there is paid silently;
- the total is printed nowhere on the OCR'd page as read (it was put together from pieces, a
  decimal point joined or a look-alike read as a digit).

A date whose characters `date_repair` put right carries a lower word confidence (`layout`), so
the date check above covers repaired dates too.

Items summed against the total were tried and dropped: the item reader takes labelled amounts
("Amount 6.60", "Due 19.20") for items on receipts, so the sum flagged clean documents.

Text-layer and e-invoice pages are not judged here (their words are what the file says), except a
scanner's OCR text layer whose numbers our own OCR of the page did not confirm (`cross_read`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from decimal import Decimal

import msgspec

from reimburse.adapters.ocr.confidence import _value, amount_places, read_by_ocr
from reimburse.domain.verdict.document import Document, Line, Page
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.verdict import Flag, FlagCode

# Calibrated on the development OCR'd documents: every date read right there had 0.65 or more
# (the lowest a receipt whose date is glued to the time after it), so below 0.6 is doubted.
DATE_MIN_CONFIDENCE = 0.6
# Every single-place total of the development images that was read right had 0.93 or more.
SINGLE_PLACE_MIN_CONFIDENCE = 0.9
MAX_RUN = 12  # consecutive amounts summed at most (a receipt's item column)


def ocr_pages(document: Document) -> list[Page]:
    return [page for page in document.layout if read_by_ocr(page)]


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
    elif len(places) == 1 and not arithmetic_reaches(page_amounts(pages), abs(invoice.total)):
        flags.append(
            Flag(
                FlagCode.LOW_CONFIDENCE.value,
                f"The total {invoice.total} is printed once on the photo or scan and no other "
                "amount there adds up to it.",
            )
        )
    elif not places and invoice.total:
        flags.append(
            Flag(
                FlagCode.LOW_CONFIDENCE.value,
                f"The total {invoice.total} is not printed as such on the photo or scan (read from "
                "pieces OCR split or misread).",
            )
        )
    return tuple(flags)


def page_amounts(pages: list[Page]) -> list[Decimal]:
    """Every amount the OCR'd words print, in reading order (one per word)."""
    found = []
    for page in pages:
        for word in page.words:
            if any(ch.isdigit() for ch in word.text) and (value := _value(word.text)) is not None:
                found.append(abs(value))
    return found


def arithmetic_reaches(amounts: Sequence[Decimal], total: Decimal) -> bool:
    """Whether other printed amounts make `total`: two that add up to it or differ by it, or a run
    of consecutive ones (an item column) that adds up to it. The total's own prints are left out.

    Loose on purpose: every number counts, so a quantity can confirm by chance (on 3 of the 10
    development images whose total is printed once, "20.00" + "1" made "21.00"). Requiring cents
    would have sent those clean receipts to review; what this catches is a total nothing reaches."""
    others = [a for a in amounts if a != total and a > 0]
    seen: set[Decimal] = set()
    for amount in others:
        if total - amount in seen or total + amount in seen or amount - total in seen:
            return True
        seen.add(amount)
    for start in range(len(others)):
        running = Decimal(0)
        for count, amount in enumerate(others[start : start + MAX_RUN], start=1):
            running += amount
            if running == total and count > 1:
                return True
            if running > total:
                break
    return False


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

"""How surely OCR read an amount: the confidence of the words that print it.

A total read from OCR words can be no surer than the engine was of its digits. The extractor
takes the lower of its own confidence and this one, so a total whose digits the engine doubted
falls under the verdict engine's low-confidence threshold and goes to review, never paid
silently. Text-layer documents are unaffected (1.0).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

import msgspec

from reimburse.domain.verdict.document import Document, Line, Page, TextSource, Word

_SEPARATORS = re.compile(r"[.,'\u00a0 ]")
_NOT_AMOUNT = re.compile(r"[^0-9.,'\u00a0 -]")
MAX_JOINED_WORDS = 3  # OCR may split "1 250.00" or "44 . 60" into several words
LOST_DECIMAL_CONFIDENCE = 0.4  # under the verdict engine's 0.5: review
MIN_AMOUNTS = 3
_CENTS = re.compile(r"\d[.,]\d{2}(?!\d)")
_AMOUNT = re.compile(r"-?\d[\d.,' ]*")
# A scanner's OCR text layer has no confidences; its numbers our own OCR of the same picture does
# not print are doubted this much (under the verdict engine's 0.5: review).
UNCORROBORATED_CONFIDENCE = 0.3


def read_by_ocr(page: Page) -> bool:
    """Our OCR's page, or a scanner's OCR text layer that `cross_read` found numbers to doubt in
    (a born-digital text layer's words are all 1.0)."""
    return page.source is TextSource.OCR or any(w.confidence < 1.0 for w in page.words)


def cross_read(theirs: Page, ours: Page) -> Page:
    """A scanner's text-layer page, its words with digits doubted where our OCR of the same
    picture does not print the same digits ("61871.00" where ours reads "€1,871.00")."""
    printed = ["".join(ch for ch in line.text if ch.isdigit()) for line in ours.lines]

    def checked(word: Word) -> Word:
        digits = "".join(ch for ch in word.text if ch.isdigit())
        if not digits or any(digits in line for line in printed):
            return word
        return msgspec.structs.replace(word, confidence=min(word.confidence, UNCORROBORATED_CONFIDENCE))

    lines = tuple(
        msgspec.structs.replace(line, words=tuple(map(checked, line.words))) for line in theirs.lines
    )
    return msgspec.structs.replace(theirs, lines=lines)


def amount_confidence(document: Document, amount: Decimal | None) -> float:
    """The best confidence among the OCR'd places that print `amount`; 1.0 when there are none.

    The best, not the worst: a total printed twice (Total, then Paid) and read clearly once is
    read. None found means OCR gave no evidence either way (other flags judge that).
    """
    if amount is None:
        return 1.0
    best: float | None = None
    for page in document.layout:
        if not read_by_ocr(page):
            continue
        cents = _prints_cents(page.words)
        for line in page.lines:
            for text, confidence in amount_places(line, abs(amount)):
                if cents and not _CENTS.search(text):
                    # Every other amount shows cents and this one does not: the decimal point, the
                    # smallest mark on the page, may be what OCR lost ("1000" for "10.00").
                    confidence = min(confidence, LOST_DECIMAL_CONFIDENCE)
                best = confidence if best is None else max(best, confidence)
    return 1.0 if best is None else best


def _prints_cents(words: Sequence[Word]) -> bool:
    """Whether the page writes its amounts with two decimals (at least MIN_AMOUNTS, all but one)."""
    amounts = [w.text for w in words if _AMOUNT.fullmatch(_NOT_AMOUNT.sub("", w.text) or "x")]
    with_cents = sum(bool(_CENTS.search(a)) for a in amounts)
    return with_cents >= MIN_AMOUNTS and with_cents >= len(amounts) - 1


def amount_places(line: Line, amount: Decimal) -> list[tuple[str, float]]:
    found = []
    words = line.words
    for start in range(len(words)):
        for end in range(start + 1, min(start + MAX_JOINED_WORDS, len(words)) + 1):
            text = "".join(w.text for w in words[start:end])
            if _value(text) == amount:
                found.append((text, min(w.confidence for w in words[start:end])))
                break
    return found


def _value(text: str) -> Decimal | None:
    """The amount a word prints, with either decimal mark: '1.234,50', '1,234.50', '12.50', '€9,00'."""
    digits = _NOT_AMOUNT.sub("", text).strip("-")
    if not digits or not digits[-1].isdigit():
        return None
    parts = _SEPARATORS.split(digits)
    if len(parts) > 1 and len(parts[-1]) in (1, 2):  # the last mark is the decimal one
        number = "".join(parts[:-1]) + "." + parts[-1]
    else:
        number = "".join(parts)
    try:
        return Decimal(number)
    except InvalidOperation:
        return None

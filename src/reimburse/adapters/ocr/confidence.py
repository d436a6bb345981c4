"""How surely OCR read an amount: the confidence of the words that print it.

A total read from OCR words can be no surer than the engine was of its digits. The extractor
takes the lower of its own confidence and this one, so a total whose digits the engine doubted
falls under the verdict engine's low-confidence threshold and goes to review, never paid
silently. Text-layer documents are unaffected (1.0).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import msgspec

from reimburse.domain.verdict.document import Document, Line, Page, TextSource, Word

_SEPARATORS = re.compile(r"[.,'\u00a0 ]")
_NOT_AMOUNT = re.compile(r"[^0-9.,'\u00a0 -]")
MAX_JOINED_WORDS = 3  # OCR may split "1 250.00" or "44 . 60" into several words
_CENTS = re.compile(r"\d[.,]\d{2}(?!\d)")
# A scanner's OCR text layer has no confidences; its numbers our own OCR of the same picture does
# not print are doubted this much (under the verdict engine's 0.5: review). Any value under 0.5
# does the same. On 50 rendered scanner layers (tests/eval/ocr_calibration) it sent all 28 whose
# total the layer misread to review, and 7 of the 22 read right (our OCR missed a digit of their
# total or date on small, stretched print).
UNCORROBORATED_CONFIDENCE = 0.3

# A word whose characters `date_repair` changed, or whose end a cover may have cut
# (`rapidocr_engine.cut_ends`), is a guess about what was printed, however sure the engine was of
# the glyphs it saw: under the OCR date check's 0.6 (`review.DATE_MIN_CONFIDENCE`), so the date
# goes to review.
REPAIRED_CONFIDENCE = 0.45


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


# A date cut short after its second separator ("2024-02-", "12/03/"): no date is written so, and
# a scanner's layer drops the last glyphs of a word it cannot read. ("08.02." stays: German writes
# a day and month so.)
_CUT_DATE = re.compile(r"\d{1,4}([-/])\d{1,2}\1")
_REST_OF_DATE = re.compile(r"\d{1,4}")


def completed(text: str, theirs: Page, ours: Page) -> tuple[str, Page]:
    """The scanner's page text and layout with each date it cut short ("2024-02-") written whole
    where our OCR of the same picture prints exactly one such date ("2024-02-08"); as sure as the
    less sure of the two readings."""
    ours_words = [w for line in ours.lines for w in line.words]
    whole: dict[str, Word] = {}
    for word in theirs.words:
        if not _CUT_DATE.fullmatch(word.text):
            continue
        found = {w.text: w for w in ours_words if _completes(word.text, w.text)}
        if len(found) == 1:
            whole[word.text] = next(iter(found.values()))
    if not whole:
        return text, theirs

    def fixed(word: Word) -> Word:
        if (ours_word := whole.get(word.text)) is None:
            return word
        sure = min(word.confidence, ours_word.confidence)
        return msgspec.structs.replace(word, text=ours_word.text, confidence=sure)

    def written(line_text: str) -> str:
        for cut, ours_word in whole.items():
            line_text = re.sub(rf"(?<!\S){re.escape(cut)}(?!\S)", ours_word.text, line_text)
        return line_text

    lines = tuple(
        msgspec.structs.replace(line, text=written(line.text), words=tuple(map(fixed, line.words)))
        for line in theirs.lines
    )
    return written(text), msgspec.structs.replace(theirs, lines=lines)


def _completes(cut: str, word: str) -> bool:
    return word.startswith(cut) and _REST_OF_DATE.fullmatch(word[len(cut) :]) is not None


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
        for line in page.lines:
            for _, confidence in amount_places(line, abs(amount)):
                best = confidence if best is None else max(best, confidence)
    return 1.0 if best is None else best


def shows_cents(text: str) -> bool:
    """Whether an amount is written with two decimals ("12.50", "1.000,00")."""
    return _CENTS.search(text) is not None


def amount_places(line: Line, amount: Decimal) -> list[tuple[str, float]]:
    found = []
    words = line.words
    for start in range(len(words)):
        for end in range(start + 1, min(start + MAX_JOINED_WORDS, len(words)) + 1):
            text = "".join(w.text for w in words[start:end])
            if amount_value(text) == amount:
                found.append((text, min(w.confidence for w in words[start:end])))
                break
    return found


# An amount with two decimals (thousands grouped or not), a currency sign or code before it.
TWO_DECIMALS = re.compile(r"[^\d.,]{0,3}-?\d{1,3}(?:[.,'\u00a0 ]?\d{3})*([.,])\d{2}")
# A word that is an amount with two decimals, a sign or code before or after it (no date: "02.05.2024").
AMOUNT_WORD = re.compile(TWO_DECIMALS.pattern + r"[^\d.,]{0,3}")


def digits_sure(word: Word) -> float:
    """How surely the engine read the word's digits (its own confidence when it gave none apart)."""
    return word.confidence if word.digit_confidence is None else word.digit_confidence


def amount_value(text: str) -> Decimal | None:
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

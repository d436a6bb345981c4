"""How surely OCR read an amount: the confidence of the words that print it.

A total read from OCR words can be no surer than the engine was of its digits. The extractor
takes the lower of its own confidence and this one, so a total whose digits the engine doubted
falls under the verdict engine's low-confidence threshold and goes to review, never paid
silently. Text-layer documents are unaffected (1.0).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from reimburse.domain.document import Document, Line, TextSource

_SEPARATORS = re.compile(r"[.,'\u00a0 ]")
_NOT_AMOUNT = re.compile(r"[^0-9.,'\u00a0 -]")
MAX_JOINED_WORDS = 3  # OCR may split "1 250.00" or "44 . 60" into several words


def amount_confidence(document: Document, amount: Decimal | None) -> float:
    """The best confidence among the OCR'd places that print `amount`; 1.0 when there are none.

    The best, not the worst: a total printed twice (Total, then Paid) and read clearly once is
    read. None found means OCR gave no evidence either way (other flags judge that).
    """
    if amount is None:
        return 1.0
    best: float | None = None
    for page in document.layout:
        if page.source is not TextSource.OCR:
            continue
        for line in page.lines:
            for confidence in _places(line, abs(amount)):
                best = confidence if best is None else max(best, confidence)
    return 1.0 if best is None else best


def _places(line: Line, amount: Decimal) -> list[float]:
    found = []
    words = line.words
    for start in range(len(words)):
        for end in range(start + 1, min(start + MAX_JOINED_WORDS, len(words)) + 1):
            text = "".join(w.text for w in words[start:end])
            if _value(text) == amount:
                found.append(min(w.confidence for w in words[start:end]))
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

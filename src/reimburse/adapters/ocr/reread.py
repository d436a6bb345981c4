"""A second look at the words the review checks lean on: the page's amounts and dates.

The first reading of a word comes from its whole text line, at the engine's fixed 48 px height and
the page's own contrast. The same recognizer, shown the word alone under a different, fixed
preprocessing (its crop with a margin, grey levels stretched to full range, scaled up 2x), is a
second reading of the same pixels:

- it prints exactly the same characters, its least sure digit at SURE or more: the doubt is
  cleared (the word keeps the surer of the two confidences). The marks are not held to SURE: the
  engine doubts a faint comma in both readings alike, and two readings printing the same marks in
  the same places is the agreement asked for;
- it prints other digits at SURE or more: the word is disputed, however sure the first reading
  was, and carries DISPUTED_CONFIDENCE, under the date (0.6) and single-place total (0.8) checks,
  so a field that rests on it alone goes to review, its flag quoting both readings;
- anything else (read unsurely, no digits, only a decimal mark read or missed, or digits more or
  fewer at an end, where the crop's edge cut one off or took in a neighbour's): the first reading
  stands as it was.

Bounded: at most MAX_WORDS words a page (doubted ones first, then the largest amounts, where the
total is, then dates) and at most TIME_CAP_SECONDS of re-reading a page.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from typing import Any

import numpy as np
from PIL import Image, ImageOps

from reimburse.adapters.ocr.layout import OcrWord

DOUBTED = 0.9  # a first reading less sure than this is re-read before the sure key words
# A second reading whose least sure character reaches this is evidence, for or against: the
# single-place total check's own threshold (review.SINGLE_PLACE_MIN_CONFIDENCE).
SURE = 0.8
DISPUTED_CONFIDENCE = 0.3  # a second reading printed another value: under every review threshold
MAX_WORDS = 12
TIME_CAP_SECONDS = 2.0
MARGIN_HEIGHTS = (0.5, 0.15)  # horizontal, vertical margin around the word, in its line heights
SCALE = 2
KEY_AMOUNTS = 3  # the largest amounts of a page are re-read even when sure (the total is among them)

# A date: digit groups joined by two separators ("12.03.2024", "3/05/21"), or a day and a year
# around a month's letters ("8Apr2024").
_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}[A-Za-z]{3}\d{2,4}")
_AMOUNT = re.compile(r"\d{1,3}(?:[.,' ]?\d{3})*[.,]\d{2}")


def _digits(word: OcrWord) -> float:
    return word.digit_confidence if word.digit_confidence is not None else word.confidence


def chosen(words: Sequence[OcrWord]) -> list[int]:
    """Indices of the words to read again, most needed first: doubted amounts and dates, then the
    largest amounts and the dates read surely."""
    doubted, amounts, dates = [], [], []
    for i, word in enumerate(words):
        if sum(ch.isdigit() for ch in word.text) < 2:
            continue
        is_date = _DATE.search(word.text) is not None
        amount = _AMOUNT.search(word.text)
        if not (is_date or amount):
            continue
        if word.confidence < DOUBTED:
            doubted.append(i)
        elif is_date:
            dates.append(i)
        elif amount:
            amounts.append((_value(amount.group()), i))
    largest = [i for _, i in sorted(amounts, reverse=True)[:KEY_AMOUNTS]]
    return (doubted + largest + dates)[:MAX_WORDS]


def _value(text: str) -> float:
    digits = re.sub(r"\D", "", text)
    return int(digits) / 100 if digits else 0.0


def crop(page: Image.Image, word: OcrWord) -> Any:
    """The word's pixels with a margin, grey levels stretched, scaled up: as the recognizer takes
    them (BGR, uint8)."""
    height = max(1.0, word.bottom - word.top)
    dx, dy = MARGIN_HEIGHTS[0] * height, MARGIN_HEIGHTS[1] * height
    box = (
        max(0, int(word.x0 - dx)),
        max(0, int(word.top - dy)),
        min(page.width, int(word.x1 + dx) + 1),
        min(page.height, int(word.bottom + dy) + 1),
    )
    grey = ImageOps.autocontrast(page.crop(box).convert("L"), cutoff=1)
    grey = grey.resize((grey.width * SCALE, grey.height * SCALE), Image.Resampling.BICUBIC)
    return np.ascontiguousarray(np.stack([np.asarray(grey)] * 3, axis=-1))


def judged(word: OcrWord, text: str, chars: Sequence[float]) -> OcrWord:
    """`word` after a second reading `text` whose characters were read with confidences `chars`."""
    again = text.replace(" ", "")
    sure = min(chars, default=0.0)
    if again == word.text and (agreed := _digits_sure(text, again, chars)) >= SURE:
        # the same characters twice: the marks agree, so the digits' sureness is what is left to doubt
        digits = None if word.digit_confidence is None else max(word.digit_confidence, agreed)
        return word._replace(confidence=max(word.confidence, agreed), digit_confidence=digits)
    first, second = _digit_run(word.text), _digit_run(again)
    if sure >= SURE and second and second != first and not _cut(first, second):
        return word._replace(
            confidence=min(word.confidence, DISPUTED_CONFIDENCE),
            digit_confidence=min(_digits(word), DISPUTED_CONFIDENCE),
            second_reading=again,
        )
    return word


def _digits_sure(text: str, again: str, chars: Sequence[float]) -> float:
    """The least sure digit of a second reading (`text` as read, `again` without its spaces, as the
    character confidences may count them or not); 0.0 when they cannot be matched up."""
    shown = text if len(chars) == len(text) else again
    if len(chars) != len(shown):
        return 0.0
    return min((c for ch, c in zip(shown, chars, strict=True) if ch.isdigit()), default=0.0)


def _cut(first: str, second: str) -> bool:
    """Whether one reading is the other with digits more at an end: the crop's edges come from the
    engine's coarse character boxes, so it may cut a digit off or take in a neighbour's; that says
    nothing about the word's own digits."""
    short, long = sorted((first, second), key=len)
    return len(short) < len(long) and (long.startswith(short) or long.endswith(short))


def _digit_run(text: str) -> str:
    """The digits of a word in order: a faint decimal mark read or missed is no other value here
    (the lost-mark check sees that), other digits are."""
    return re.sub(r"\D", "", text)


def reread(ocr: Any, page: Image.Image, words: list[OcrWord]) -> list[OcrWord]:
    """`words` (boxes in `page`'s pixels) with the chosen ones read again and judged."""
    out = list(words)
    started = time.monotonic()
    for i in chosen(words):
        if time.monotonic() - started > TIME_CAP_SECONDS:
            break
        word = words[i]
        if word.x1 - word.x0 < 2 or word.bottom - word.top < 4:
            continue
        result, _elapsed = ocr.text_rec([crop(page, word)], True)
        text, _score, boxes = result[0]
        chars = [float(c) for c in boxes[4]] if text and len(boxes) > 4 else []
        out[i] = judged(word, str(text), chars)
    return out

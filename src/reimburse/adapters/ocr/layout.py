"""Rebuild lines from OCR words: the same Page shape and column text a PDF text layer gives.

OCR engines group words into blocks of their own, and on a receipt a label ("Total") and its
amount often land in different blocks. So lines are rebuilt here from geometry alone: words whose
vertical extents mostly overlap share a line, and a gap much wider than the line's height is a
column break, written as three spaces like the PDF text layout does.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from reimburse.adapters.ocr.confidence import REPAIRED_CONFIDENCE
from reimburse.adapters.ocr.date_repair import joined_date_runs, joined_month_runs, repair_words
from reimburse.adapters.pdf.text_layout import COLUMN_SEPARATOR, normalise
from reimburse.domain.verdict.document import Line, Page, TextSource, Word

LINE_OVERLAP = 0.5  # share of the smaller word's height two words must overlap to share a line
COLUMN_GAP_HEIGHTS = 1.5  # a gap wider than this many line heights separates columns
PARAGRAPH_GAP_HEIGHTS = 1.9  # a vertical gap wider than this (in line heights) gets a blank line
DATE_PIECE_GAP_HEIGHTS = 1.0  # pieces of one split date are closer than a column gap


class OcrWord(NamedTuple):
    """A word as an engine reports it, in pixels of the image it read."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float  # 0..1
    digit_confidence: float | None = None  # least sure char that may be a digit there (None: unknown)
    second_reading: str | None = None  # a second look printed other digits (`reread`)


def build_page(
    words: Iterable[OcrWord], number: int, width_px: float, height_px: float, scale: float
) -> Page:
    """A Page in points: `scale` converts the engine's pixels to points (72 / dpi)."""
    lines = []
    for group in cluster_lines(w for w in words if normalise(w.text).strip()):
        group = repaired_dates(group)
        placed = tuple(
            Word(
                text=" ".join(normalise(w.text).split()),
                x0=round(w.x0 * scale, 2),
                top=round(w.top * scale, 2),
                x1=round(w.x1 * scale, 2),
                bottom=round(w.bottom * scale, 2),
                confidence=round(min(max(w.confidence, 0.0), 1.0), 4),
                digit_confidence=None
                if w.digit_confidence is None
                else round(min(max(w.digit_confidence, 0.0), 1.0), 4),
                second_reading=w.second_reading,
            )
            for w in group
        )
        lines.append(Line(text=line_text(placed), words=placed))
    return Page(
        number=number,
        width=round(width_px * scale, 2),
        height=round(height_px * scale, 2),
        lines=tuple(lines),
        source=TextSource.OCR,
    )


def repaired_dates(line: list[OcrWord]) -> list[OcrWord]:
    """One line's words with the dates OCR split or misread put right (`date_repair`)."""
    texts = [" ".join(normalise(w.text).split()) for w in line]
    merged: list[OcrWord] = []
    done = 0
    runs = sorted([*joined_date_runs(texts), *joined_month_runs(texts)])
    for start, end in runs:
        if start < done:  # overlaps a run already joined
            continue
        pieces = line[start:end]
        height = statistics.median(w.bottom - w.top for w in pieces) or 1.0
        if any(b.x0 - a.x1 > DATE_PIECE_GAP_HEIGHTS * height for a, b in itertools.pairwise(pieces)):
            continue
        merged += line[done:start]
        merged.append(
            OcrWord(
                text="".join(texts[start:end]),
                x0=pieces[0].x0,
                top=min(w.top for w in pieces),
                x1=pieces[-1].x1,
                bottom=max(w.bottom for w in pieces),
                confidence=min(w.confidence for w in pieces),
            )
        )
        done = end
    merged += line[done:]
    # Normalised first: the model writes full-width punctuation ("15，2025"), which the repairs'
    # date shapes would not see.
    plain = [" ".join(normalise(w.text).split()) for w in merged]
    fixed = repair_words(plain)  # look-alikes in joined pieces are put right here
    return [
        w._replace(text=t, confidence=min(w.confidence, REPAIRED_CONFIDENCE), digit_confidence=None)
        if t != p
        else w
        for w, p, t in zip(merged, plain, fixed, strict=True)
    ]


def cluster_lines(words: Iterable[OcrWord]) -> list[list[OcrWord]]:
    """Words sharing a line, lines top to bottom, words left to right."""
    lines: list[list[OcrWord]] = []
    for word in sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.x0)):
        best: list[OcrWord] | None = None
        best_overlap = 0.0
        for line in lines[-4:]:  # a word can only join one of the lines just above it
            if any(_overlaps_horizontally(word, other) for other in line):
                continue
            overlap = _vertical_overlap(word, line)
            if overlap > best_overlap:
                best, best_overlap = line, overlap
        if best is not None and best_overlap >= LINE_OVERLAP:
            best.append(word)
        else:
            lines.append([word])
    for line in lines:
        line.sort(key=lambda w: w.x0)
    lines.sort(key=lambda ln: statistics.median((w.top + w.bottom) / 2 for w in ln))
    return lines


def line_text(words: Sequence[Word]) -> str:
    if not words:
        return ""
    height = statistics.median(w.bottom - w.top for w in words) or 1.0
    parts = [words[0].text]
    for previous, word in itertools.pairwise(words):
        gap = word.x0 - previous.x1
        parts.append(COLUMN_SEPARATOR if gap > COLUMN_GAP_HEIGHTS * height else " ")
        parts.append(word.text)
    return "".join(parts)


def page_text(page: Page) -> str:
    """Lines top to bottom; a blank line where the vertical gap is wide (as the PDF layout)."""
    out: list[str] = []
    previous: Line | None = None
    for line in page.lines:
        if previous is not None:
            height = max(_height(line), _height(previous), 1.0)
            if line.top - previous.bottom > PARAGRAPH_GAP_HEIGHTS * height:
                out.append("")
        out.append(line.text)
        previous = line
    return "\n".join(out)


def _height(line: Line) -> float:
    return statistics.median(w.bottom - w.top for w in line.words) if line.words else 0.0


def _vertical_overlap(word: OcrWord, line: Sequence[OcrWord]) -> float:
    top = statistics.median(w.top for w in line)
    bottom = statistics.median(w.bottom for w in line)
    shared = min(word.bottom, bottom) - max(word.top, top)
    smaller = min(word.bottom - word.top, bottom - top)
    return shared / smaller if smaller > 0 else 0.0


def _overlaps_horizontally(a: OcrWord, b: OcrWord) -> bool:
    """Two words covering the same columns are on different lines, however close vertically."""
    shared = min(a.x1, b.x1) - max(a.x0, b.x0)
    return shared > 0.5 * min(a.x1 - a.x0, b.x1 - b.x0)

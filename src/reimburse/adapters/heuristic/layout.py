"""Reading a document by its layout, the way a person does: the value to the right of a label
on the same row, or under it in the same column; the header block at the top of the first page;
the footer block at the bottom of a page.

Works on `Document.layout` (any source of words: the PDF text layer, OCR). The heuristic readers
find labels in text lines (`normalize(document.text).split("\\n")`); `Layout.placed(i)` gives the
layout line behind text line `i`, and `words_in(placed, start, end)` the words behind a character
span of it, so a label found by a regex can be looked at on the page. Without a layout (a document
from an older reader) every lookup answers None or empty, and callers keep their text rules.

    layout = Layout(document)
    lines = normalize(document.text).split("\\n")
    p = layout.placed(i)                     # Placed | None
    if p is not None:
        layout.right_of(p, hit.start, hit.end)   # ["1.234,56 EUR", ...]: cells right of the label
        layout.below(p, hit.start, hit.end)      # "RE-2024-001": the cell under the label, or None
    layout.header()                          # Placed lines in the top quarter of page 1
    layout.footer()                          # Placed lines in the bottom fifth of every page
"""

from __future__ import annotations

import functools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from reimburse.adapters.heuristic.text import normalize
from reimburse.domain.verdict.document import Document, Line, Page, Word

# A gap between words wider than this many word heights separates two cells (columns).
CELL_GAP_HEIGHTS = 0.9
# "Under a label": the next rows within this many label heights below it.
BELOW_REACH_HEIGHTS = 3.2


@dataclass(frozen=True)
class Placed:
    """One layout line with where it sits. `text` is the line as the heuristic readers see it
    (normalised); `spans[k]` is where word k lies in `text`."""

    page: Page
    line: Line
    text: str
    spans: tuple[tuple[int, int], ...]
    text_index: int | None  # its index in normalize(document.text).split("\n"), when known

    @property
    def words(self) -> tuple[Word, ...]:
        return self.line.words


class Layout:
    def __init__(self, source: Document | Sequence[Page]) -> None:
        pages = source.layout if isinstance(source, Document) else tuple(source)
        self.pages: tuple[Page, ...] = tuple(pages)
        self.lines: list[Placed] = []
        by_text: dict[int, Placed] = {}
        text_lines = normalize(source.text).split("\n") if isinstance(source, Document) else None
        filled = [i for i, t in enumerate(text_lines) if t.strip()] if text_lines is not None else []
        for page in self.pages:
            for line in page.lines:
                text = normalize(line.text).replace("\n", " ")
                self.lines.append(Placed(page, line, text, _spans(text, line.words), None))
        # The text's non-empty lines are the layout's lines in order (both come from one pass);
        # a source that wrote its text otherwise is matched line by line where the texts agree.
        if text_lines is not None:
            if len(filled) == len(self.lines):
                pairs = list(zip(filled, range(len(self.lines)), strict=True))
            else:
                pairs, k = [], 0
                for i in filled:
                    for j in range(k, min(k + 8, len(self.lines))):
                        if self.lines[j].text == text_lines[i].strip():
                            pairs.append((i, j))
                            k = j + 1
                            break
            for i, j in pairs:
                p = self.lines[j]
                placed = Placed(p.page, p.line, p.text, p.spans, i)
                self.lines[j] = placed
                by_text[i] = placed
        self._by_text = by_text

    def __bool__(self) -> bool:
        return bool(self.lines)

    def placed(self, text_index: int) -> Placed | None:
        """The layout line behind line `text_index` of normalize(document.text).split("\\n")."""
        return self._by_text.get(text_index)

    # -- beside and under a label ---------------------------------------------------------------

    def right_of(self, placed: Placed, start: int, end: int) -> list[str]:
        """The cells printed right of the span, on the same row of the page, left to right.

        A row is judged by the span's height, not by the rebuilt line, so a value set on a
        slightly different baseline (a bigger font, a table cell) still counts as beside its label.
        """
        label = words_in(placed, start, end)
        if not label:
            return []
        top, bottom = min(w.top for w in label), max(w.bottom for w in label)
        right = max(w.x1 for w in label)
        middle_band = (top - 0.25 * (bottom - top), bottom + 0.25 * (bottom - top))
        words = [
            w
            for line in placed.page.lines
            for w in line.words
            if w.x0 >= right - 0.5 and middle_band[0] <= (w.top + w.bottom) / 2 <= middle_band[1]
        ]
        return [cell_text(c) for c in cells(sorted(words, key=lambda w: w.x0))]

    def below(self, placed: Placed, start: int, end: int) -> str | None:
        """The cell under the span in the same column: the nearest row below (within a few line
        heights) with words overlapping the span's width; None when nothing is there."""
        label = words_in(placed, start, end)
        if not label:
            return None
        x0, x1 = min(w.x0 for w in label), max(w.x1 for w in label)
        bottom = max(w.bottom for w in label)
        height = max(statistics.median(w.bottom - w.top for w in label), 1.0)
        rows = [
            line
            for line in placed.page.lines
            if line is not placed.line
            and bottom - 0.2 * height <= line.top <= bottom + BELOW_REACH_HEIGHTS * height
        ]
        for line in sorted(rows, key=lambda line: line.top):
            for cell in cells(line.words):
                if cell[0].x0 <= x1 and cell[-1].x1 >= x0:
                    return cell_text(cell)
        return None

    def wrapped_right(self, placed: Placed, start: int, end: int) -> tuple[str, str] | None:
        """The first cell right of the span and the words the cell wraps onto the next row: a
        narrow table cell breaks its value ("17-10-" over "2025", "18 september" over "2025").
        The continuation starts at the cell's left edge on the row right below it."""
        label = words_in(placed, start, end)
        if not label:
            return None
        top, bottom = min(w.top for w in label), max(w.bottom for w in label)
        height = max(bottom - top, 1.0)
        band = (top - 0.25 * height, bottom + 0.25 * height)
        right = max(w.x1 for w in label)
        row = sorted(
            (
                w
                for line in placed.page.lines
                for w in line.words
                if w.x0 >= right - 0.5 and band[0] <= (w.top + w.bottom) / 2 <= band[1]
            ),
            key=lambda w: w.x0,
        )
        if not row:
            return None
        first = cells(row)[0]
        x0, x1 = first[0].x0, first[-1].x1
        cell_bottom = max(w.bottom for w in first)
        under = [
            w
            for line in placed.page.lines
            for w in line.words
            if cell_bottom - 0.2 * height <= w.top <= cell_bottom + 0.8 * height and w.x0 < x1 + height
        ]
        if not under:
            return None
        nxt = cells(sorted(under, key=lambda w: w.x0))
        cont = next((c for c in nxt if abs(c[0].x0 - x0) <= 0.6 * height), None)
        return (cell_text(first), cell_text(cont)) if cont else None

    def column_below(self, placed: Placed, start: int, end: int, rows: int = 3) -> list[str]:
        """The cells under the span in its column, nearest first, on the next `rows` rows within
        reach: a heading's value may sit under a logo's fragment or a second heading."""
        label = words_in(placed, start, end)
        if not label:
            return []
        x0, x1 = min(w.x0 for w in label), max(w.x1 for w in label)
        bottom = max(w.bottom for w in label)
        height = max(statistics.median(w.bottom - w.top for w in label), 1.0)
        under = sorted(
            (
                line
                for line in placed.page.lines
                if line is not placed.line
                and bottom - 0.2 * height <= line.top <= bottom + (rows + 0.5) * 1.6 * height
            ),
            key=lambda line: line.top,
        )
        found = [
            cell_text(cell)
            for line in under
            for cell in cells(line.words)
            if cell[0].x0 <= x1 and cell[-1].x1 >= x0
        ]
        return found[:rows]

    # -- blocks ---------------------------------------------------------------------------------

    def header(self, fraction: float = 0.25) -> list[Placed]:
        """Lines in the top `fraction` of the first page (the issuer's letterhead lives here)."""
        if not self.pages:
            return []
        first = self.pages[0]
        limit = fraction * first.height
        return [p for p in self.lines if p.page is first and (not first.height or p.line.bottom <= limit)]

    def footer(self, fraction: float = 0.2, page: int | None = None) -> list[Placed]:
        """Lines in the bottom `fraction` of every page (or of page number `page`): the issuer's
        registration, bank and tax details on many European invoices."""
        return [
            p
            for p in self.lines
            if (page is None or p.page.number == page)
            and p.page.height
            and p.line.top >= (1 - fraction) * p.page.height
        ]


def words_in(placed: Placed, start: int, end: int) -> list[Word]:
    """The words of a line that overlap the character span [start, end) of its text."""
    return [w for w, (s, e) in zip(placed.words, placed.spans, strict=True) if s < end and e > start]


def cells(words: Sequence[Word]) -> list[list[Word]]:
    """Words of one row (sorted left to right) grouped into cells at column-wide gaps."""
    out: list[list[Word]] = []
    for word in words:
        if out:
            last = out[-1][-1]
            height = max(last.bottom - last.top, word.bottom - word.top, 1.0)
            if word.x0 - last.x1 <= CELL_GAP_HEIGHTS * height:
                out[-1].append(word)
                continue
        out.append([word])
    return out


def cell_text(words: Sequence[Word]) -> str:
    return normalize(" ".join(w.text for w in words))


@functools.lru_cache(maxsize=4096)
def _normal_word(text: str) -> str:
    """normalize() of one word: words repeat across lines and pages ("Total", "1", "GST")."""
    return normalize(text)


def _spans(text: str, words: Sequence[Word]) -> tuple[tuple[int, int], ...]:
    """Where each word lies in the line's text, found left to right."""
    out: list[tuple[int, int]] = []
    pos = 0
    for word in words:
        token = _normal_word(word.text)
        at = text.find(token, pos) if token else -1
        if at < 0:  # normalisation joined or changed it: keep the order, guess the place
            at = min(pos, len(text))
            end = min(at + max(len(token), 1), len(text))
        else:
            end = at + len(token)
        out.append((at, end))
        pos = end
    return tuple(out)

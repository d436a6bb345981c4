"""Text lines with word boxes, built by hand, for tests of the layout-aware readers."""

from __future__ import annotations

from reimburse.domain.verdict.document import Line, Word


def line_of_cells(*cells: tuple[float, str], top: float, size: float = 10) -> Line:
    """A line from (x, text) cells; words of a cell are 0.5 em wide per letter, one space apart."""
    words: list[Word] = []
    parts: list[str] = []
    for x, text in cells:
        for token in text.split():
            width = 0.5 * size * len(token)
            words.append(Word(token, x, top, x + width, top + size))
            x += width + 0.3 * size
        parts.append(text)
    return Line("   ".join(parts), tuple(words))

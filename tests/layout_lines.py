"""Text lines with word boxes, built by hand, for tests of the layout-aware readers."""

from __future__ import annotations

import hashlib

from reimburse.domain.verdict.document import Document, Line, Page, Word


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


def placed_document(rows: list[list[tuple[float, float, str]]]) -> Document:
    """A one-page document from rows of (x, top, text) cells; each word 6 pt per letter wide."""
    lines = []
    for row in rows:
        words = []
        for x, top, text in row:
            for token in text.split():
                words.append(Word(token, x, top, x + 6 * len(token), top + 10))
                x += 6 * len(token) + 3
        lines.append(Line("   ".join(t for _, _, t in row), tuple(words)))
    text = "\n".join(line.text for line in lines)
    page = Page(1, 600, 800, tuple(lines))
    return Document("x.pdf", hashlib.sha256(text.encode()).hexdigest(), text, (text,), (page,))

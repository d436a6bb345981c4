"""DocumentReader on pdfplumber: PDF bytes -> normalised text, one string per page.

Lines are rebuilt from pdfplumber's characters rather than taken from `extract_text`, because
many generated invoices draw each glyph on its own with no space glyph between words. A fixed
`x_tolerance` then either glues words together ("TotalAmount") or splits letters ("P ickup").
Instead, each line measures its own letter spacing (the median gap between glyphs) and a word
break is any gap clearly wider than that. Wide gaps (a column break) become three spaces so
extractors can still tell a label column from its value.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import re
import statistics
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.pdfpage import PDFPage
from pdfplumber.page import Page
from pdfplumber.utils.exceptions import PdfminerException
from pdfplumber.utils.text import extract_text as plumber_extract_text

from reimburse.domain.document import Document
from reimburse.domain.errors import (
    CorruptDocument,
    DocumentError,
    EncryptedDocument,
    NoTextLayer,
    TooManyPages,
)

Char = dict[str, Any]

COLUMN_SEPARATOR = "   "
# Gaps are in units of the line's font size (em).
WORD_GAP_EM = 0.1  # above the line's own letter spacing: a word break
COLUMN_GAP_EM = 1.0  # above the line's own letter spacing: a column break
LINE_TOLERANCE_EM = 0.4  # glyph bottoms closer than this share a line (mixed font sizes, one baseline)
PARAGRAPH_GAP_EM = 1.9  # baseline distance above this: emit a blank line
MIN_TEXT_CHARS = 8  # fewer letters/digits than this in the whole file: treat as a scan
# Acrobat accepts %%EOF anywhere in the last 1024 bytes; a file without it was cut short.
EOF_WINDOW = 1024
HEADER_WINDOW = 1024

_CID = re.compile(r"\(cid:\d+\)")


class PdfplumberDocumentReader:
    """Picklable (plain attributes only): the application runs it in a process pool."""

    def __init__(self, max_pages: int = 50) -> None:
        self.max_pages = max_pages

    def read(self, data: bytes, filename: str) -> Document:
        _check_envelope(data, filename)
        try:
            with pdfplumber.open(io.BytesIO(data), raise_unicode_errors=False) as pdf:
                self._check_page_count(pdf.doc, filename)
                pages = tuple(page_text(page) for page in pdf.pages)
        except DocumentError:
            raise
        except PdfminerException as exc:
            raise _classify(exc.args[0] if exc.args else exc, filename) from exc
        except Exception as exc:  # pdfminer raises many unrelated types on broken files
            raise _classify(exc, filename) from exc
        if not pages:
            raise CorruptDocument(f"{filename} has no pages.")
        if sum(ch.isalnum() for ch in "".join(pages)) < MIN_TEXT_CHARS:
            raise NoTextLayer(
                f"{filename} has no extractable text; it looks like a scanned image. "
                "Upload the original PDF or a text-searchable (OCR) copy."
            )
        return Document(
            filename=filename,
            sha256=hashlib.sha256(data).hexdigest(),
            text="\n\n".join(pages),
            pages=pages,
        )

    def _check_page_count(self, doc: Any, filename: str) -> None:
        # Walk the page tree only as far as the limit, before any page content is parsed.
        seen = sum(1 for _ in itertools.islice(PDFPage.create_pages(doc), self.max_pages + 1))
        if seen > self.max_pages:
            raise TooManyPages(
                f"{filename} has more than {self.max_pages} pages; the limit is {self.max_pages}."
            )


def _check_envelope(data: bytes, filename: str) -> None:
    if not data:
        raise CorruptDocument(f"{filename} is empty.")
    if b"%PDF-" not in data[:HEADER_WINDOW]:
        raise CorruptDocument(f"{filename} is not a PDF file (no %PDF header).")
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        raise CorruptDocument(f"{filename} is truncated or damaged (the PDF end marker is missing).")


def _classify(exc: BaseException, filename: str) -> DocumentError:
    if isinstance(exc, PDFEncryptionError):
        return EncryptedDocument(
            f"{filename} is password protected. Remove the password and upload it again."
        )
    return CorruptDocument(f"{filename} is damaged and cannot be read as a PDF ({type(exc).__name__}).")


def page_text(page: Page) -> str:
    chars: list[Char] = page.dedupe_chars().chars
    upright = [c for c in chars if c.get("upright", True)]
    rotated = [c for c in chars if not c.get("upright", True)]
    lines: list[str] = []
    previous: tuple[float, float] | None = None  # (bottom, size) of the last emitted line
    for line in _cluster_lines(upright):
        text = line_text(line)
        if not text:
            continue
        bottom = float(line[0]["bottom"])
        size = _median_size(line)
        if previous is not None and bottom - previous[0] > PARAGRAPH_GAP_EM * max(size, previous[1]):
            lines.append("")
        lines.append(text)
        previous = (bottom, size)
    if rotated:
        # Vertical or diagonal text (stamps, side notes): pdfplumber's own ordering handles direction.
        extra = _normalise(plumber_extract_text(rotated))
        lines.extend(line for line in extra.splitlines() if line.strip())
    return "\n".join(lines).strip("\n")


def _cluster_lines(chars: Iterable[Char]) -> list[list[Char]]:
    lines: list[list[Char]] = []
    anchor = 0.0
    for char in sorted(chars, key=lambda c: (float(c["bottom"]), float(c["x0"]))):
        bottom = float(char["bottom"])
        tolerance = LINE_TOLERANCE_EM * max(float(char.get("size") or 1.0), 1.0)
        if lines and bottom - anchor <= tolerance:
            lines[-1].append(char)
        else:
            lines.append([char])
            anchor = bottom
    for line in lines:
        line.sort(key=lambda c: float(c["x0"]))
    return lines


def line_text(chars: Sequence[Char]) -> str:
    """Join one line's glyphs (sorted left to right) into words, using the line's own spacing."""
    size = _median_size(chars)
    visible: list[tuple[Char, bool]] = []  # (glyph, a space glyph came before it)
    pending_space = False
    for char in chars:
        text = char.get("text") or ""
        if not text or text.isspace():
            pending_space = True
            continue
        visible.append((char, pending_space and bool(visible)))
        pending_space = False
    if not visible:
        return ""
    gaps = [
        float(cur["x0"]) - float(prev["x1"])
        for (prev, _), (cur, spaced) in itertools.pairwise(visible)
        if not spaced
    ]
    # Most gaps in a line sit inside words, so their median is the letter spacing.
    base = max(statistics.median(gaps), 0.0) if len(gaps) >= 3 else 0.0
    word_gap = base + WORD_GAP_EM * size
    column_gap = base + COLUMN_GAP_EM * size
    words: list[tuple[str, str]] = []  # (separator before, word)
    current: list[str] = []
    separator = ""
    previous: Char | None = None
    for char, spaced in visible:
        if previous is not None:
            gap = float(char["x0"]) - float(previous["x1"])
            if gap > column_gap or spaced or gap > word_gap:
                words.append((separator, _normalise("".join(current))))
                current = []
                separator = COLUMN_SEPARATOR if gap > column_gap else " "
        current.append(char["text"])
        previous = char
    words.append((separator, _normalise("".join(current))))
    return _join_words(words)


def _join_words(words: Sequence[tuple[str, str]]) -> str:
    out: list[str] = []
    pending = ""
    for separator, word in words:
        # A word that normalised to nothing keeps the wider of the separators around it.
        pending = max(pending, separator, key=len)
        if not word.strip():
            continue
        if out:
            out.append(pending)
        out.append(word.strip())
        pending = ""
    return "".join(out)


def _median_size(chars: Sequence[Char]) -> float:
    sizes = [float(c.get("size") or 0.0) for c in chars]
    return max(statistics.median(sizes), 1.0) if sizes else 1.0


def _normalise(text: str) -> str:
    """NFKC, drop unmappable glyph codes and invisible characters, make every space a plain one."""
    text = unicodedata.normalize("NFKC", _CID.sub("", text))
    out = []
    for ch in text:
        if ch == "\n":
            out.append(ch)
        elif ch.isspace():
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs"):
            continue
        else:
            out.append(ch)
    return "".join(out)

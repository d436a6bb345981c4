"""Rebuild readable lines from positioned glyphs (pdfplumber chars).

Why not pdfplumber's `extract_text`: many generated receipts draw each glyph on its own, with
no space glyph between words. A fixed `x_tolerance` then either glues words ("TotalAmount") or
splits letters ("P ickup"), depending on the generator's spacing. Here each line measures its
own letter spacing (the median gap between its glyphs) and a word break is a gap clearly wider
than that. A very wide gap (a column break) becomes three spaces, so extractors can still tell
a label column from its value column.

Glyphs are placed in their own writing direction (from the text matrix), so a page rotated by
/Rotate, or a sideways stamp, still reads as lines instead of one word per line.

The same pass gives the page's layout (domain Page/Line/Word): every word with its box in page
coordinates (points, top-left origin), so extractors can read a value beside or under its label.
A sideways line keeps its own reading order; its words' boxes are still the glyphs' boxes on the page.
"""

from __future__ import annotations

import itertools
import math
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from reimburse.adapters.pdf.bidi import logical_line, logical_word
from reimburse.domain.verdict.document import Line, Page, Word

COLUMN_SEPARATOR = "   "
# Distances in units of the line's font size (em).
WORD_GAP_EM = 0.1  # wider than the line's own letter spacing by this much: a word break
COLUMN_GAP_EM = 1.0  # wider than the letter spacing by this much: a column break
LINE_TOLERANCE_EM = 0.4  # baselines closer than this are one line (mixed font sizes)
PARAGRAPH_GAP_EM = 1.9  # baselines further apart than this: a blank line between them
ROUNDING_EPSILON = 1e-6  # points: a gap exactly at a threshold, give or take float rounding, is below it
DUPLICATE_TOLERANCE = 1.0  # points: the same glyph drawn twice this close ("fake bold") is one glyph
# A scanner's OCR layer draws each line along the slope it measured on the skewed picture (-1.2..1.2
# degrees on set SC's Tesseract scans), some lines flat: on a scanned page, directions this close
# to the main one are the page's skew, read as one direction in the frame of their median angle.
SKEW_DEGREES = 3.0
FLAT_DEGREES = 0.01  # a line drawn exactly along the page: no slope measured for it

_CID = re.compile(r"\(cid:\d+\)")
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs"})


class Glyph(NamedTuple):
    """A glyph in its own writing frame: `u` runs along the text, `v` up across lines (points)."""

    text: str
    u: float
    v: float
    width: float
    size: float
    direction: int  # degrees, rounded
    # The glyph's box on the page: x0, top, x1, bottom in points from the top-left corner.
    box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    angle: float | None = None  # degrees, exact (None: `direction`)


def make_glyph(
    text: str,
    matrix: Sequence[float],
    advance: float,
    box_width: float,
    box_height: float,
    fallback_size: float,
    box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0),
) -> Glyph:
    """Place a glyph in the frame of its text direction.

    `matrix` is the text rendering matrix (a b c d e f; e, f = origin on the baseline), `advance`
    the glyph's advance in text space and the box its axis-aligned bounding box on the page.
    """
    a, b, _c, _d, e, f = matrix  # unpacked once per glyph, without a generator
    a, b, e, f = float(a), float(b), float(e), float(f)
    scale = math.hypot(a, b) or 1.0
    cos, sin = a / scale, b / scale
    advance = advance * scale or max(box_width, box_height)
    # The axis-aligned box holds the advance along the text and the font size across it.
    if abs(sin) < 0.5:
        size = (box_height - advance * abs(sin)) / abs(cos)
    else:
        size = (box_width - advance * abs(cos)) / abs(sin)
    if not size > 0.5:
        size = fallback_size or 1.0
    return Glyph(
        text=text,
        u=e * cos + f * sin,
        v=-e * sin + f * cos,
        width=advance,
        size=size,
        direction=round(math.degrees(math.atan2(b, a))) % 360,
        box=box,
        angle=math.degrees(math.atan2(b, a)),
    )


def page_text(glyphs: Iterable[Glyph]) -> str:
    """The page's text: lines top to bottom, the main writing direction first."""
    return page_layout(glyphs, 1, 0.0, 0.0)[0]


def page_layout(
    glyphs: Iterable[Glyph], number: int, width: float, height: float, *, scanned: bool = False
) -> tuple[str, Page]:
    """The page's text and its layout, from one pass over the glyphs (the text is `page_text`'s);
    `scanned`: a picture covers the page (a scan, or a born-digital page on a full-page background),
    so slightly different directions are its skew."""
    groups: dict[int, list[Glyph]] = {}
    for glyph in _deskewed(list(glyphs)) if scanned else glyphs:
        groups.setdefault(glyph.direction, []).append(glyph)
    texts: list[str] = []
    lines: list[Line] = []
    for group in sorted(groups.values(), key=len, reverse=True):
        text, block = _block(group, scanned=scanned)
        if text:
            texts.append(text)
            lines.extend(block)
    return "\n\n".join(texts), Page(number=number, width=width, height=height, lines=tuple(lines))


def _deskewed(glyphs: list[Glyph]) -> list[Glyph]:
    """The glyphs within SKEW_DEGREES of the main direction in one frame, along the median direction
    of those glyphs; unchanged when all are drawn flat or all lines share one direction."""
    counts = Counter(g.direction for g in glyphs)
    if len(counts) < 2:
        return glyphs
    main = counts.most_common(1)[0][0]
    near = [_turn(g.direction, main) <= SKEW_DEGREES for g in glyphs]
    # every glyph near the main direction votes, flat ones too: one sloped line on a flat page
    # (a turned slogan on a full-page background picture) must not turn the flat rows
    angles = [_exact(g) for g, n in zip(glyphs, near, strict=True) if n]
    if all(_turn(a, round(a / 90) * 90) <= FLAT_DEGREES for a in angles):
        return glyphs
    # the median of offsets from the main direction, not of raw angles: these wrap at +-180
    # (an upside-down scan skewed both ways would average to 0 and read mirrored)
    frame = main + statistics.median((a - main + 180) % 360 - 180 for a in angles)
    cos, sin = math.cos(math.radians(frame)), math.sin(math.radians(frame))
    out = []
    for glyph, n in zip(glyphs, near, strict=True):
        if not n:
            out.append(glyph)
            continue
        own = math.radians(_exact(glyph))
        x = glyph.u * math.cos(own) - glyph.v * math.sin(own)  # back to the page's origin
        y = glyph.u * math.sin(own) + glyph.v * math.cos(own)
        out.append(glyph._replace(u=x * cos + y * sin, v=-x * sin + y * cos, direction=round(frame) % 360))
    return out


def _exact(glyph: Glyph) -> float:
    return float(glyph.direction) if glyph.angle is None else glyph.angle


def _turn(a: float, b: float) -> float:
    """The smaller angle between two directions, in degrees."""
    d = abs(a - b) % 360
    return min(d, 360 - d)


def lines_text(glyphs: Iterable[Glyph]) -> str:
    return _block(glyphs)[0]


def _block(glyphs: Iterable[Glyph], *, scanned: bool = False) -> tuple[str, list[Line]]:
    out: list[str] = []
    lines: list[Line] = []
    previous: tuple[float, float] | None = None  # (baseline, size) of the last line written
    for cluster in cluster_lines(glyphs):
        line = _line(cluster, scanned=scanned)
        if line is None:
            continue
        size = _median_size(cluster)
        if previous is not None and previous[0] - cluster[0].v > PARAGRAPH_GAP_EM * max(size, previous[1]):
            out.append("")
        out.append(line.text)
        lines.append(line)
        previous = (cluster[0].v, size)
    return "\n".join(out), lines


def cluster_lines(glyphs: Iterable[Glyph]) -> list[list[Glyph]]:
    """Group glyphs sharing a baseline; lines top to bottom, glyphs left to right."""
    lines: list[list[Glyph]] = []
    anchor = 0.0
    for glyph in sorted(glyphs, key=lambda g: (-g.v, g.u)):
        if lines and anchor - glyph.v <= LINE_TOLERANCE_EM * max(glyph.size, 1.0):
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
            anchor = glyph.v
    for line in lines:
        line.sort(key=lambda g: g.u)
    return lines


def line_text(glyphs: Sequence[Glyph]) -> str:
    """Join one line's glyphs (sorted along the text) into words, using the line's own spacing."""
    line = _line(glyphs)
    return line.text if line is not None else ""


def _line(glyphs: Sequence[Glyph], *, scanned: bool = False) -> Line | None:
    """One line's text and words (with boxes); None when nothing visible is on it. `scanned`: a
    scanner's OCR layer, which draws one space after each word and places the next word where the
    picture shows it, so the gap beyond that space is what tells a column break."""
    visible: list[tuple[Glyph, bool]] = []  # (glyph, a space glyph came before it)
    drawn: dict[int, float] = {}  # index in visible -> width of the one space glyph drawn before it
    pending_space = 0
    space_width = 0.0
    for glyph in glyphs:
        if not glyph.text or glyph.text.isspace():
            pending_space += 1
            space_width = glyph.width
            continue
        if visible and _same_glyph(visible[-1][0], glyph):
            continue
        if scanned and pending_space == 1 and visible:
            drawn[len(visible)] = space_width
        visible.append((glyph, bool(pending_space) and bool(visible)))
        pending_space = 0
    if not visible:
        return None
    gaps = [
        cur.u - (prev.u + prev.width)
        for (prev, _), (cur, spaced) in itertools.pairwise(visible)
        if not spaced
    ]
    # Most gaps in a line sit inside words, so their median is the letter spacing.
    base = max(statistics.median(gaps), 0.0) if len(gaps) >= 3 else 0.0
    words: list[tuple[str, list[Glyph]]] = []  # (separator before, the word's glyphs)
    current: list[Glyph] = []
    separator = ""
    previous: Glyph | None = None
    for k, (glyph, spaced) in enumerate(visible):
        if previous is not None:
            gap = glyph.u - (previous.u + previous.width) - drawn.get(k, 0.0)
            size = max(previous.size, glyph.size)  # a small label beside a large value: judge by the value
            if gap > base + COLUMN_GAP_EM * size:
                words.append((separator, current))
                current, separator = [], COLUMN_SEPARATOR
            elif spaced or gap > base + WORD_GAP_EM * size + ROUNDING_EPSILON:
                words.append((separator, current))
                current, separator = [], " "
        current.append(glyph)
        previous = glyph
    words.append((separator, current))
    return _join_words(words)


def normalise(text: str) -> str:
    """NFKC; unmappable glyph codes and invisible characters dropped; every space a plain one."""
    text = unicodedata.normalize("NFKC", _CID.sub("", text))
    out: list[str] = []
    for ch in text:
        if ch == "\n":
            out.append(ch)
        elif ch.isspace():
            out.append(" ")
        elif unicodedata.category(ch) not in _DROPPED_CATEGORIES:
            out.append(ch)
    return "".join(out)


def _join_words(words: Sequence[tuple[str, Sequence[Glyph]]]) -> Line | None:
    texts: list[str] = []
    separators: list[str] = []
    placed: list[Word] = []
    pending = ""
    for separator, glyphs in words:
        # A word that normalised to nothing keeps the wider of the separators around it.
        pending = max(pending, separator, key=len)
        # a right-to-left word's letters read back; words keep their place on the page
        cleaned = " ".join(normalise(logical_word("".join(g.text for g in glyphs))).split())
        if not cleaned:
            continue
        separators.append(pending if texts else "")
        texts.append(cleaned)
        placed.append(_word(cleaned, glyphs))
        pending = ""
    return Line(text=logical_line(texts, separators), words=tuple(placed)) if texts else None


def _word(text: str, glyphs: Sequence[Glyph]) -> Word:
    x0s, tops, x1s, bottoms = zip(*(g.box for g in glyphs), strict=True)
    return Word(text, min(x0s), min(tops), max(x1s), max(bottoms))


def _same_glyph(a: Glyph, b: Glyph) -> bool:
    return a.text == b.text and abs(a.u - b.u) < DUPLICATE_TOLERANCE and abs(a.v - b.v) < DUPLICATE_TOLERANCE


def _median_size(glyphs: Sequence[Glyph]) -> float:
    return max(statistics.median(g.size for g in glyphs), 1.0) if glyphs else 1.0

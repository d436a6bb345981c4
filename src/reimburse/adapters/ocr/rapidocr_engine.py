"""RapidOCR (PaddleOCR's PP-OCRv4 models on ONNX Runtime): an image -> words with boxes.

The models ship inside the rapidocr-onnxruntime wheel; nothing is fetched at run time. The
engine is built once per process (loading the models takes a few hundred ms) and runs on one
thread: the process pool already gives each core a document of its own.

Speed settings (measured on the development images, docs/ocr.md "Speed"): detection still raises
small print to 736 px on the shorter side, as the library does, but never looks at more than
DETECTION_MAX_SIDE on the longer side (the library detected a tall receipt photo at up to
2000 px), and on a large page whose print is big it is lowered further, from the text height a
coarse pass measured; and the text-line angle classifier is off: pages are upright after EXIF,
and it changed no reading of the development images.

The recognition model reads a whole text line and often drops the spaces inside it
("DocumentNo:TD01167104"), but it reports a box for every character. Words are rebuilt from those
boxes: a gap clearly wider than the line's letter spacing is a word break. Those boxes are only
CTC column positions (a column is about a sixth of the line height), too coarse for a tight print
("WARAKUYAPERMASCITY"), so the line's own pixels are read too: a blank run of columns clearly wider
than the line's usual blank between letters is a word break as well, inside a long run of
capitals only (a name run together; elsewhere the character boxes are enough).
"""

from __future__ import annotations

import itertools
import math
import re
import signal
import statistics
import threading
import time
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np
from PIL import Image

from reimburse.adapters.ocr.confidence import REPAIRED_CONFIDENCE
from reimburse.adapters.ocr.layout import OcrWord
from reimburse.adapters.ocr.left_out import widened
from reimburse.adapters.ocr.paper import MIN_CONTRAST, flattened
from reimburse.adapters.ocr.reread import reread

WORD_GAP_HEIGHTS = 0.3  # a gap between characters wider than this share of the line height: new word
# Inside a number the character boxes are rougher (narrow digits, a decimal point of one step),
# and "1 2.5 0" would lose the amount: there the gap must be a clear space.
NUMBER_GAP_HEIGHTS = 0.4
_NUMERIC = frozenset("0123456789.,")
# "25/12/20188:13:39PM", "09/02/1711:12": a date (4- or 2-digit year) glued to the time after it
# A blank run in the line's ink at least this share of its height, and INK_GAP_RATIO times its
# median blank run between letters, is a space the recognition model left out.
INK_GAP_HEIGHTS = 0.2
INK_GAP_RATIO = 2.5
INK_MIN_CONTRAST = 40  # grey levels between paper and ink below which the pixels are not trusted
INK_MAX_TILT = 1.5  # a line whose upright box is taller than this many line heights: not read by columns
# The character boxes are CTC columns, so a round capital and the letter after it ("D ate:", "K asse")
# can stand a column apart, as far as a real space does. A space leaves a blank in the ink of about
# a quarter of the line height or more: on drawn lines of DejaVu Sans (Mono, Condensed) and
# Liberation Sans/Mono at 24-30 px, spaces left 0.27-0.77 line heights blank and gaps inside
# proportional words 95% under 0.23; blur narrows a space to ~0.21. So a box gap with less blank
# than INK_GAP_HEIGHTS (the same room the ink breaks ask for) is no word break.
INK_MIN_CAPITALS = 8  # ink breaks cut only a run of at least this many capitals (see `_ink_parts`)
_DATE_THEN_TIME = re.compile(r"(\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2}))(\d{1,2}:\d{2}(?::\d{2})?\D*)$")

DETECTION_MIN_SIDE = 736  # the library's own: small print is raised to this on the shorter side
DETECTION_MAX_SIDE = 1600
ANGLE_CLASSIFIER = False
# One line per model run: a batch pads every line to its widest (and at least 320 px), and on one
# thread that padding cost 25-35% of recognition on receipts with no gain (docs/ocr.md "Speed").
RECOGNITION_BATCH = 1
# Text region first: on a large page a cheap detection at REGION_PASS_SIDE finds where the text is,
# and full detection runs only on that region (at the whole page's scale). A phone photo is
# mostly table; a scan is mostly paper, so a region above REGION_MAX_SHARE of the page is not cut.
REGION_MIN_PIXELS = 1_200_000  # detection pixels below which the pass costs more than it saves
REGION_PASS_SIDE = 480
REGION_MAX_SHARE = 0.8
# Detection scale from the text's size: big print (a receipt photographed close) is detected as
# well at a third of the pixels, so the detection scale is lowered until the lower quartile of the
# text boxes the coarse pass found is this many pixels high. Calibrated with REGION_PASS_SIDE: a
# coarse box is the letters plus a few coarse pixels, so it overstates small print; the development
# images read the same fields with it (docs/ocr.md "Speed, third pass").
DETECTION_BOX_HEIGHT = 28.0
REGION_MARGIN = 0.03  # of the page's longer side, around the text found, for text the pass missed

# Deskew: a photo taken at a slant tilts every line, and lines are rebuilt from vertical overlap,
# so at 8 degrees a receipt's TOTAL and its amount 300 px to the right no longer share a line.
# The words' boxes (not the image) are turned back by the median tilt of the long lines: no second
# OCR pass. Pages tilted less than MIN_SKEW_DEGREES are left exactly as read.
MIN_SKEW_DEGREES = 1.0
SKEW_LINE_RATIO = 4.0  # a line at least this many times wider than high shows the tilt well
MIN_SKEW_LINES = 3

# Orientation: the line-angle classifier looks at the widest lines only; a page is read again
# turned round when most of them are upside down with this sureness.
ORIENTATION_LINES = 8
ORIENTATION_MIN_SCORE = 0.9

# Cut text: a thumb, a cup or the frame's edge over the end of a line hides characters the engine
# never sees, so "27/11/2023" is read surely as "7/11/2023". A line whose end abuts something far
# darker than its own paper (`paper.MIN_CONTRAST` grey levels, as it asks of the paper's outline)
# within CUT_STRIP line heights, or the frame's edge, has its end word lowered to
# `confidence.REPAIRED_CONFIDENCE`, as a repaired word (and its numbers, when that word is one,
# `_cut_line`): under the date (0.6) and single-place total (0.8) checks, so the field goes to review.
# From, to: line heights outside the line's box; the paper margins of flattened keystone photos
# measured 0.47 and more, covered text 0.0-0.27.
CUT_STRIP = (0.05, 0.3)
CUT_PAPER = 2.0  # line heights inside the line's end where its paper is measured
EDGE_TOUCH = (2.0, 0.05)  # pixels, line heights: a box this near the frame's edge runs out of it

_engines: dict[int, Any] = {}
_call = threading.local()  # the detection scale of the page being read, when a region of it is


class OcrTimeout(BaseException):
    """Not an Exception: the engine wraps its steps in `except Exception`, which must not swallow it."""


def engine(threads: int = 1) -> Any:
    """The process's RapidOCR instance (built on first use)."""
    if threads not in _engines:
        from rapidocr_onnxruntime import RapidOCR

        ocr = RapidOCR(intra_op_num_threads=threads, inter_op_num_threads=1, rec_batch_num=RECOGNITION_BATCH)
        _bound_detection(ocr, DETECTION_MIN_SIDE, DETECTION_MAX_SIDE)
        _engines[threads] = ocr
    return _engines[threads]


def _bound_detection(ocr: Any, min_side: int, max_side: int) -> None:
    """Detect on the page scaled so its shorter side reaches `min_side`, its longer one at most
    `max_side` (the longer side wins). Boxes come back in the page's own pixels.

    rapidocr 1.4 picks the detection size per call from fixed steps; the size is set here on the
    detector it built.
    """
    from rapidocr_onnxruntime.ch_ppocr_det.utils import DetPreProcess

    class Bounded(DetPreProcess):  # type: ignore[misc]
        def resize(self, img: Any) -> Any:
            import cv2

            height, width = img.shape[:2]
            ratio = getattr(_call, "ratio", None) or detection_ratio(height, width, min_side, max_side)
            size = (max(32, round(width * ratio / 32) * 32), max(32, round(height * ratio / 32) * 32))
            return cv2.resize(img, size)

    detector = ocr.text_det
    detector.get_preprocess = lambda _longest: Bounded(min_side, "min", detector.mean, detector.std)


def detection_ratio(height: int, width: int, min_side: int, max_side: int) -> float:
    """The scale detection sees a page at: the shorter side raised to `min_side`, the longer one
    at most `max_side` (the longer side wins)."""
    return min(max(1.0, min_side / min(height, width)), max_side / max(height, width))


def recognise(image: Image.Image, threads: int = 1) -> list[OcrWord]:
    """Words in the pixels of `image` (RGB), each with its recognition confidence (0..1).

    A photographed receipt is first cut out of its frame and warped flat (`paper`); a page read
    upside down (a photo with no EXIF orientation) is read again turned round, and that reading is
    kept when the engine is surer of it. Boxes are in the pixels of the page as read."""
    flat = flattened(image)
    outline, image = flat is not image, flat
    words, upside_down = _read(image, threads, check_orientation=True, outline=outline)
    if upside_down:
        turned = _read(image.rotate(180), threads, check_orientation=False, outline=outline)[0]
        if _sureness(turned) > _sureness(words):
            return turned
    return words


def _sureness(words: Sequence[OcrWord]) -> float:
    """Characters read, weighted by confidence: a page read the wrong way up yields few, unsure ones."""
    return sum(len(w.text) * w.confidence for w in words)


def _read(
    image: Image.Image, threads: int, check_orientation: bool, outline: bool = False
) -> tuple[list[OcrWord], bool]:
    ocr = engine(threads)
    ratio = detection_ratio(image.height, image.width, DETECTION_MIN_SIDE, DETECTION_MAX_SIDE)
    # One grey copy of the image: the coarse pass looks for print in it and the lines' ink is
    # measured in its region (converting pixel by pixel, a crop's grey is the grey's crop).
    image_grey = np.asarray(image.convert("L"))
    region, box_height = coarse_pass(ocr, image, ratio, image_grey)
    ratio = scaled_to_text(ratio, box_height)
    left, top = (region[0], region[1]) if region else (0, 0)
    _call.ratio = ratio  # the region is detected at the page's scale, as the whole page would be
    try:
        page = image.crop(region) if region else image
        result, _elapsed = ocr(page, use_cls=ANGLE_CLASSIFIER, return_word_box=True)
    finally:
        _call.ratio = None
    items = list(result or ())
    upside_down = check_orientation and looks_upside_down(ocr, page, items)
    grey = image_grey[region[1] : region[3], region[0] : region[2]] if region else image_grey
    columns = [_ink_columns(grey, item) for item in items]  # once per line: both readings use them
    breaks = [ink_breaks(*c) if c else frozenset[int]() for c in columns]
    blanks = [ink_blanks(*c) if c else None for c in columns]
    # the page's sides that are the frame's own edges (a region cut out of it has margins of table)
    edges = (True, True) if region is None else (region[0] <= 0, region[2] >= image.width)
    cuts = [cut_ends(grey, item, edges, outline) for item in items]
    angle = skew_angle(items)
    if abs(angle) >= math.radians(MIN_SKEW_DEGREES):
        centre = (page.width / 2, page.height / 2)
        items = [_turned(item, -angle, centre) for item in items]
    lines = [
        list(_split_line(item, line_breaks, line_blanks))
        for item, line_breaks, line_blanks in zip(items, breaks, blanks, strict=True)
    ]
    # a second look at the amounts and dates (`reread`); the boxes are in the deskewed frame, so
    # the page is turned the same way first. Before the cut ends are doubted: what a thumb hides,
    # a second look does not see either, so that doubt must stay.
    seen = page if abs(angle) < math.radians(MIN_SKEW_DEGREES) else _turned_page(page, angle)
    again = iter(reread(ocr, seen, [w for line in lines for w in line]))
    lines = [[next(again) for _ in line] for line in lines]
    words: list[OcrWord] = []
    for line, (cut_left, cut_right) in zip(lines, cuts, strict=True):
        if line and (cut_left or cut_right):
            line = _cut_line(line, cut_left, cut_right)
        words.extend(line)
    if left or top:
        words = [
            w._replace(x0=w.x0 + left, x1=w.x1 + left, top=w.top + top, bottom=w.bottom + top) for w in words
        ]
    return words, upside_down


def cut_ends(
    grey: Any, item: Sequence[Any], edges: tuple[bool, bool], outline: bool = False
) -> tuple[bool, bool]:
    """Whether the line of a result item is cut at its left and right end: just outside its box the
    image is far darker than the paper inside it (a thumb, the table the receipt ends on), or the
    page ends there and that side (`edges`: left, right) is the frame's own edge. A page warped
    flat (`outline`) ends at the paper's outline, so there the same reach applies; a frame ends
    anywhere, and scans are cropped tight (text 0.1 line heights from the edge, whole), so there
    only a box touching the edge (EDGE_TOUCH) is cut: text that runs out of the picture."""
    quad = item[0]
    left, _top, right, _bottom = _extent(quad)
    height = _box_height(quad)
    if height < 4:
        return False, False
    width = grey.shape[1]

    def cut(end: float, side: int, edge: bool) -> bool:
        """Whether the line is cut at `end`, its left (side -1) or right (+1) end."""
        # that end's own rows: on a tilted page the whole box's rows take in the next line's
        top, bottom = sorted(float(quad[i][1]) for i in ((0, 3) if side < 0 else (1, 2)))
        rows = slice(max(0, int(top + 0.2 * height)), max(0, int(bottom - 0.2 * height)) + 1)
        x0, x1 = sorted((end + side * CUT_STRIP[0] * height, end + side * CUT_STRIP[1] * height))
        strip_columns = slice(max(0, int(x0)), max(0, min(width, int(x1) + 1)))
        strip = grey[rows, strip_columns]
        # the paper just inside that end of the line, within the box ("$5" is shorter than the
        # reach): a shadow's slow gradient along a long line darkens both alike, a cover's edge
        # only the outside
        lo, hi = sorted((end, end - side * CUT_PAPER * height))
        inside = grey[rows, max(0, int(max(lo, left))) : max(0, int(min(hi, right))) + 1]
        if strip.size == 0 or inside.size == 0:
            dark = False
        else:
            paper = float(np.median(inside))
            dark = paper - float(np.median(strip)) >= MIN_CONTRAST and covered_around(
                strip_columns, top, bottom, paper
            )
        if dark or (x0 >= 0 and x1 <= width):
            return dark
        gap = end if side < 0 else width - end
        return edge and (outline or gap <= max(EDGE_TOUCH[0], EDGE_TOUCH[1] * height))

    def covered_around(columns: slice, top: float, bottom: float, paper: float) -> bool:
        """Whether the strip's columns are as dark a line height above or below the line too: a
        thumb, a cup, a table or a frame's edge reaches past one line, a printed block beside
        it (a "TOTAL" bar, a logo, a shaded cell, a box rule) mostly does not. Beyond the
        page's top and bottom nothing can be seen, so that side does not refuse."""
        seen = False
        for a, b in ((top - height, top), (bottom, bottom + height)):
            rows = slice(max(0, int(a + 0.2 * height)), max(0, int(b - 0.2 * height)) + 1)
            around = grey[rows, columns]
            if around.size:
                seen = True
                if paper - float(np.median(around)) >= MIN_CONTRAST:
                    return True
        return not seen

    return cut(left, -1, edges[0]), cut(right, 1, edges[1])


def _cut_line(line: list[OcrWord], cut_left: bool, cut_right: bool) -> list[OcrWord]:
    """A line's words with the cut end word doubted; when that word is a number, the line's other
    numbers too: they were read with it, and "Table 7 Mar 15, 202" (its year cut) reads as the
    date "7 Mar 15". A cut word of letters ("able" for "Table") leaves the numbers as read, and so
    does a word cut on the right that already ends as amounts and dates end ("$50.09", "3.02.2021"):
    what a cover hides after it changes no value (on the left, digits may be lost: "$150.09")."""
    last = len(line) - 1
    end = line[last].text
    whole = cut_right and bool(_COMPLETE_END.search(end)) and not _SHORT_YEAR.search(end)
    ends = {i for i, cut in ((0, cut_left), (last, cut_right and not whole)) if cut}
    numbers = any(_has_digit(line[i].text) for i in ends)
    return [_doubted(w) if i in ends or (numbers and _has_digit(w.text)) else w for i, w in enumerate(line)]


# an amount's two decimals, or a date's four-digit year, at the end of a word
_COMPLETE_END = re.compile(r"\d[.,]\d{2}$|\d[./-]\d{4}$")
# ... but a dotted date's two-digit year also ends in two digits after a point: "01.07.20" may be
# "01.07.2021" with its end covered
_SHORT_YEAR = re.compile(r"(?<![\d.])\d{1,2}([./-])\d{1,2}\1\d{2}$")


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


def _doubted(word: OcrWord) -> OcrWord:
    """A word that may have lost characters under a cover: no surer than a repaired one."""
    digits = word.digit_confidence
    return word._replace(
        confidence=min(word.confidence, REPAIRED_CONFIDENCE),
        digit_confidence=None if digits is None else min(digits, REPAIRED_CONFIDENCE),
    )


def looks_upside_down(ocr: Any, page: Image.Image, items: Sequence[Sequence[Any]]) -> bool:
    """Whether most of the page's widest text lines are upside down, by the engine's line-angle
    classifier (off for reading, ANGLE_CLASSIFIER) on at most ORIENTATION_LINES of them: a few
    hundredths of a second, where reading a turned page gives garbage at full cost."""
    # Few lines may be left: the engine drops lines it read below its own score, which a page
    # upside down mostly is, so even one line is looked at (a wrong guess costs a second reading,
    # never a field: the surer reading is kept).
    wide = sorted(
        (item for item in items if _box_width(item[0]) >= 1.5 * _box_height(item[0])),
        key=lambda item: -_box_width(item[0]),
    )[:ORIENTATION_LINES]
    if not wide:
        return False
    crops = ocr.get_crop_img_list(ocr.load_img(page), [np.array(item[0], dtype=np.float32) for item in wide])
    _crops, labels, _elapsed = ocr.text_cls(crops)
    turned = sum(1 for label, score in labels if label == "180" and score >= ORIENTATION_MIN_SCORE)
    return turned > len(wide) / 2


def _box_width(quad: Sequence[Sequence[float]]) -> float:
    return math.hypot(float(quad[1][0]) - float(quad[0][0]), float(quad[1][1]) - float(quad[0][1]))


def _box_height(quad: Sequence[Sequence[float]]) -> float:
    return math.hypot(float(quad[3][0]) - float(quad[0][0]), float(quad[3][1]) - float(quad[0][1]))


def _extent(quad: Sequence[Sequence[float]]) -> tuple[float, float, float, float]:
    """A box's axis-aligned extent: left, top, right, bottom."""
    xs, ys = [float(p[0]) for p in quad[:4]], [float(p[1]) for p in quad[:4]]
    return min(xs), min(ys), max(xs), max(ys)


def scaled_to_text(ratio: float, box_height: float | None) -> float:
    """The detection scale: `ratio`, lowered so that the page's smaller text boxes (`box_height`
    page pixels, from the coarse pass) come out DETECTION_BOX_HEIGHT high; never raised."""
    if box_height is None or box_height * ratio <= DETECTION_BOX_HEIGHT:
        return ratio
    return DETECTION_BOX_HEIGHT / box_height


def skew_angle(items: Sequence[Sequence[Any]]) -> float:
    """The page's tilt in radians (clockwise positive, y pointing down): the median slope of the
    top edge of its long text lines; 0 when fewer than MIN_SKEW_LINES lines are long enough."""
    slopes = []
    for item in items:
        (x0, y0), (x1, y1), _, (x3, y3) = (tuple(map(float, p)) for p in item[0][:4])
        width, height = math.hypot(x1 - x0, y1 - y0), math.hypot(x3 - x0, y3 - y0)
        if width >= SKEW_LINE_RATIO * height:
            slopes.append(math.atan2(y1 - y0, x1 - x0))
    return statistics.median(slopes) if len(slopes) >= MIN_SKEW_LINES else 0.0


def _turned_page(page: Image.Image, angle: float) -> Image.Image:
    """`page` turned about its centre as `_turned` turns the boxes (by -`angle`)."""
    fill = 255 if page.mode == "L" else (255, 255, 255)
    return page.rotate(math.degrees(angle), resample=Image.Resampling.BICUBIC, fillcolor=fill)


def _turned(item: Sequence[Any], angle: float, centre: tuple[float, float]) -> list[Any]:
    """A result item with its line box and character boxes turned by `angle` about `centre`."""
    cos, sin = math.cos(angle), math.sin(angle)
    cx, cy = centre

    def turn(quad: Sequence[Sequence[float]]) -> list[list[float]]:
        return [
            [cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos]
            for x, y in ((float(p[0]), float(p[1])) for p in quad)
        ]

    out = list(item)
    out[0] = turn(item[0])
    if len(item) >= 6 and item[3]:
        out[3] = [turn(quad) for quad in item[3]]
    return out


def text_region(ocr: Any, image: Image.Image, ratio: float) -> tuple[int, int, int, int] | None:
    """(left, top, right, bottom) around all text a coarse detection finds; None for the whole page
    (a small page, text nearly everywhere, or none found: then the coarse pass is not trusted)."""
    return coarse_pass(ocr, image, ratio, np.asarray(image.convert("L")))[0]


def coarse_pass(
    ocr: Any, image: Image.Image, ratio: float, grey: Any
) -> tuple[tuple[int, int, int, int] | None, float | None]:
    """The text region (as `text_region`) and the height, in page pixels, of the lower quartile of
    the text boxes the coarse pass found (None when the pass did not run or found nothing). `grey`
    is `image` in grey levels (the caller's copy, so the page is converted once)."""
    width, height = image.size
    if width * height * ratio * ratio < REGION_MIN_PIXELS:
        return None, None
    _call.ratio = REGION_PASS_SIDE / max(width, height)
    try:
        boxes, _elapsed = ocr.text_det(ocr.load_img(image))
    finally:
        _call.ratio = None
    if boxes is None or len(boxes) == 0:
        return None, None
    xs = [float(p[0]) for box in boxes for p in box]
    ys = [float(p[1]) for box in boxes for p in box]
    heights = sorted(
        math.hypot(float(b[3][0]) - float(b[0][0]), float(b[3][1]) - float(b[0][1])) for b in boxes
    )
    low = heights[len(heights) // 4]
    margin = REGION_MARGIN * max(width, height)
    left, top = max(0, int(min(xs) - margin)), max(0, int(min(ys) - margin))
    right, bottom = min(width, int(max(xs) + margin) + 1), min(height, int(max(ys) + margin) + 1)
    # Small print the coarse pass found no box for (an amount column at its lines' far end) is kept.
    # The detection scale stays the one the coarse boxes chose: on set SA's pages detecting them at
    # the page's full scale instead read fewer of the page's words (sa03 71 of 124 against 79).
    left, top, right, bottom = widened(grey, (left, top, right, bottom), margin)
    if (right - left) * (bottom - top) > REGION_MAX_SHARE * width * height:
        return None, low
    return (left, top, right, bottom), low


def _ink_columns(
    grey: Any, item: Sequence[Any]
) -> tuple[list[bool], int, list[tuple[str, float, float]], float] | None:
    """A result item's line as inked pixel columns (the first at x = left), its characters (text,
    x0, x1) and its height; None where the pixels are not trusted (faint, tilted, no boxes)."""
    if grey is None or len(item) < 6 or not item[3] or len(item[3]) != len(item[4]):
        return None
    x0, y0, x1, y1 = _extent(item[0])
    left, right = max(0, int(x0)), int(x1) + 1
    top, bottom = max(0, int(y0)), int(y1) + 1
    height = _box_height(item[0])
    if height < 4 or bottom - top > INK_MAX_TILT * height:
        return None
    # not the outer rows: the neighbouring lines' descenders and ascenders stay out
    band = grey[top + (bottom - top) // 10 : bottom - (bottom - top) // 10, left:right]
    if band.size == 0:
        return None
    paper, ink = np.percentile(band, 90), np.percentile(band, 10)
    if paper - ink < INK_MIN_CONTRAST:
        return None
    inked = (band < (paper + ink) / 2).any(axis=0)
    chars = [
        (str(ch), min(float(p[0]) for p in cbox), max(float(p[0]) for p in cbox))
        for cbox, ch in zip(item[3], item[4], strict=False)
    ]
    return [bool(v) for v in inked], left, chars, height


def ink_breaks_of(grey: Any, item: Sequence[Any]) -> frozenset[int]:
    """Indices of the characters of a result item that start a word by the line's pixels."""
    columns = _ink_columns(grey, item)
    return ink_breaks(*columns) if columns else frozenset()


def _blank_runs(inked: Sequence[bool]) -> list[tuple[int, int]]:
    """The blank runs (begin, end) between inked columns (not the margins before or after)."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    seen_ink = False
    for x, dark in enumerate(inked):
        if dark:
            if start is not None and seen_ink:
                runs.append((start, x))
            start, seen_ink = None, True
        elif start is None:
            start = x
    return runs


def ink_blanks(
    inked: Sequence[bool], left: float, chars: Sequence[tuple[str, float, float]], height: float
) -> tuple[float, ...] | None:
    """Per character of `chars` (text, x0, x1), the widest blank run of the line's ink columns
    (`inked`, the first at x = `left`) whose middle lies between its centre and the one before, in
    line heights (0 for the first). None when the line has no blank between inks at all: a rule or
    an underline through the band hides the letters' gaps."""
    runs = _blank_runs(inked)
    if not runs or height <= 0:
        return None
    centres = [(c[1] + c[2]) / 2 for c in chars]
    blanks = [0.0] * len(chars)
    for begin, end in runs:
        middle = left + (begin + end) / 2
        for i in range(1, len(chars)):
            if centres[i - 1] < middle < centres[i]:
                blanks[i] = max(blanks[i], (end - begin) / height)
                break
    return tuple(blanks)


def ink_breaks(
    inked: Sequence[bool], left: float, chars: Sequence[tuple[str, float, float]], height: float
) -> frozenset[int]:
    """Indices of `chars` (text, x0, x1) that start a word: a blank run in the line's ink columns
    (`inked`, the first at x = `left`) clearly wider than its usual blank between letters. Not
    between two digits: a monospaced "1" has wide blanks beside it and an amount must stay whole."""
    runs = _blank_runs(inked)
    if not runs:
        return frozenset()
    typical = statistics.median(end - begin for begin, end in runs)
    centres = [(c[1] + c[2]) / 2 for c in chars]
    # The recognition model must have seen room there too: its characters' step across the blank
    # is wider than its usual step. A blank beside a thin letter ("Shi ft") has a narrow step.
    steps = [b - a for a, b in itertools.pairwise(centres)]
    usual_step = statistics.median(steps) if steps else 0.0
    breaks = set()
    for begin, end in runs:
        if end - begin < INK_GAP_HEIGHTS * height or end - begin < INK_GAP_RATIO * typical:
            continue
        middle = left + (begin + end) / 2
        for i in range(1, len(chars)):
            if centres[i - 1] < middle < centres[i]:
                before, after = chars[i - 1][0], chars[i][0]
                wider = centres[i] - centres[i - 1] > usual_step
                if (
                    wider
                    and before.isalnum()
                    and after.isalnum()
                    and not (before.isdigit() and after.isdigit())
                ):
                    breaks.add(i)
                break
    return frozenset(breaks)


def _split_line(
    item: Sequence[Any], breaks: frozenset[int] = frozenset(), blanks: Sequence[float] | None = None
) -> Iterator[OcrWord]:
    """A line's words: at the engine's own spaces, and where its character boxes stand clearly apart
    unless the line's pixels (`blanks`, from `ink_blanks`) show no room for a space there."""
    box, text, score = item[0], str(item[1]), float(item[2])
    top = min(float(p[1]) for p in box)
    bottom = max(float(p[1]) for p in box)
    if len(item) < 6 or not item[3] or len(item[3]) != len(item[4]):
        # no character boxes (the engine could not place them): the line is one word
        yield OcrWord(text, min(float(p[0]) for p in box), top, max(float(p[0]) for p in box), bottom, score)
        return
    chars = [
        (str(ch), min(float(p[0]) for p in cbox), max(float(p[0]) for p in cbox), float(conf))
        for cbox, ch, conf in zip(item[3], item[4], item[5], strict=False)
    ]
    height = bottom - top
    words: list[list[tuple[int, tuple[str, float, float, float]]]] = []
    current: list[tuple[int, tuple[str, float, float, float]]] = []
    for index, ch in enumerate(chars):
        wide = (
            current
            and ch[1] - current[-1][1][2] > _gap(current[-1][1][0], ch[0]) * height
            and (blanks is None or blanks[index] >= INK_GAP_HEIGHTS)
        )
        if ch[0].isspace() or wide:
            if current:
                words.append(current)
            current = []
            if ch[0].isspace():
                continue
        current.append((index, ch))
    if current:
        words.append(current)
    for word in words:
        for part in _ink_parts(word, breaks):
            yield from _words(part, top, bottom)


def _ink_parts(
    word: list[tuple[int, tuple[str, float, float, float]]], breaks: frozenset[int]
) -> Iterator[list[tuple[str, float, float, float]]]:
    """`word`'s characters, cut at the ink breaks only when it is a long run of capitals: there a
    name's spaces are what OCR drops ("WARAKUYAPERMASCITY"); elsewhere the breaks also split words
    the readers expect whole ("MwSt EUR" on a scanned invoice), so they are not used."""
    text = "".join(ch[0] for _, ch in word)
    if not (len(text) >= INK_MIN_CAPITALS and text.isalpha() and text.isupper()):
        yield [ch for _, ch in word]
        return
    part: list[tuple[str, float, float, float]] = []
    for index, ch in word:
        if part and index in breaks:
            yield part
            part = []
        part.append(ch)
    yield part


def _words(chars: list[tuple[str, float, float, float]], top: float, bottom: float) -> Iterator[OcrWord]:
    """One word, or two where a receipt prints the time right after the date and OCR glued them."""
    glued = _DATE_THEN_TIME.match("".join(c[0] for c in chars))
    if glued:
        cut = len(glued.group(1))
        yield _word(chars[:cut], top, bottom)
        yield _word(chars[cut:], top, bottom)
    else:
        yield _word(chars, top, bottom)


def _gap(before: str, after: str) -> float:
    if before in _NUMERIC and after in _NUMERIC:
        return NUMBER_GAP_HEIGHTS
    return WORD_GAP_HEIGHTS


def _word(chars: list[tuple[str, float, float, float]], top: float, bottom: float) -> OcrWord:
    # The weakest character decides: one unsure digit makes an amount unsure.
    return OcrWord(
        text="".join(c[0] for c in chars),
        x0=chars[0][1],
        top=top,
        x1=chars[-1][2],
        bottom=bottom,
        confidence=min(c[3] for c in chars),
        digit_confidence=min(
            (c[3] for k, c in enumerate(chars) if not _never_a_digit("".join(ch[0] for ch in chars), k)),
            default=None,
        ),
    )


# Characters that join a date's or an amount's digit groups ("12/03/2019", "1'250", "10:30").
_JOINS = frozenset("/-':\u00a0")


def _never_a_digit(text: str, k: int) -> bool:
    """Whether the character at `k` cannot be a digit where it stands, so its confidence is left
    out of the digits': a decimal mark or comma ("24,22", "20,"), a separator between two digits
    ("12/03"), a currency sign at the word's start or end ("€24,22"; review.py then holds it to the
    read currency). A glyph OCR reads for a 1 or 7 at a word's start or end ("/58.40", "|58.40",
    "(2.05") still counts: the digit it stands for may be the one the amount or date lost."""
    ch = text[k]
    if ch in ".,":
        return True
    between = 0 < k < len(text) - 1 and text[k - 1].isdigit() and text[k + 1].isdigit()
    if ch in _JOINS:
        return between
    return unicodedata.category(ch) == "Sc" and (k == 0 or k == len(text) - 1)


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise OcrTimeout after `seconds` (SIGALRM; only in the main thread, as in a pool worker).

    The engine returns to Python between recognition batches, so the alarm lands within one
    batch of the limit. Elsewhere (a thread) the page runs unbounded, as before.
    """
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _expired(_signum: int, _frame: Any) -> None:
        raise OcrTimeout(f"OCR took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, _expired)
    started = time.monotonic()
    outer_delay, outer_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_delay > 0:  # someone else's alarm (a test timeout): give it back what is left of it
            left = outer_delay - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001), outer_interval)


def installed_engine() -> tuple[bool, str]:
    """(models present, "rapidocr-onnxruntime 1.4.4 (PP-OCRv4)"), without loading the models."""
    import importlib.metadata
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("rapidocr_onnxruntime")
    if spec is None or spec.origin is None:
        return False, "rapidocr-onnxruntime is not installed: photos and scans cannot be read"
    models = sorted((Path(spec.origin).parent / "models").glob("*.onnx"))
    version = importlib.metadata.version("rapidocr-onnxruntime")
    if len(models) < 3:  # detection, orientation, recognition
        return False, f"rapidocr-onnxruntime {version}: its models are missing"
    return True, f"rapidocr-onnxruntime {version}: {len(models)} PP-OCRv4 models, offline"

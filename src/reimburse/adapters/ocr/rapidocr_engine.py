"""RapidOCR (PaddleOCR's PP-OCRv4 models on ONNX Runtime): an image -> words with boxes.

The models ship inside the rapidocr-onnxruntime wheel; nothing is fetched at run time. The
engine is built once per process (loading the models takes a few hundred ms) and runs on one
thread: the process pool already gives each core a document of its own.

Speed settings (measured on the development images, docs/ocr.md "Speed"): detection still raises
small print to 736 px on the shorter side, as the library does, but never looks at more than
DETECTION_MAX_SIDE on the longer side (the library detected a tall receipt photo at up to
2000 px); and the text-line angle classifier is off: pages are upright after EXIF, and it changed
no reading of the development images.

The recognition model reads a whole text line and often drops the spaces inside it
("DocumentNo:TD01167104"), but it reports a box for every character. Words are rebuilt from those
boxes: a gap clearly wider than the line's letter spacing is a word break.
"""

from __future__ import annotations

import re
import signal
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from PIL import Image

from reimburse.adapters.ocr.layout import OcrWord

WORD_GAP_HEIGHTS = 0.3  # a gap between characters wider than this share of the line height: new word
# Inside a number the character boxes are rougher (narrow digits, a decimal point of one step),
# and "1 2.5 0" would lose the amount: there the gap must be a clear space.
NUMBER_GAP_HEIGHTS = 0.4
_NUMERIC = frozenset("0123456789.,")
# "25/12/20188:13:39PM", "09/02/1711:12": a date (4- or 2-digit year) glued to the time after it
_DATE_THEN_TIME = re.compile(r"(\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2}))(\d{1,2}:\d{2}(?::\d{2})?\D*)$")

DETECTION_MIN_SIDE = 736  # the library's own: small print is raised to this on the shorter side
DETECTION_MAX_SIDE = 1600
ANGLE_CLASSIFIER = False
RECOGNITION_BATCH = 6

_engines: dict[int, Any] = {}


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
            ratio = min(max(1.0, min_side / min(height, width)), max_side / max(height, width))
            size = (max(32, round(width * ratio / 32) * 32), max(32, round(height * ratio / 32) * 32))
            return cv2.resize(img, size)

    detector = ocr.text_det
    detector.get_preprocess = lambda _longest: Bounded(min_side, "min", detector.mean, detector.std)


def recognise(image: Image.Image, threads: int = 1) -> list[OcrWord]:
    """Words in the pixels of `image` (RGB), each with its recognition confidence (0..1)."""
    result, _elapsed = engine(threads)(image, use_cls=ANGLE_CLASSIFIER, return_word_box=True)
    words: list[OcrWord] = []
    for item in result or ():
        words.extend(_split_line(item))
    return words


def _split_line(item: Sequence[Any]) -> Iterator[OcrWord]:
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
    current: list[tuple[str, float, float, float]] = []
    for ch in chars:
        if ch[0].isspace() or (current and ch[1] - current[-1][2] > _gap(current[-1][0], ch[0]) * height):
            if current:
                yield from _words(current, top, bottom)
            current = []
            if ch[0].isspace():
                continue
        current.append(ch)
    if current:
        yield from _words(current, top, bottom)


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
    )


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

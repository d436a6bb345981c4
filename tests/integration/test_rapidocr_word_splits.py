"""Words on drawn receipts read by the real OCR engine (issue 12): the character boxes are coarse CTC
columns, so a round capital could stand a column apart from the rest of its word ("D ate:",
"TO TAL"); a break there now needs room for a space in the line's ink as well."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from reimburse.adapters.ocr.rapidocr_engine import _split_line, ink_blanks, recognise
from tests.eval.ocr_word_split import LINES  # the receipt lines the measurement draws

if importlib.util.find_spec("rapidocr_onnxruntime") is None:
    if os.environ.get("CI") == "true":
        raise RuntimeError("rapidocr-onnxruntime is missing: CI must run the OCR tests (uv sync)")
    pytest.skip("rapidocr-onnxruntime is not installed", allow_module_level=True)

_FONTS = Path("/usr/share/fonts/truetype")


def receipt_lines(face_path: str, size: int) -> list[list[str]]:
    """LINES drawn one under the other on a 620 px receipt (its height sets the detection scale), and the words read back per line."""
    path = _FONTS / face_path
    if not path.exists():
        if os.environ.get("CI") == "true":
            raise RuntimeError(
                f"font {face_path} is missing: .ci/run installs fonts-liberation and fonts-dejavu-core"
            )
        pytest.skip(f"font {face_path} is not installed (Debian: fonts-liberation, fonts-dejavu-core)")
    face = ImageFont.truetype(str(path), size)
    step = int(size * 1.7)
    image = Image.new("RGB", (620, step * len(LINES) + 2 * size), "white")
    draw = ImageDraw.Draw(image)
    for i, text in enumerate(LINES):
        draw.text((size, size + i * step), text, fill="black", font=face)
    lines: list[list[tuple[float, str]]] = [[] for _ in LINES]
    for word in recognise(image):
        index = round(((word.top + word.bottom) / 2 - size * 1.5) / step)
        lines[index].append((word.x0, word.text))
    return [[text for _, text in sorted(line)] for line in lines]


def cut_inside(drawn: str, read: list[str]) -> list[str]:
    """The drawn words that come back in more than one piece (only when the letters are all read)."""
    assert "".join(read) == "".join(drawn.split()), read
    starts, at = set(), 0
    for word in read:
        starts.add(at)
        at += len(word)
    cut, at = [], 0
    for word in drawn.split():
        if any(at < s < at + len(word) for s in starts):
            cut.append(word)
        at += len(word)
    return cut


@pytest.mark.parametrize(
    ("face", "size"),
    [
        ("liberation/LiberationSans-Regular.ttf", 27),  # read "D ate:" and "TO TAL" before
        ("liberation/LiberationSans-Regular.ttf", 30),  # read "D ue date:" before
        ("dejavu/DejaVuSansMono.ttf", 27),
    ],
)
def test_no_word_of_a_receipt_is_cut_in_pieces(face: str, size: int) -> None:
    checked = 0
    for drawn, read in zip(LINES, receipt_lines(face, size), strict=True):
        letters = "".join(read)
        if _plain(letters) != _plain(drawn.replace(" ", "")):
            continue  # letters misread or lost: the boundaries cannot be lined up
        assert not cut_inside(_respelled(drawn, letters), read), (drawn, read)
        checked += 1
    assert checked >= 4


def _plain(text: str) -> str:
    return text.upper().replace("0", "O")  # a 0/O look-alike does not move a word's boundaries


def _respelled(drawn: str, letters: str) -> str:
    """`drawn` with its letters replaced by the ones read (same count), keeping its spaces."""
    out, it = [], iter(letters)
    for ch in drawn:
        out.append(ch if ch == " " else next(it))
    return "".join(out)


def test_the_date_label_and_the_total_stay_whole() -> None:
    lines = dict(zip(LINES, receipt_lines("liberation/LiberationSans-Regular.ttf", 30), strict=True))
    assert lines["Due date: 15/04/2023"] == ["Due", "date:", "15/04/2023"]
    assert lines["TOTAL 12.50"] == ["TOTAL", "12.50"]
    assert lines["Date: 12/03/2023"][0].startswith("Date:")


def test_a_monospace_total_and_its_amount_are_two_words() -> None:
    lines = dict(zip(LINES, receipt_lines("dejavu/DejaVuSansMono.ttf", 27), strict=True))
    assert len(lines["TOTAL 12.50"]) == 2
    assert lines["TOTAL 12.50"][1] == "12.50"
    assert lines["Due date: 15/04/2023"][-1] == "15/04/2023"


def _item(chars: list[tuple[str, float, float]], height: float = 20.0) -> list[object]:
    cboxes = [[[x0, 0], [x1, 0], [x1, height], [x0, height]] for _, x0, x1 in chars]
    box = [[chars[0][1], 0], [chars[-1][2], 0], [chars[-1][2], height], [chars[0][1], height]]
    return [box, "".join(c for c, _, _ in chars), 0.99, cboxes, [c for c, _, _ in chars], [0.9] * len(chars)]


# "Date:" with the D's box a whole column before the rest, as the engine places it
DATE = [("D", 0.0, 10.0), ("a", 18.0, 26.0), ("t", 26.0, 34.0), ("e", 34.0, 42.0), (":", 42.0, 50.0)]


def test_a_box_gap_with_no_room_for_a_space_in_the_ink_is_no_word_break() -> None:
    # ink: letters two blank columns apart, a tenth of the 20 px line height
    inked = [x % 9 < 7 for x in range(50)]
    blanks = ink_blanks(inked, 0.0, [(c, a, b) for c, a, b in DATE], height=20.0)
    assert blanks is not None
    words = list(_split_line(_item(DATE), blanks=blanks))
    assert [w.text for w in words] == ["Date:"]
    assert words[0].confidence == 0.9


def test_a_box_gap_over_a_space_wide_blank_is_still_a_word_break() -> None:
    inked = [not 11 <= x < 17 for x in range(50)]  # six blank columns: 0.3 of the line height
    blanks = ink_blanks(inked, 0.0, [(c, a, b) for c, a, b in DATE], height=20.0)
    assert [w.text for w in _split_line(_item(DATE), blanks=blanks)] == ["D", "ate:"]


def test_without_trusted_ink_the_character_boxes_decide_as_before() -> None:
    assert ink_blanks([True] * 50, 0.0, [(c, a, b) for c, a, b in DATE], height=20.0) is None  # a rule
    assert [w.text for w in _split_line(_item(DATE))] == ["D", "ate:"]

"""Word splitting of the OCR engine on receipt lines in monospace and proportional fonts (issue 12).

Each line is drawn alone in each font and read by the real engine; a word of the drawn text that
comes back cut in pieces is a split inside a word, two drawn words that come back as one are a
missed gap. Only drawn text is used (no corpus file).

`python -m tests.eval.ocr_word_split`
"""

from __future__ import annotations

import io
import random
from collections import Counter
from pathlib import Path

from PIL import Image, ImageFont

from reimburse.adapters.ocr.rapidocr_engine import recognise
from tests.eval.synthetic_dates import DAMAGES, _draw
from tests.image_factory import encode

_FONTS = Path("/usr/share/fonts/truetype")
FACES = {
    "mono": ("dejavu/DejaVuSansMono.ttf", "liberation/LiberationMono-Regular.ttf"),
    "proportional": ("dejavu/DejaVuSans.ttf", "liberation/LiberationSans-Regular.ttf"),
}
LINES = (
    "Date: 12/03/2023",
    "Due date: 15/04/2023",
    "TOTAL 12.50",
    "Tisch 4",
    "Kasse 2",
    "INVOICE No 123",
    "Datum: 03.05.2022",
    "Bon Nr 4711",
    "Fecha: 21/06/2021",
    "Table 7 Guests 2",
    "Invoice date: 02/11/2020",
    "Rechnung Nr. 5521",
)
SIZES = (24, 27, 30)
DAMAGES_USED = ("clean", "blur", "faded")


def read_lines(face: ImageFont.FreeTypeFont, damage: str, seed: int) -> list[list[str]]:
    """LINES drawn as one receipt (the synthetic generator's layout and damage), read back per line."""
    size = int(face.size)
    image = DAMAGES[damage](_draw(list(LINES), face, 620), random.Random(seed))
    image = Image.open(io.BytesIO(encode(image, "JPEG", quality=90))).convert("RGB")
    step = int(size * 1.7)
    lines: list[list[tuple[float, str]]] = [[] for _ in LINES]
    for word in recognise(image):
        middle = (word.top + word.bottom) / 2
        index = round((middle - size - size / 2) / step)
        if 0 <= index < len(LINES):
            lines[index].append((word.x0, word.text))
    return [[text for _, text in sorted(line)] for line in lines]


def counts(drawn: str, read: list[str]) -> Counter[str]:
    """Splits inside drawn words and drawn gaps missed, by aligning the read words' characters."""
    out: Counter[str] = Counter()
    truth = drawn.split()
    if "".join(read) != "".join(truth):
        out["misread"] += 1
        return out

    # positions (in the text without spaces) where a word starts
    def starts(words: list[str]) -> set[int]:
        at, result = 0, set()
        for word in words:
            result.add(at)
            at += len(word)
        return result

    want, got = starts(truth), starts(read)
    out["split inside"] += len(got - want)
    out["gap missed"] += len(want - got)
    out["gaps"] += len(want) - 1
    out["words"] += len(truth)
    return out


def main() -> None:
    for kind, faces in FACES.items():
        total: Counter[str] = Counter()
        for name in faces:
            for size in SIZES:
                face = ImageFont.truetype(str(_FONTS / name), size)
                for damage in DAMAGES_USED:
                    for text, read in zip(LINES, read_lines(face, damage, size), strict=True):
                        found = counts(text, read)
                        total.update(found)
                        if found["split inside"] or found["gap missed"] or found["misread"]:
                            print(f"  {kind:12} {Path(name).stem:22} {size} {damage:6} {text!r} -> {read}")
        print(
            f"{kind}: words {total['words']}, split inside {total['split inside']}, "
            f"gaps {total['gaps']}, gaps missed {total['gap missed']}, misread lines {total['misread']}"
        )


if __name__ == "__main__":
    main()

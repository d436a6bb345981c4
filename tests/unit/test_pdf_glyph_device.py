"""The glyph device gives the glyphs pdfplumber's LTChars give, and the rest of the layout as is."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pdfplumber
import pytest
from pdfminer.layout import LTChar, LTContainer, LTItem

from reimburse.adapters.pdf.glyph_device import interpret
from reimburse.adapters.pdf.text_layout import Glyph, make_glyph

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
PDFS = [
    p
    for p in [EXAMPLES / "policy.pdf", *sorted((EXAMPLES / "invoices").glob("*.pdf"))]
    if not p.name.startswith(("corrupt", "locked"))
]


def from_ltchars(items: Iterable[LTItem], height: float) -> Iterator[Glyph]:
    """What the reader did before: every LTChar of pdfplumber's layout, figures included."""
    for item in items:
        if isinstance(item, LTChar):
            box = (item.x0, height - item.y1, item.x1, height - item.y0)
            yield make_glyph(item.get_text(), item.matrix, item.adv, item.width, item.height, item.size, box)
        elif isinstance(item, LTContainer):
            yield from from_ltchars(item, height)


def shapes(items: Iterable[LTItem]) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Every non-glyph object with its box, in order, figures opened."""
    out: list[tuple[str, tuple[float, float, float, float]]] = []
    for item in items:
        if isinstance(item, LTChar):
            continue
        out.append((type(item).__name__, getattr(item, "bbox", (0.0, 0.0, 0.0, 0.0))))
        if isinstance(item, LTContainer):
            out += shapes(item)
    return out


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_glyphs_and_shapes_match_pdfplumbers_layout(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for n, page in enumerate(pdf.pages, start=1):
            layout, glyphs = interpret(pdf.rsrcmgr, page.page_obj, n)
            theirs = page.layout
            assert glyphs == list(from_ltchars(theirs, theirs.height))
            assert shapes(layout) == shapes(theirs)
            assert (layout.width, layout.height) == (theirs.width, theirs.height)


def test_a_page_with_text_gives_glyphs() -> None:
    with pdfplumber.open(EXAMPLES / "invoices" / "cab-01-uber.pdf") as pdf:
        _, glyphs = interpret(pdf.rsrcmgr, pdf.pages[0].page_obj, 1)
    assert len(glyphs) > 50
    assert all(0 <= g.box[0] < g.box[2] and g.box[1] < g.box[3] for g in glyphs if g.text.strip())

"""A page's glyphs straight from pdfminer's interpreter, and the page's pdfminer layout without them.

pdfplumber's `page.layout` makes an LTChar per glyph (pdfminer's object, then pdfplumber's
marked-content tag) and the reader then turned each into a Glyph. This device makes the Glyph at
once, with the very numbers LTChar computes (same operations, same order), so the text and the
words' boxes are unchanged. Paths, pictures and form XObjects stay pdfminer's layout objects: the
reader counts table rules and measures pictures on them as before.
"""

from __future__ import annotations

from typing import Any

from pdfminer.converter import PDFLayoutAnalyzer
from pdfminer.layout import LTPage
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.utils import Matrix, apply_matrix_rect

from reimburse.adapters.pdf.text_layout import Glyph, make_glyph


class GlyphDevice(PDFLayoutAnalyzer):
    def __init__(self, rsrcmgr: PDFResourceManager, pageno: int) -> None:
        super().__init__(rsrcmgr, pageno=pageno, laparams=None)
        self.glyphs: list[Glyph] = []
        self.result: LTPage | None = None
        self._height = 0.0

    def begin_page(self, page: PDFPage, ctm: Matrix) -> None:
        super().begin_page(page, ctm)
        self._height = self.cur_item.height  # boxes are flipped to a top-left origin

    def receive_layout(self, ltpage: LTPage) -> None:
        self.result = ltpage

    def render_char(
        self,
        matrix: Matrix,
        font: PDFFont,
        fontsize: float,
        scaling: float,
        rise: float,
        cid: int,
        ncs: Any,
        graphicstate: Any,
    ) -> float:
        # PDFLayoutAnalyzer.render_char and LTChar.__init__, without the LTChar.
        try:
            text = font.to_unichr(cid)
            assert isinstance(text, str), str(type(text))
        except PDFUnicodeNotDefined:
            text = self.handle_undefined_char(font, cid)
        textwidth = font.char_width(cid)
        textdisp = font.char_disp(cid)
        adv = textwidth * fontsize * scaling
        vertical = font.is_vertical()
        if vertical:
            assert isinstance(textdisp, tuple)
            (vx, vy) = textdisp
            vx = fontsize * 0.5 if vx is None else vx * fontsize * 0.001
            vy = (1000 - vy) * fontsize * 0.001
            bbox = (-vx, vy + rise + adv, -vx + fontsize, vy + rise)
        else:
            descent = font.get_descent() * fontsize
            bbox = (0, descent + rise, adv, descent + rise + fontsize)
        (x0, y0, x1, y1) = apply_matrix_rect(matrix, bbox)
        if x1 < x0:
            (x0, x1) = (x1, x0)
        if y1 < y0:
            (y0, y1) = (y1, y0)
        width, height = x1 - x0, y1 - y0
        top = self._height
        box = (x0, top - y1, x1, top - y0)
        self.glyphs.append(make_glyph(text, matrix, adv, width, height, width if vertical else height, box))
        return adv


def interpret(rsrcmgr: PDFResourceManager, page: PDFPage, number: int) -> tuple[LTPage, list[Glyph]]:
    """The page's layout (every object but its glyphs) and its glyphs, in drawing order."""
    device = GlyphDevice(rsrcmgr, number)
    PDFPageInterpreter(rsrcmgr, device).process_page(page)
    assert device.result is not None  # end_page always delivers the page
    return device.result, device.glyphs

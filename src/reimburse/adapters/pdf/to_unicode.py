"""pdfminer's font loading, with a simple font's ToUnicode CMap tokenised faster.

pdfminer reads a ToUnicode CMap with its PostScript tokeniser, one Python call chain per token:
about a tenth of the CPU of reading a one-page invoice, as ReportLab embeds one map per subset font
with one entry per glyph. Here each bfchar/bfrange block whose body is nothing but hex strings is
cut out and its strings decoded with one regex. pdfminer's own CMapParser still reads the rest and
applies every block itself, on the very strings its tokeniser would have pushed. Anything else (an
array, a name, a comment, a split or odd hex string, a block keyword the cut could misplace) is read
the usual way, so the map is always the one pdfminer builds. Nothing is cached across documents.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from typing import Any

from pdfminer.cmapdb import CMapParser, FileUnicodeMap
from pdfminer.pdffont import PDFFont
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdftypes import PDFStream, resolve1
from pdfminer.psparser import literal_name

# A block keyword that starts a token (after a space or a delimiter that closes a token) and ends
# one (pdfminer's end-of-keyword characters), with a body of whitespace and whole hex strings only.
_BLOCK = re.compile(
    rb"(?<![^\s\[\]{})>])begin(bfchar|bfrange)(?P<body>(?:\s*<(?:[0-9A-Fa-f]{2})+>)*\s*)end\1"
    rb"(?![^\s#/%\[\]()<>{}])"
)
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")
_KEYWORDS = re.compile(rb"(?:begin|end)bf(?:char|range)")
_SIMPLE = frozenset({"Type1", "MMType1", "TrueType", "Type3"})  # fonts whose maps pdfminer parses inline


class _CutBlockParser(CMapParser):
    """CMapParser over the map with its block bodies cut out: at each block's end keyword it pushes
    that block's strings, then lets pdfminer handle the keyword as it would have."""

    def __init__(self, cmap: FileUnicodeMap, data: bytes, bodies: list[list[bytes]]) -> None:
        super().__init__(cmap, io.BytesIO(data))
        self.bodies = bodies
        self.ends = 0

    def do_keyword(self, pos: int, token: Any) -> None:
        if token is self.KEYWORD_ENDBFCHAR or token is self.KEYWORD_ENDBFRANGE:
            if self.ends < len(self.bodies):
                self.push(*((pos, s) for s in self.bodies[self.ends]))
            self.ends += 1
        super().do_keyword(pos, token)


def cut_blocks(data: bytes) -> tuple[bytes, list[list[bytes]]]:
    """The map with the hex-only bodies of its bf blocks cut out, and each cut body's strings;
    no bodies when any block keyword is not in such a block (the map is then read whole)."""
    bodies: list[list[bytes]] = []

    def cut(m: re.Match[bytes]) -> bytes:
        bodies.append([bytes.fromhex(h.decode()) for h in _HEX.findall(m.group("body"))])
        return b"begin%s end%s" % (m.group(1), m.group(1))

    cut_data = _BLOCK.sub(cut, data)
    if len(_KEYWORDS.findall(data)) != 2 * len(bodies):
        return data, []
    return cut_data, bodies


def unicode_map(data: bytes) -> FileUnicodeMap:
    """The FileUnicodeMap pdfminer's CMapParser builds from the ToUnicode stream `data`."""
    cut_data, bodies = cut_blocks(data)
    if bodies:
        quick = FileUnicodeMap()
        parser = _CutBlockParser(quick, cut_data, bodies)
        parser.run()
        if parser.ends == len(bodies):  # every cut block was met as a block again
            return quick
    whole = FileUnicodeMap()
    CMapParser(whole, io.BytesIO(data)).run()
    return whole


class ToUnicodeResourceManager(PDFResourceManager):
    """PDFResourceManager whose simple fonts get their ToUnicode map from `unicode_map`; every
    other font, and every other attribute of a simple font, is pdfminer's own."""

    def __init__(self, caching: bool = True) -> None:
        super().__init__(caching)
        self._fonts: dict[object, PDFFont] = {}

    def get_font(self, objid: object, spec: Mapping[str, object]) -> PDFFont:
        if objid and objid in self._fonts:
            return self._fonts[objid]
        stream = resolve1(spec["ToUnicode"]) if "ToUnicode" in spec else None
        if not isinstance(stream, PDFStream) or "Subtype" not in spec:
            return super().get_font(objid, spec)
        if literal_name(spec["Subtype"]) not in _SIMPLE:
            return super().get_font(objid, spec)
        # Read first, as pdfminer does inside the font's constructor (a decode error comes first).
        mapping = unicode_map(stream.get_data())
        font = super().get_font(None, {k: v for k, v in spec.items() if k != "ToUnicode"})
        font.unicode_map = mapping  # type: ignore[attr-defined]  # every simple font has one
        if objid and self.caching:
            self._fonts[objid] = font
        return font

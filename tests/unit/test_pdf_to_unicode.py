"""The quick ToUnicode reading gives pdfminer's own map, for well-formed and odd maps alike."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfminer.cmapdb import CMapParser, FileUnicodeMap
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage

from reimburse.adapters.pdf.to_unicode import ToUnicodeResourceManager, cut_blocks, unicode_map

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples" / "invoices"

HEAD = (
    b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
    b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
    b"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
    b"1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
)
TAIL = b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"


def pdfminer_map(data: bytes) -> FileUnicodeMap:
    cmap = FileUnicodeMap()
    CMapParser(cmap, io.BytesIO(data)).run()
    return cmap


def assert_same(data: bytes) -> None:
    ours, theirs = unicode_map(data), pdfminer_map(data)
    assert list(ours.cid2unichr.items()) == list(theirs.cid2unichr.items())
    assert ours.attrs == theirs.attrs


def hexs(value: int, width: int) -> bytes:
    return b"<%0*X>" % (2 * width, value)


def test_a_reportlab_style_map_is_cut_and_read_the_same() -> None:
    body = b"".join(hexs(i, 1) + b" " + hexs(0x41 + i, 2) + b"\n" for i in range(1, 40))
    data = (
        HEAD
        + b"39 beginbfchar\n"
        + body
        + b"endbfchar\n2 beginbfrange\n<40> <45> <0061>\n"
        + (b"<50> <51> <00E9>\nendbfrange\n" + TAIL)
    )
    cut, bodies = cut_blocks(data)
    assert [len(b) for b in bodies] == [78, 6]  # both blocks' strings, tokenised by the regex
    assert b"<01>" not in cut and b"beginbfchar endbfchar" in cut
    assert unicode_map(data).cid2unichr[1] == "B"
    assert unicode_map(data).cid2unichr[0x45] == "f"
    assert_same(data)


# Pieces a real or broken map may hold: well-formed blocks, and everything the quick path must
# leave to pdfminer or get exactly right (arrays, names, comments, strings, odd or spaced hex,
# glued or literal keywords, blocks outside begincmap/endcmap, a non-breaking space after a space).
_entry = st.builds(
    lambda c, u: hexs(c, 1) + b" " + hexs(u, 2), st.integers(0, 255), st.integers(0x20, 0xFFFF)
)
_range = st.builds(
    lambda a, n, u, w: hexs(a, w) + b" " + hexs(min(a + n, 256**w - 1), w) + b" " + hexs(u, 2),
    st.integers(0, 250),
    st.integers(0, 5),
    st.integers(0x20, 0xFFF0),
    st.sampled_from([1, 2]),
)
_bfchar = st.builds(
    lambda es: b"%d beginbfchar\n" % len(es) + b"\n".join(es) + b"\nendbfchar\n", st.lists(_entry)
)
_bfrange = st.builds(
    lambda rs: b"%d beginbfrange\n" % len(rs) + b"\n".join(rs) + b"\nendbfrange\n", st.lists(_range)
)
_odd = st.sampled_from(
    [
        b"1 beginbfrange\n<01> <03> [<0041> <0042> <0043>]\nendbfrange\n",
        b"1 beginbfchar\n<01> /space\nendbfchar\n",
        b"1 beginbfchar\n<0 1> <00 41>\nendbfchar\n",
        b"1 beginbfchar\n<1> <041>\nendbfchar\n",
        b"% beginbfchar <01> <0041> endbfchar\n",
        b"% a comment\n1 beginbfchar <02> <0042>\nendbfchar\n",
        b"(beginbfchar <03> <0043> endbfchar)\n",
        b"/beginbfchar <04> <0044> endbfchar\n",
        b"2beginbfchar <05> <0045> endbfchar\n",
        b"1 beginbfchar<06><0046>endbfchar\n",
        b"endbfchar\n",
        b"<07> <0047>\n",
        b"1 beginbfchar\n<08> <0020>\nendbfchar\n1 beginbfchar\n<08> <00A0>\nendbfchar\n",
        b"1 beginbfrange\n<0A> <0B0C> <0041>\nendbfrange\n",
        b"1 beginbfrange\n<FFFFFFFE> <FFFFFFFF> <FFFFFFFF>\nendbfrange\n",
        b"endcmap\n1 beginbfchar\n<09> <0049>\nendbfchar\nbegincmap\n",
        b"1 beginbfchar\n<0C> <0041>\nendbfcharx\n",
        b"/CMapName /Other def\n",
    ]
)


def test_a_block_with_an_array_leaves_the_whole_map_to_pdfminer() -> None:
    data = (
        HEAD
        + b"1 beginbfrange\n<01> <02> [<0041> <0042>]\nendbfrange\n1 beginbfchar\n<03> <0043>\nendbfchar\n"
    )
    assert cut_blocks(data) == (data, [])
    assert_same(data)


@settings(max_examples=300, deadline=None)
@given(st.booleans(), st.lists(st.one_of(_bfchar, _bfrange, _odd), max_size=6), st.booleans())
def test_any_map_reads_as_pdfminer_reads_it(head: bool, pieces: list[bytes], tail: bool) -> None:
    data = (HEAD if head else b"") + b"".join(pieces) + (TAIL if tail else b"")
    try:
        expected = pdfminer_map(data)
    except Exception as exc:  # a map pdfminer cannot read: ours fails the same way
        try:
            unicode_map(data)
        except Exception as ours:
            assert type(ours) is type(exc)
            return
        raise AssertionError(f"pdfminer raised {exc!r}; the quick reading did not") from None
    ours = unicode_map(data)
    assert list(ours.cid2unichr.items()) == list(expected.cid2unichr.items())
    assert ours.attrs == expected.attrs


def _texts(path: Path, manager: PDFResourceManager) -> list[str]:
    """Every glyph's text on every page, through pdfminer's interpreter with `manager`'s fonts."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LTChar, LTContainer

    def chars(item: object) -> list[str]:
        if isinstance(item, LTChar):
            return [item.get_text()]
        if isinstance(item, LTContainer):
            return [c for child in item for c in chars(child)]
        return []

    with pdfplumber.open(path) as pdf:
        out = []
        for page in PDFPage.create_pages(pdf.doc):
            device = PDFPageAggregator(manager)
            PDFPageInterpreter(manager, device).process_page(page)
            out += chars(device.get_result())
        return out


def test_the_example_invoices_read_the_same_glyphs_with_either_manager() -> None:
    paths = [p for p in sorted(EXAMPLES.glob("*.pdf")) if not p.name.startswith(("corrupt", "locked"))]
    assert len(paths) >= 20
    for path in paths:
        assert _texts(path, ToUnicodeResourceManager()) == _texts(path, PDFResourceManager()), path.name

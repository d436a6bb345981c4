"""Hand-assembled PDFs for hostile cases reportlab will not write: JavaScript actions, embedded
files, 1000+ page trees, page-tree cycles, self-referencing objects and compression bombs inside
the PDF itself.

Each function returns a complete file (header, numbered objects, xref table, trailer, %%EOF),
so a failure to read it is about the hostile feature, not about a malformed envelope.
"""

from __future__ import annotations

import functools
import zlib
from collections.abc import Sequence

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def _literal(text: str) -> bytes:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(" + escaped.encode("latin-1", "replace") + b")"


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def text_content(lines: Sequence[str]) -> bytes:
    """A page content stream drawing `lines` top to bottom in Helvetica 11."""
    ops = [b"BT /F1 11 Tf 16 TL 72 780 Td"]
    ops += [_literal(line) + b" Tj T*" for line in lines]
    ops.append(b"ET")
    return b"\n".join(ops)


def assemble(objects: Sequence[bytes], root: int = 1) -> bytes:
    """Objects are numbered from 1 in order; `root` is the catalog's number."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def one_page(lines: Sequence[str], catalog_extra: bytes = b"", extra_objects: Sequence[bytes] = ()) -> bytes:
    """Catalog 1, Pages 2, Page 3, content 4, font 5; `extra_objects` are numbered from 6."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b">>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        stream(text_content(lines)),
        FONT,
        *extra_objects,
    ]
    return assemble(objects)


def with_javascript(lines: Sequence[str], script: str) -> bytes:
    """Runs `script` on open (OpenAction) and registers it as a document-level script too."""
    action = b"<< /Type /Action /S /JavaScript /JS " + _literal(script) + b" >>"
    names = b"<< /Names [(boot) 6 0 R] >>"
    return one_page(lines, b"/OpenAction 6 0 R /Names << /JavaScript 7 0 R >> ", [action, names])


def with_embedded_file(lines: Sequence[str], name: str, payload: bytes) -> bytes:
    """Attaches `payload` as an embedded file (/EmbeddedFiles name tree, FlateDecode stream)."""
    packed = zlib.compress(payload)
    embedded = stream(
        packed, b"/Type /EmbeddedFile /Filter /FlateDecode /Params << /Size %d >> " % len(payload)
    )
    spec = b"<< /Type /Filespec /F " + _literal(name) + b" /UF " + _literal(name) + b" /EF << /F 6 0 R >> >>"
    tree = b"<< /Names [" + _literal(name) + b" 7 0 R] >>"
    return one_page(lines, b"/Names << /EmbeddedFiles 8 0 R >> ", [embedded, spec, tree])


def many_pages(count: int, lines: Sequence[str] = ("Page of a very long statement", "Amount 10.00")) -> bytes:
    """`count` pages sharing one content stream: a 1000+ page file in a few dozen KB."""
    first_page = 5
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(count))
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 3 0 R >> >> >>"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
        FONT,
        stream(text_content(lines)),
        *([page] * count),
    ]
    return assemble(objects)


def page_tree_cycle() -> bytes:
    """A /Pages node whose kid is its own parent: a naive page walk never ends."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
    ]
    return assemble(objects)


def self_referencing_contents() -> bytes:
    """A page whose /Contents is an object that is a reference to itself (`4 0 obj 4 0 R`):
    pdfminer's resolve1 follows it forever, in pure Python, without raising."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"4 0 R",
        FONT,
    ]
    return assemble(objects)


@functools.cache  # bombs are slow to pack and the corpus reuses them
def deflate(data_chunk: bytes, repeat: int) -> bytes:
    """`data_chunk` * `repeat`, deflated, built without holding the whole input."""
    packer = zlib.compressobj(1)  # level 1: 4x faster to build, and still ~230:1
    return b"".join(packer.compress(data_chunk) for _ in range(repeat)) + packer.flush()


def flate_bomb(lines: Sequence[str], inflated_mib: int, passes: int = 1) -> bytes:
    """A readable page plus a second content stream of blanks that inflates to `inflated_mib` MiB.

    The file stays small (a few hundred KB at most); pdfminer inflates content streams in full.
    """
    filters = b"[" + b" ".join([b"/FlateDecode"] * passes) + b"]"
    packed = deflate(b" " * (1 << 20), inflated_mib)
    for _ in range(passes - 1):
        packed = zlib.compress(packed, 9)
    bomb = stream(packed, b"/Filter " + filters + b" ")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [4 0 R 6 0 R] "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        stream(text_content(lines)),
        FONT,
        bomb,
    ]
    return assemble(objects)

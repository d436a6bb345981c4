"""The e-invoice XML a Factur-X / ZUGFeRD / XRechnung PDF carries as an attached file.

PDF/A-3 hybrids attach the seller's XML twice over: in the catalog's /Names /EmbeddedFiles name
tree and in its /AF (associated files) array. Both are read with pdfminer (no page content is
parsed), under the same decode budget as the pages, and an attachment over MAX_ATTACHMENT_BYTES
is ignored: a real e-invoice is tens of kilobytes. Reading the attachment never fails the PDF:
any problem means "no e-invoice", and the page is read as before.
"""

from __future__ import annotations

import io
import itertools
import logging
from collections import deque
from collections.abc import Iterator
from typing import Any

from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjRef, PDFStream

from reimburse.adapters.einvoice.parse import NotAnEInvoice, read_einvoice
from reimburse.adapters.einvoice.safe_xml import UnsafeXml
from reimburse.domain.verdict.document import EInvoice

log = logging.getLogger(__name__)

MAX_ATTACHMENT_BYTES = 4 * 1024 * 1024
# The names the standards prescribe (Factur-X 1.0 / ZUGFeRD 2.x, ZUGFeRD 1.0, XRechnung in PDF).
KNOWN_NAMES = ("factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml")
_MAX_ENTRIES = 64  # attachments listed that are looked at; a real hybrid lists one or two
_MAX_NODES = 64  # name-tree nodes visited
_MAX_TRIES = 4  # attachments parsed before giving up
_MAX_HOPS = 16  # references followed to reach one object


def embedded_einvoice(data: bytes, max_bytes: int = MAX_ATTACHMENT_BYTES) -> EInvoice | None:
    """The first attached XML that reads as a CII or UBL invoice, or None."""
    from reimburse.adapters.pdf import decode_budget  # here: see einvoice_attached_to

    decode_budget.install()
    try:
        with decode_budget.limited(2 * max_bytes):  # an xref stream may be a bomb too
            document = PDFDocument(PDFParser(io.BytesIO(data)))
    except Exception as exc:  # pdfminer raises many types on odd files; the page is still read
        log.info("no e-invoice read from the PDF's attachments: %s: %s", type(exc).__name__, exc)
        return None
    return einvoice_attached_to(document, max_bytes)


def einvoice_attached_to(document: PDFDocument, max_bytes: int = MAX_ATTACHMENT_BYTES) -> EInvoice | None:
    """embedded_einvoice for a PDF already parsed (the reader's own): the file is parsed once."""
    # Imported here: the pdf package's __init__ imports the PDF reader, which imports this module.
    from reimburse.adapters.pdf import decode_budget

    decode_budget.install()  # idempotent; the PDF reader installs it too
    try:
        with decode_budget.limited(2 * max_bytes):
            catalog = document.catalog
            for name, spec in _ranked(_filespecs(catalog)):
                xml = _contents(spec, max_bytes)
                if xml is None:
                    continue
                try:
                    return read_einvoice(xml, max_bytes)
                except (UnsafeXml, NotAnEInvoice) as exc:
                    log.info("attachment %r is not a usable e-invoice: %s", name, exc)
    except Exception as exc:  # pdfminer raises many types on odd files; the page is still read
        log.info("no e-invoice read from the PDF's attachments: %s: %s", type(exc).__name__, exc)
    return None


def _filespecs(catalog: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    names = _resolve(catalog.get("Names"))
    tree = names.get("EmbeddedFiles") if isinstance(names, dict) else None
    associated = _resolve(catalog.get("AF"))
    listed = associated[:_MAX_ENTRIES] if isinstance(associated, list) else []
    entries = itertools.chain(_name_tree(tree), ((None, ref) for ref in listed))
    seen: set[int] = set()
    for key, ref in itertools.islice(entries, _MAX_ENTRIES):
        if isinstance(ref, PDFObjRef):
            if ref.objid in seen:  # the name tree and /AF list the same file
                continue
            seen.add(ref.objid)
        spec = _resolve(ref)
        if isinstance(spec, dict):
            yield _filename(spec) or _text(_resolve(key)), spec


def _name_tree(root: Any) -> Iterator[tuple[Any, Any]]:
    """(name, file spec) pairs, breadth first, each node once and at most _MAX_NODES of them: a
    hostile tree may list itself as its own kid."""
    queue: deque[Any] = deque([root])
    visited: set[int] = set()
    nodes = 0
    while queue and nodes < _MAX_NODES:
        ref = queue.popleft()
        if isinstance(ref, PDFObjRef):
            if ref.objid in visited:
                continue
            visited.add(ref.objid)
        node = _resolve(ref)
        if not isinstance(node, dict):
            continue
        nodes += 1
        pairs = _resolve(node.get("Names"))
        if isinstance(pairs, list):
            yield from zip(pairs[0::2], pairs[1::2], strict=False)
        kids = _resolve(node.get("Kids"))
        if isinstance(kids, list):
            queue.extend(kids[:_MAX_ENTRIES])


def _resolve(value: Any) -> Any:
    """pdfminer's resolve1 without its endless loop on an object that refers to itself: a chain
    of references longer than _MAX_HOPS resolves to None."""
    for _ in range(_MAX_HOPS):
        if not isinstance(value, PDFObjRef):
            return value
        value = value.resolve()
    return None if isinstance(value, PDFObjRef) else value


def _finite(value: Any) -> bool:
    """Whether a stream attribute (or each item of an array of them) resolves in _MAX_HOPS hops;
    pdfminer's decoder resolves /Filter and /DecodeParms with resolve1, which would not return."""
    items = value if isinstance(value, list) else [value]
    return all(not isinstance(v, PDFObjRef) or _resolve(v) is not None for v in items)


def _ranked(specs: Iterator[tuple[str, dict[str, Any]]]) -> list[tuple[str, dict[str, Any]]]:
    """The standard names first, then any other XML attachment; at most _MAX_TRIES."""
    known, other = [], []
    for name, spec in specs:
        lower = name.lower()
        if lower in KNOWN_NAMES:
            known.append((name, spec))
        elif lower.endswith(".xml"):
            other.append((name, spec))
    return [*known, *other][:_MAX_TRIES]


def _filename(spec: dict[str, Any]) -> str:
    return _text(_resolve(spec.get("UF"))) or _text(_resolve(spec.get("F")))


def _text(value: Any) -> str:
    if not isinstance(value, bytes):
        return value if isinstance(value, str) else ""
    if value.startswith((b"\xfe\xff", b"\xff\xfe")):
        return value.decode("utf-16", errors="replace")
    return value.decode("latin-1")


def _contents(spec: dict[str, Any], max_bytes: int) -> bytes | None:
    files = _resolve(spec.get("EF"))
    if not isinstance(files, dict):
        return None
    stream = _resolve(files.get("UF") or files.get("F"))
    if not isinstance(stream, PDFStream):
        return None
    params = _resolve(stream.get("Params"))
    declared = _resolve(params.get("Size")) if isinstance(params, dict) else None
    if isinstance(declared, int) and declared > max_bytes:
        return None
    if len(stream.rawdata or b"") > max_bytes:
        return None
    for key in ("Filter", "F", "DecodeParms", "DP"):
        value = stream.attrs.get(key)
        if not (_finite(value) and _finite(_resolve(value))):
            return None
    contents = stream.get_data()  # a bomb raises DecodeBudgetExceeded, caught by the caller
    return contents if len(contents) <= max_bytes else None

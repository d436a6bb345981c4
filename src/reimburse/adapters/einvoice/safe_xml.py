"""Parse untrusted XML with lxml, hardened: no entities, no DTD, no network, bounded size.

Why lxml and not the `factur-x` package: factur-x finds the XML in a PDF with pypdf (a second PDF
parser outside our decode budget) and then hands back bytes; it reads no invoice fields and knows
no UBL. What we need is a safe parser with namespace-aware lookups, which lxml is (maintained,
C-fast, and it can switch entity expansion and network access off at the parser).
An e-invoice never needs a DOCTYPE, so any document that declares one is refused outright: that
closes entity expansion ("billion laughs") and external entities (XXE) whatever the parser does.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

# A Peppol UBL invoice may carry its PDF rendering as base64; 16 MB is far above any real one.
MAX_XML_BYTES = 16 * 1024 * 1024


_DTD_MARKS = tuple(
    m.encode(e) for m in ("<!DOCTYPE", "<!ENTITY") for e in ("ascii", "utf-16-le", "utf-16-be")
)


def _size(n: int) -> str:
    return f"{n // 2**20} MB" if n >= 2**20 else f"{n} bytes"


class UnsafeXml(ValueError):
    """The bytes are not XML we are willing to read (hostile, oversized or malformed)."""


def parse(data: bytes, max_bytes: int = MAX_XML_BYTES) -> Any:
    """The root element of `data`. Raises UnsafeXml for a DOCTYPE, oversize or broken XML."""
    if len(data) > max_bytes:
        raise UnsafeXml(f"the XML is larger than {_size(max_bytes)}")
    # Before parsing, so no libxml2 version or option decides what a hostile DTD may do.
    if any(mark in data for mark in _DTD_MARKS):
        raise UnsafeXml("the XML declares a DOCTYPE or entities (refused)")
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        recover=False,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise UnsafeXml(f"the XML is malformed ({exc})") from exc
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise UnsafeXml("the XML declares a DOCTYPE (refused)")
    return root


def local(element: Any) -> str:
    """The element's name without its namespace ('' for comments and the like)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def namespace(element: Any) -> str:
    tag = element.tag
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""


def children(element: Any, *names: str) -> list[Any]:
    """Direct children whose local name is one of `names`."""
    return [c for c in element if local(c) in names]


def find_all(element: Any, *steps: str) -> list[Any]:
    """Elements at a path of local names; a step "A|B" accepts either name (standard versions)."""
    found = [element]
    for step in steps:
        names = step.split("|")
        found = [c for e in found for c in children(e, *names)]
    return found


def find(element: Any, *steps: str) -> Any | None:
    found = find_all(element, *steps)
    return found[0] if found else None


def text(element: Any, *steps: str) -> str | None:
    """Whitespace-collapsed text at the path, or None when absent or empty."""
    node = find(element, *steps) if steps else element
    if node is None:
        return None
    value = " ".join("".join(node.itertext()).split())
    return value or None

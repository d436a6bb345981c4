"""A DocumentReader that picks the reader for a file by its content, not its name.

A ZIP from a phone holds PDFs, photos and e-invoice XML side by side, often with wrong or missing
extensions; the first bytes tell what a file is. Each format's reader is a plain DocumentReader,
so the composite stays picklable for the process pool.
"""

from __future__ import annotations

from collections.abc import Mapping

from reimburse.domain.document import Document
from reimburse.domain.errors import UnsupportedFile
from reimburse.ports.document_reader import DocumentReader

PDF = "pdf"
IMAGE = "image"
XML = "xml"

_IMAGE_SIGNATURES = (
    b"\xff\xd8\xff",  # JPEG
    b"\x89PNG\r\n\x1a\n",
    b"II*\x00",  # TIFF, little-endian
    b"MM\x00*",  # TIFF, big-endian
    b"GIF87a",
    b"GIF89a",
    b"BM",  # BMP
)
_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif")


def sniff(data: bytes) -> str | None:
    """ "pdf", "image" or "xml" from the first bytes; None when the format is not one we read."""
    head = data[:1024]
    if b"%PDF-" in head:
        return PDF
    if head.startswith(_IMAGE_SIGNATURES) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return IMAGE
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return IMAGE
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"<"):
        return XML
    return None


class FormatSniffingDocumentReader:
    """Dispatches on the sniffed format to the reader registered for it."""

    def __init__(self, readers: Mapping[str, DocumentReader]) -> None:
        self.readers = dict(readers)

    def read(self, data: bytes, filename: str) -> Document:
        kind = sniff(data)
        reader = self.readers.get(kind) if kind else None
        if reader is None:
            accepted = ", ".join(sorted(self.readers)) or "none"
            what = f"a {kind} file" if kind else "not a format we read"
            raise UnsupportedFile(f"{filename} is {what}; accepted: {accepted}.")
        return reader.read(data, filename)

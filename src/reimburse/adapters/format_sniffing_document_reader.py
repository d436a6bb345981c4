"""A DocumentReader that picks the reader for a file by its content, not its name.

A ZIP from a phone holds PDFs, photos and e-invoice XML side by side, often with wrong or missing
extensions; the first bytes tell what a file is. Each format's reader is a plain DocumentReader,
so the composite stays picklable for the process pool.
"""

from __future__ import annotations

from collections.abc import Mapping

from reimburse.domain.errors import UnsupportedFile
from reimburse.domain.verdict.document import Document
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


_EXTENSIONS = {
    ".pdf": PDF,
    ".xml": XML,
    **dict.fromkeys(
        (".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".heic", ".heif", ".gif", ".bmp"), IMAGE
    ),
}


def _by_extension(filename: str) -> str | None:
    dot = filename.rfind(".")
    return _EXTENSIONS.get(filename[dot:].lower()) if dot >= 0 else None


class FormatSniffingDocumentReader:
    """Dispatches on the sniffed format to the reader registered for it."""

    def __init__(self, readers: Mapping[str, DocumentReader]) -> None:
        self.readers = dict(readers)

    def read(self, data: bytes, filename: str) -> Document:
        # Content decides; when it names no format, the extension picks the reader so the file
        # gets that reader's own diagnosis ("empty", "not a PDF file") instead of a generic one.
        kind = sniff(data) or _by_extension(filename)
        reader = self.readers.get(kind) if kind else None
        if reader is None:
            accepted = ", ".join(sorted(self.readers)) or "none"
            what = f"a {kind} file" if kind else "not a format we read"
            raise UnsupportedFile(f"{filename} is {what}; accepted: {accepted}.")
        return reader.read(data, filename)

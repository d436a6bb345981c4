"""The composite reader dispatches on content, whatever the file is called."""

from __future__ import annotations

import pytest

from reimburse.adapters.format_sniffing_document_reader import (
    IMAGE,
    PDF,
    XML,
    FormatSniffingDocumentReader,
    sniff,
)
from reimburse.domain.errors import UnsupportedFile
from reimburse.domain.verdict.document import Document


class RecordingReader:
    """A real DocumentReader that reports which format it was asked to read."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def read(self, data: bytes, filename: str) -> Document:
        return Document(filename=filename, sha256="0" * 64, text=self.kind)


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"%PDF-1.7\n", PDF),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", IMAGE),
        (b"\x89PNG\r\n\x1a\n\x00", IMAGE),
        (b"II*\x00\x08\x00", IMAGE),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", IMAGE),
        (b"\x00\x00\x00\x18ftypheic\x00\x00", IMAGE),
        (b'\xef\xbb\xbf<?xml version="1.0"?><Invoice/>', XML),
        (b"  <rsm:CrossIndustryInvoice/>", XML),
        (b"PK\x03\x04", None),
        (b"hello", None),
        (b"", None),
    ],
)
def test_sniff_tells_formats_by_their_first_bytes(head: bytes, kind: str | None) -> None:
    assert sniff(head) == kind


def test_dispatches_on_content_not_on_the_name() -> None:
    reader = FormatSniffingDocumentReader({PDF: RecordingReader(PDF), IMAGE: RecordingReader(IMAGE)})
    assert reader.read(b"%PDF-1.4 ...", "photo.jpg").text == PDF
    assert reader.read(b"\x89PNG\r\n\x1a\n....", "receipt.pdf").text == IMAGE


def test_a_format_without_a_reader_is_a_clear_per_file_error() -> None:
    reader = FormatSniffingDocumentReader({PDF: RecordingReader(PDF)})
    with pytest.raises(UnsupportedFile, match=r"notes\.txt is not a format we read; accepted: pdf"):
        reader.read(b"just some notes", "notes.txt")
    # no format in the content: the extension's reader gives its own diagnosis
    assert reader.read(b"", "empty.pdf").text == PDF
    with pytest.raises(UnsupportedFile, match="is a xml file; accepted: pdf"):
        reader.read(b"<Invoice/>", "peppol.xml")

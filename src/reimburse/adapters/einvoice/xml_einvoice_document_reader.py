"""DocumentReader for standalone e-invoice XML (Peppol UBL, CII / XRechnung) found in a ZIP.

The Document's `einvoice` is the XML read exactly; its `text` is a readable rendering, so the
text-based parts of the service (category, stored record, chat) work as for a PDF.
"""

from __future__ import annotations

import hashlib

from reimburse.adapters.einvoice.parse import NotAnEInvoice, read_einvoice
from reimburse.adapters.einvoice.render import render
from reimburse.adapters.einvoice.safe_xml import MAX_XML_BYTES, UnsafeXml
from reimburse.domain.errors import CorruptDocument, UnsupportedFile
from reimburse.domain.verdict.document import Document


class XmlEInvoiceDocumentReader:
    """Picklable (plain attributes only): the application runs it in a process pool."""

    def __init__(self, max_bytes: int = MAX_XML_BYTES) -> None:
        self.max_bytes = max_bytes

    def read(self, data: bytes, filename: str) -> Document:
        try:
            einvoice = read_einvoice(data, self.max_bytes)
        except UnsafeXml as exc:
            if "malformed" in str(exc):
                raise CorruptDocument(f"{filename} is damaged and cannot be read as XML: {exc}.") from exc
            raise UnsupportedFile(f"{filename} was not read: {exc}.") from exc
        except NotAnEInvoice as exc:
            raise UnsupportedFile(
                f"{filename} is XML but not an e-invoice: {exc}. Upload the invoice itself "
                "(PDF, or UBL / CII e-invoice XML)."
            ) from exc
        text = render(einvoice)
        return Document(
            filename=filename,
            sha256=hashlib.sha256(data).hexdigest(),
            text=text,
            pages=(text,),
            einvoice=einvoice,
        )

"""The original file of a stored invoice, scoped like the invoice itself."""

from __future__ import annotations

import msgspec

from reimburse.domain.access import Viewer
from reimburse.domain.documents import media_type
from reimburse.ports.document_store import DocumentStore
from reimburse.ports.invoice_store import InvoiceStore


class OriginalDocument(msgspec.Struct, frozen=True):
    filename: str
    media_type: str
    data: bytes


class GetDocument:
    def __init__(self, invoices: InvoiceStore, documents: DocumentStore) -> None:
        self._invoices = invoices
        self._documents = documents

    async def __call__(self, viewer: Viewer, invoice_id: str) -> OriginalDocument | None:
        """None for an unknown invoice, another employee's, or one analysed before originals were kept."""
        record = await self._invoices.get(invoice_id)
        if record is None or not viewer.may_read(record.employee_name):
            return None
        try:
            data = await self._documents.get(record.file_sha256)
        except ValueError:  # a record from before content addressing: no original was kept
            return None
        if data is None:
            return None
        return OriginalDocument(record.filename, media_type(data, record.filename), data)

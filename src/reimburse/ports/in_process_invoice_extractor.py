from __future__ import annotations

from typing import Protocol

from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.policy import Policy


class InProcessInvoiceExtractor(Protocol):
    """An InvoiceExtractor that needs no network: synchronous, CPU-bound and picklable, so the
    application runs it in the same pool task that reads the file. The document then never
    travels back to the serving process and out again (issue 15, bench item 2).

    Raises ExtractionError when no total is found, like InvoiceExtractor.
    """

    def read(self, document: Document, policy: Policy) -> Invoice: ...

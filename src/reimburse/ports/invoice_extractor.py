from __future__ import annotations

from typing import Protocol

from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.policy import Policy


class InvoiceExtractor(Protocol):
    """Reads invoice text into a structured Invoice. Raises ExtractionError when no total is found.

    The policy is passed so the extractor can suggest one of its categories (matching synonyms).
    """

    name: str

    async def extract(self, document: Document, policy: Policy) -> Invoice: ...

from __future__ import annotations

from typing import Protocol

from reimburse.domain.verdict.document import Document


class DocumentReader(Protocol):
    """Turns file bytes into text. Raises a DocumentError subclass for unreadable files.

    Synchronous and CPU-bound on purpose: the application runs it in a process pool, so
    implementations must be picklable.
    """

    def read(self, data: bytes, filename: str) -> Document: ...

from __future__ import annotations

from typing import Protocol

from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import Policy


class PolicyInterpreter(Protocol):
    """Reads policy text into a structured Policy. Raises PolicyError when no rule is found."""

    name: str

    async def interpret(self, document: Document) -> Policy: ...

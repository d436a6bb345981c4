from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Protocol

from reimburse.domain.chat.session import AnswerContext


class Answerer(Protocol):
    """Writes the chat answer from an AnswerContext, as a stream of text deltas."""

    name: str

    def answer(self, context: AnswerContext) -> AsyncIterator[str]: ...

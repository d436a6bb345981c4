"""DeterministicAnswerer: the Answerer port without a model.

Streams the deterministic answer (a precise sentence plus a markdown table) in a few chunks; the
use case has usually rendered it already (AnswerContext.deterministic_answer), and the same text
is rendered here when it has not.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from reimburse.domain.chat.answer_text import chunks, render_answer
from reimburse.domain.chat.session import AnswerContext


class DeterministicAnswerer:
    name = "offline"

    async def answer(self, context: AnswerContext) -> AsyncIterator[str]:
        text = context.deterministic_answer or render_answer(context)
        for piece in chunks(text):
            yield piece

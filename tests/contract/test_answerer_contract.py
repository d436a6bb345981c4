"""The Answerer port's contract, for every adapter: the offline one and Gemini (over the fake server).

Whatever writes the words, the answer streams as text deltas and carries the exact figures the
use case computed; a model that leaves them out, or whose stream breaks, still ends with them.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from reimburse.adapters.offline_answer.deterministic_answerer import DeterministicAnswerer
from reimburse.domain.chat.aggregates import AggregateBuilder
from reimburse.domain.chat.answer_text import render_answer
from reimburse.domain.chat.session import AnswerContext, Intent, QueryState
from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import InvoiceRecord
from reimburse.ports.answerer import Answerer
from tests.fakes.fake_gemini_server import FakeGeminiServer, Reply
from tests.fakes.gemini_kit import make_gateway


def _record(n: int, total: str, paid: str) -> InvoiceRecord:
    return InvoiceRecord(
        invoice_id=f"inv_{n}",
        employee_name="Rani Sharma",
        batch_id="b",
        policy_id="p",
        filename=f"cab-{n}.pdf",
        file_sha256=str(n),
        analyzed_at=datetime(2025, 1, 1, tzinfo=UTC),
        submitted_on=date(2024, 7, 1),
        status="partially_reimbursed",
        reason="Capped at the cab limit.",
        total_amount=Decimal(total),
        reimbursement_amount=Decimal(paid),
        currency="INR",
        categories=("cab",),
        invoice_date=date(2024, 6, n),
    )


def _context() -> AnswerContext:
    records = (_record(1, "1234.50", "500.00"), _record(2, "812.40", "500.00"))
    builder = AggregateBuilder()
    for r in records:
        builder.add(r)
    flt = InvoiceFilter(employee_names=("Rani Sharma",), categories=("cab",))
    ctx = AnswerContext(
        question="How much did Rani claim for cabs?",
        intent=Intent.SUM,
        filters=flt,
        records=records,
        aggregate=builder.result(),
        query=QueryState(intent=Intent.SUM, filters=flt, category_labels=("cab",)),
    )
    return AnswerContext(
        **{**{f: getattr(ctx, f) for f in ctx.__struct_fields__}, "deterministic_answer": render_answer(ctx)}
    )


def _plain(text: str) -> str:
    return re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)


@pytest.fixture
def server() -> Iterator[FakeGeminiServer]:
    with FakeGeminiServer() as fake:
        yield fake


@pytest.fixture(params=["offline", "gemini"])
async def answerer(request: pytest.FixtureRequest, server: FakeGeminiServer) -> AsyncIterator[Answerer]:
    if request.param == "offline":
        yield DeterministicAnswerer()
        return
    from reimburse.adapters.gemini.answerer import GeminiAnswerer

    # a model that answers vaguely, without the figures: the adapter must still deliver them
    server.script(Reply.stream(["Rani claimed a fair amount ", "for cab rides."]))
    gateway = make_gateway(server, max_retries=1)
    yield GeminiAnswerer(gateway)
    await gateway.aclose()


async def test_the_answer_streams_as_text_deltas(answerer: Answerer) -> None:
    assert isinstance(answerer.name, str) and answerer.name
    deltas = [d async for d in answerer.answer(_context())]
    assert deltas and all(isinstance(d, str) for d in deltas)
    assert "".join(deltas).strip()


async def test_the_answer_carries_the_exact_figures(answerer: Answerer) -> None:
    text = _plain("".join([d async for d in answerer.answer(_context())]))
    assert "2046.90" in text  # total claimed: 1234.50 + 812.40
    assert "1000.00" in text  # total reimbursed

"""The offline answer: a precise sentence, a markdown table, amounts in their currency, chunks that join back."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from reimburse.adapters.offline_answer.deterministic_answerer import DeterministicAnswerer
from reimburse.domain.chat.aggregates import AggregateBuilder
from reimburse.domain.chat.answer_text import chunks, render_answer
from reimburse.domain.chat.session import AnswerContext, Intent, Metric, PolicyClause, QueryState
from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import InvoiceRecord
from reimburse.domain.verdict.money_format import format_amounts, format_money
from reimburse.domain.verdict.policy import CapRule, CapUnit


def rec(
    i: int, total: str, paid: str, currency: str = "INR", status: str = "partially_reimbursed"
) -> InvoiceRecord:
    return InvoiceRecord(
        invoice_id=f"inv_{i}",
        employee_name="Rani Sharma",
        batch_id="b",
        policy_id="p",
        filename=f"cab_{i}|x.pdf",
        file_sha256=str(i),
        analyzed_at=datetime(2025, 1, 1, tzinfo=UTC),
        submitted_on=date(2024, 7, 1),
        status=status,
        reason="Capped at the cab limit.",
        total_amount=Decimal(total),
        reimbursement_amount=Decimal(paid),
        currency=currency,
        categories=("cab",),
        invoice_date=date(2024, 6, 3),
        invoice_number=f"N-{i}",
    )


def context(intent: Intent, records: list[InvoiceRecord], **query: object) -> AnswerContext:
    flt = InvoiceFilter(
        employee_names=("Rani Sharma",),
        categories=("cab",),
        date_from=date(2024, 6, 1),
        date_to=date(2024, 6, 30),
    )
    state = QueryState(intent=intent, filters=flt, category_labels=("cab",), **query)  # type: ignore[arg-type]
    builder = AggregateBuilder()
    for r in records:
        builder.add(r)
    aggregate = builder.result() if intent in (Intent.COUNT, Intent.SUM, Intent.AVERAGE) else None
    return AnswerContext(
        question="q",
        intent=intent,
        filters=flt,
        records=tuple(records),
        aggregate=aggregate,
        query=state,
        total_matches=len(records),
    )


def test_money_is_formatted_in_its_currency() -> None:
    assert format_money(Decimal("1234.5"), "INR") == "₹1,234.50"
    assert format_money(Decimal("12"), "EUR") == "€12.00"
    assert format_money(Decimal("3.1"), "USD") == "$3.10"
    assert format_money(Decimal("1234.5"), "CHF") == "1,234.50 CHF"
    assert format_money(Decimal("1234.5"), "JPY") == "¥1,235"
    assert format_money(Decimal("-5"), "GBP") == "-£5.00"
    assert format_amounts({"INR": Decimal(1), "EUR": Decimal(2)}) == "€2.00 and ₹1.00"


def test_a_sum_states_both_amounts_per_currency_and_tabulates_the_records() -> None:
    records = [rec(1, "1234.50", "1000.00"), rec(2, "100.00", "100.00"), rec(3, "12.00", "6.00", "EUR")]
    text = render_answer(context(Intent.SUM, records))
    first = text.split("\n\n")[0]
    assert first == (
        "The **3** invoices for Rani Sharma in the cab category in June 2024 total **€12.00 and ₹1,334.50**, "
        "of which €6.00 and ₹1,100.00 was reimbursed."
    )
    assert "| Employee | File | Date | Status | Total | Reimbursed |" in text
    assert (
        "| Rani Sharma | cab\\_1\\|x.pdf | 3 Jun 2024 | partially reimbursed | ₹1,234.50 | ₹1,000.00 |"
        in text
    )


def test_the_reimbursed_metric_leads_when_asked_for() -> None:
    text = render_answer(context(Intent.SUM, [rec(1, "200.00", "150.00")], metric=Metric.REIMBURSED))
    assert text.startswith("**₹150.00** was reimbursed for the **1** invoice for Rani Sharma")


def test_counts_averages_and_empty_answers() -> None:
    records = [rec(1, "10.00", "5.00"), rec(2, "20.01", "0.00", status="declined")]
    assert render_answer(context(Intent.COUNT, records)).startswith(
        "There are **2** invoices for Rani Sharma"
    )
    average = render_answer(context(Intent.AVERAGE, records))
    assert "**₹15.01** per invoice (average reimbursed: ₹2.50)" in average
    assert (
        render_answer(context(Intent.LIST, []))
        == "I found no invoices for Rani Sharma in the cab category in June 2024."
    )


def test_policy_answers_state_the_cap_and_quote_the_clause() -> None:
    clause = "Local cab rides are reimbursed up to INR 500 per ride."
    ctx = AnswerContext(
        question="cab limit?",
        intent=Intent.POLICY,
        filters=InvoiceFilter(),
        records=(),
        aggregate=None,
        clauses=(PolicyClause("cap-cab", clause),),
        query=QueryState(intent=Intent.POLICY),
        caps=(CapRule("cap-cab", "cab", Decimal(500), "INR", CapUnit.RIDE, clause),),
    )
    text = render_answer(ctx)
    assert "The policy caps **cab** at **₹500.00 per ride**." in text
    assert f"> {clause}" in text and text.count(clause) == 1


def test_record_text_is_escaped_not_interpreted() -> None:
    r = rec(1, "1.00", "1.00")
    evil = InvoiceRecord(
        **{**{f: getattr(r, f) for f in r.__struct_fields__}, "employee_name": "**x** | [y](z)"}
    )
    text = render_answer(context(Intent.LIST, [evil]))
    assert "\\*\\*x\\*\\* \\| \\[y\\](z)" in text


async def test_the_stream_joins_back_to_the_synchronous_text() -> None:
    records = [rec(i, f"{i}.00", "1.00") for i in range(1, 30)]
    ctx = context(Intent.LIST, records)
    expected = render_answer(ctx)
    pieces = [p async for p in DeterministicAnswerer().answer(ctx)]
    assert len(pieces) > 2
    assert "".join(pieces) == expected == "".join(chunks(expected))
    # when the use case has rendered it already, exactly that text is streamed
    prefilled = [
        p
        async for p in DeterministicAnswerer().answer(
            AnswerContext(
                **{**{f: getattr(ctx, f) for f in ctx.__struct_fields__}, "deterministic_answer": "exact"}
            )
        )
    ]
    assert "".join(prefilled) == "exact"

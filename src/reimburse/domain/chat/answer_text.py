"""The deterministic answer: one precise sentence from exact figures, then a markdown table.

Pure text from an AnswerContext, so the offline answerer streams it and the Gemini answerer can
fall back to exactly the same words. Record fields are data: they are escaped, never interpreted.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import msgspec

from reimburse.domain.chat.aggregates import averages
from reimburse.domain.chat.query_scope import format_day, invoices_phrase
from reimburse.domain.chat.query_vocabulary import STATUS_LABELS
from reimburse.domain.chat.session import Aggregate, AnswerContext, GroupBy, Intent, Metric, Order, QueryState
from reimburse.domain.record import InvoiceRecord
from reimburse.domain.verdict.money_format import format_amounts, format_money

MAX_ROWS = 20
_MARKDOWN = re.compile(r"([\\`*_\[\]<>|#])")
_UNIT_WORDS = {
    "meal": "per meal",
    "trip": "per trip",
    "night": "per night",
    "day": "per day",
    "ride": "per ride",
    "month": "per month",
    "invoice": "per invoice",
}
_GROUP_TITLES = {
    GroupBy.EMPLOYEE: "Employee",
    GroupBy.CATEGORY: "Category",
    GroupBy.STATUS: "Status",
    GroupBy.MONTH: "Month",
}


def escape(text: str) -> str:
    return _MARKDOWN.sub(r"\\\1", " ".join(text.split()))


def _status(status: str) -> str:
    return STATUS_LABELS.get(status, status.replace("_", " "))


def _final_status(r: InvoiceRecord) -> str:
    """What was decided: the reviewer's status when there is a decision, and it says so."""
    return f"{_status(r.final_status)} (reviewed)" if r.review is not None else _status(r.status)


def _decisions_note(ctx: AnswerContext) -> str:
    decided = ctx.aggregate.decided if ctx.aggregate is not None else 0
    decided = max(decided, sum(r.review is not None for r in ctx.records))
    if not decided:
        return ""
    which = "invoice was" if decided == 1 else "invoices were"
    return f"_{decided} {which} decided by a reviewer: the decided amounts and statuses are used._"


def _n(count: int, noun: str = "invoice") -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def records_table(records: tuple[InvoiceRecord, ...] | list[InvoiceRecord]) -> str:
    lines = ["| Employee | File | Date | Status | Total | Reimbursed |", "|---|---|---|---|---:|---:|"]
    for r in records:
        when = format_day(r.invoice_date) if r.invoice_date else "—"
        lines.append(
            f"| {escape(r.employee_name)} | {escape(r.filename)} | {when} | {_final_status(r)} "
            f"| {format_money(r.total_amount, r.currency)} | {format_money(r.final_amount, r.currency)} |"
        )
    return "\n".join(lines)


def groups_table(agg: Aggregate) -> str:
    title = _GROUP_TITLES.get(agg.group_by or GroupBy.EMPLOYEE, "Group")
    lines = [f"| {title} | Invoices | Total | Reimbursed |", "|---|---:|---:|---:|"]
    for g in agg.groups:
        key = _status(g.key) if agg.group_by is GroupBy.STATUS else g.key
        lines.append(
            f"| {escape(key)} | {g.count} | {format_amounts(g.totals)} | {format_amounts(g.reimbursed)} |"
        )
    return "\n".join(lines)


def _query(ctx: AnswerContext) -> QueryState:
    return ctx.query or QueryState(intent=ctx.intent, filters=ctx.filters)


def _matches(ctx: AnswerContext) -> int:
    if ctx.aggregate is not None:
        return ctx.aggregate.count
    return ctx.total_matches if ctx.total_matches is not None else len(ctx.records)


def _table_block(ctx: AnswerContext, q: QueryState, total: int) -> list[str]:
    shown = ctx.records[:MAX_ROWS]
    if not shown:
        return []
    out = []
    if total > len(shown):
        how = {Order.AMOUNT_DESC: "largest", Order.AMOUNT_ASC: "smallest"}.get(
            q.order, "most recently analysed"
        )
        out.append(f"Showing the {len(shown)} {how} of {total}:")
    out.append(records_table(shown))
    return out


def _leader(agg: Aggregate, q: QueryState, metric_amounts: bool) -> str:
    if not agg.groups or q.group_by is None or q.order is Order.NEWEST or agg.group_by is GroupBy.MONTH:
        return ""
    top = agg.groups[0]
    most = "least" if q.order is Order.AMOUNT_ASC else "most"
    if not metric_amounts:
        return f"**{escape(top.key)}** has the {most} invoices: {top.count}."
    amounts = top.reimbursed if q.metric is Metric.REIMBURSED else top.totals
    verb = "was reimbursed the" if q.metric is Metric.REIMBURSED else "claimed the"
    return f"**{escape(top.key)}** {verb} {most}: {format_amounts(amounts)} across {_n(top.count)}."


def _count(ctx: AnswerContext, q: QueryState) -> list[str]:
    agg = ctx.aggregate
    n = _matches(ctx)
    if n == 0:
        return [f"There are no {invoices_phrase(q)}."]
    verb = "is" if n == 1 else "are"
    out = [f"There {verb} **{n}** {invoices_phrase(q, n)}."]
    if q.share and ctx.base_count and q.filters.statuses:
        whole = msgspec.structs.replace(q, filters=msgspec.structs.replace(q.filters, statuses=()))
        share = (Decimal(n * 100) / Decimal(ctx.base_count)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        labels = " or ".join(_status(s) for s in q.filters.statuses)
        out = [
            f"**{n}** of the **{ctx.base_count}** {invoices_phrase(whole, ctx.base_count)} (**{share}%**) "
            f"were {labels}."
        ]
    if agg is not None and agg.groups:
        lead = _leader(agg, q, metric_amounts=False)
        out += [lead] if lead else []
        out.append(groups_table(agg))
    return out + _table_block(ctx, q, n)


def _sum(ctx: AnswerContext, q: QueryState) -> list[str]:
    agg = ctx.aggregate
    if agg is None or agg.count == 0:
        return [f"There are no {invoices_phrase(q)}, so there is nothing to add up."]
    phrase = invoices_phrase(q, agg.count)
    claimed, paid = format_amounts(agg.totals), format_amounts(agg.reimbursed)
    if q.metric is Metric.REIMBURSED:
        out = [f"**{paid}** was reimbursed for the **{agg.count}** {phrase} (claimed: {claimed})."]
    else:
        out = [f"The **{agg.count}** {phrase} total **{claimed}**, of which {paid} was reimbursed."]
    if len(agg.totals) > 1:
        out.append("Amounts in different currencies are reported separately, never added together.")
    if agg.groups:
        lead = _leader(agg, q, metric_amounts=True)
        out += [lead] if lead else []
        out.append(groups_table(agg))
    return out + _table_block(ctx, q, agg.count)


def _average(ctx: AnswerContext, q: QueryState) -> list[str]:
    agg = ctx.aggregate
    if agg is None or agg.count == 0:
        return [f"There are no {invoices_phrase(q)}, so there is no average."]
    phrase = invoices_phrase(q, agg.count)
    avg_total = format_amounts(averages(agg.totals, agg.counts))
    avg_paid = format_amounts(averages(agg.reimbursed, agg.counts))
    if q.metric is Metric.REIMBURSED:
        out = [
            f"The average reimbursement for the **{agg.count}** {phrase} is **{avg_paid}** per invoice "
            f"(average claimed: {avg_total})."
        ]
    else:
        out = [
            f"The average total of the **{agg.count}** {phrase} is **{avg_total}** per invoice "
            f"(average reimbursed: {avg_paid})."
        ]
    if agg.groups:
        out.append(groups_table(agg))
    return out + _table_block(ctx, q, agg.count)


def _list(ctx: AnswerContext, q: QueryState) -> list[str]:
    n = _matches(ctx)
    if n == 0:
        return [f"I found no {invoices_phrase(q)}."]
    if q.limit == 1 and ctx.records and q.order is not Order.NEWEST:
        r = ctx.records[0]
        which = "most expensive" if q.order is Order.AMOUNT_DESC else "least expensive"
        when = f", {format_day(r.invoice_date)}" if r.invoice_date else ""
        return [
            f"The {which} of the **{n}** {invoices_phrase(q, n)} is **{escape(r.filename)}** "
            f"({escape(r.employee_name)}{when}): {format_money(r.total_amount, r.currency)} total, "
            f"{format_money(r.final_amount, r.currency)} reimbursed, {_final_status(r)}.",
            records_table([r]),
        ]
    out = [f"I found **{n}** {invoices_phrase(q, n)}."]
    if ctx.aggregate is not None and ctx.aggregate.groups:
        out.append(groups_table(ctx.aggregate))
    return out + _table_block(ctx, q, n)


def _lookup(ctx: AnswerContext, q: QueryState) -> list[str]:
    ref = escape(q.invoice_ref or "")
    if not ctx.records:
        return [f"I found no invoice matching “{ref}”."]
    if len(ctx.records) > 1:
        return [f"**{len(ctx.records)}** invoices match “{ref}”:", records_table(ctx.records[:MAX_ROWS])]
    r = ctx.records[0]
    number = (
        f"Invoice **{escape(r.invoice_number)}** ({escape(r.filename)})"
        if r.invoice_number
        else f"Invoice **{escape(r.filename)}**"
    )
    when = f", dated {format_day(r.invoice_date)}," if r.invoice_date else ""
    out = [
        f"{number} for {escape(r.employee_name)}{when} was **{_final_status(r)}**: "
        f"{format_money(r.final_amount, r.currency)} of {format_money(r.total_amount, r.currency)} reimbursed."
    ]
    if r.review is not None:
        out.append(
            f"The engine's verdict was {_status(r.status)} ({format_money(r.reimbursement_amount, r.currency)}); "
            f"reviewer {escape(r.review.reviewer)} decided to {r.review.action} it."
        )
    if r.reason.strip():
        out.append(f"Reason: {escape(r.reason)}")
    return [*out, records_table([r])]


def _general(ctx: AnswerContext, q: QueryState, text: str) -> list[str]:
    agg = ctx.aggregate
    if text:
        if not ctx.records:
            return [f"No stored invoice mentions “{escape(text)}”."]
        return [
            f"These {_n(len(ctx.records))} best match “{escape(text)}”:",
            records_table(ctx.records[:MAX_ROWS]),
        ]
    if agg is None or agg.count == 0:
        return ["No invoices have been analysed yet. Upload a policy and a ZIP of invoices to get started."]
    by_status = ", ".join(f"{g.count} {_status(g.key)}" for g in agg.groups) if agg.groups else ""
    out = [f"There are **{agg.count}** stored invoices" + (f": {by_status}." if by_status else ".")]
    if agg.totals:
        claimed, paid = format_amounts(agg.totals), format_amounts(agg.reimbursed)
        out.append(f"They total {claimed}, of which {paid} was reimbursed.")
    out.append(
        "Ask about an employee, a status, a category or a period, for example "
        "“how much was reimbursed for meals last month?”."
    )
    return out + _table_block(ctx, q, agg.count)


def _policy(ctx: AnswerContext) -> list[str]:
    out: list[str] = []
    for cap in ctx.caps:
        unit = _UNIT_WORDS.get(str(cap.unit), f"per {cap.unit}")
        out.append(
            f"The policy caps **{escape(cap.category)}** at **{format_money(cap.amount, cap.currency)} {unit}**."
        )
    quoted = list(dict.fromkeys(c.clause.strip() for c in ctx.clauses if c.clause.strip()))
    quoted += [c.clause.strip() for c in ctx.caps if c.clause.strip() and c.clause.strip() not in quoted]
    if not quoted and not out:
        return ["I couldn't find a policy clause about that."]
    if quoted:
        out.append("The policy says:" if not ctx.caps else "From the policy:")
        out += ["> " + escape(c) for c in quoted]
    return out


def render_answer(ctx: AnswerContext) -> str:
    q = _query(ctx)
    intent = q.intent
    if ctx.allowances:  # what is left of the limits is the answer, exact as computed
        return "\n\n".join(
            [*(escape(a) for a in ctx.allowances), *(f"_Note: {escape(n)}_" for n in ctx.notes)]
        )
    if intent is Intent.POLICY:
        parts = _policy(ctx)
    elif intent is Intent.LOOKUP:
        parts = _lookup(ctx, q)
    elif intent is Intent.COUNT:
        parts = _count(ctx, q)
    elif intent is Intent.SUM:
        parts = _sum(ctx, q)
    elif intent is Intent.AVERAGE:
        parts = _average(ctx, q)
    elif intent is Intent.GENERAL:
        parts = _general(ctx, q, q.text)
    else:
        parts = _list(ctx, q)
    if intent is not Intent.POLICY:
        parts.append(_decisions_note(ctx))
    parts += [f"_Note: {escape(n)}_" for n in ctx.notes]
    return "\n\n".join(p for p in parts if p)


def chunks(text: str, rows_per_chunk: int = 8) -> list[str]:
    """The answer in a few pieces (paragraphs, tables in groups of rows) that join back exactly."""
    pieces: list[str] = []
    for para in re.split(r"(?<=\n\n)", text):
        lines = para.splitlines(keepends=True)
        if len(lines) <= rows_per_chunk:
            pieces.append(para)
            continue
        pieces += ["".join(lines[i : i + rows_per_chunk]) for i in range(0, len(lines), rows_per_chunk)]
    return [p for p in pieces if p]


__all__ = ["MAX_ROWS", "chunks", "escape", "groups_table", "records_table", "render_answer"]

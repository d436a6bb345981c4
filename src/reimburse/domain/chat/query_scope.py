"""A query's conditions in words: "declined invoices for Rani Sharma in the meals category in June 2024"."""

from __future__ import annotations

import calendar
from datetime import date
from decimal import Decimal

from reimburse.domain.chat.query_vocabulary import STATUS_LABELS
from reimburse.domain.chat.session import QueryState
from reimburse.domain.verdict.money_format import format_money


def format_day(d: date) -> str:
    return f"{d.day} {calendar.month_abbr[d.month]} {d.year}"


def _or(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


def describe_period(start: date | None, end: date | None) -> str:
    if start and end:
        if start == end:
            return f"on {format_day(start)}"
        whole_months = start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]
        if whole_months and start.year == end.year:
            if start.month == 1 and end.month == 12:
                return f"in {start.year}"
            if start.month == end.month:
                return f"in {calendar.month_name[start.month]} {start.year}"
            if end.month - start.month == 2 and start.month % 3 == 1:
                return f"in Q{start.month // 3 + 1} {start.year}"
        if whole_months:
            first = f"{calendar.month_name[start.month]} {start.year}"
            return f"from {first} to {calendar.month_name[end.month]} {end.year}"
        return f"from {format_day(start)} to {format_day(end)}"
    if start:
        return f"since {format_day(start)}"
    if end:
        return f"up to {format_day(end)}"
    return ""


def describe_amounts(lo: Decimal | None, hi: Decimal | None, currency: str | None) -> str:
    def money(v: Decimal) -> str:
        return format_money(v, currency) if currency else f"{v:,.2f}"

    if lo is not None and hi is not None:
        if lo == hi:
            return f"with a total of exactly {money(lo)}"
        return f"with a total between {money(lo)} and {money(hi)}"
    if lo is not None:
        return f"with a total of at least {money(lo)}"
    if hi is not None:
        return f"with a total of at most {money(hi)}"
    return ""


def invoices_phrase(q: QueryState, count: int | None = None) -> str:
    """The noun phrase for the invoices a query covers; singular when `count` is 1."""
    f = q.filters
    noun = "invoice" if count == 1 else "invoices"
    statuses = [STATUS_LABELS.get(s, s.replace("_", " ")) for s in f.statuses]
    if set(f.statuses) == {"fully_reimbursed", "partially_reimbursed"}:
        statuses = ["fully or partially reimbursed"]
    head = f"{_or(statuses)} {noun}" if statuses else noun
    parts = [head]
    if f.employee_names:
        parts.append(f"for {_or(list(f.employee_names))}")
    labels = list(q.category_labels) or list(f.categories)
    if labels:
        word = "category" if len(labels) == 1 else "categories"
        parts.append(f"in the {_or(labels)} {word}")
    period = describe_period(f.date_from, f.date_to)
    if period:
        parts.append(period)
    amounts = describe_amounts(f.min_amount, f.max_amount, q.currency)
    if amounts:
        parts.append(amounts)
    if q.currency and not amounts:
        parts.append(f"in {q.currency}")
    if q.text:
        parts.append(f"mentioning “{q.text}”")
    return " ".join(parts)


__all__ = ["describe_amounts", "describe_period", "format_day", "invoices_phrase"]

""" "How much of my meal allowance is left this month?": what is left of the limits that span invoices,
from the same claim ledger the engine judges by (issue 13). Pure: the use case brings the caps, the
ledger and the day the question is about."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal

import msgspec

from reimburse.domain.verdict.fx import day_text
from reimburse.domain.verdict.ledger import Ledger, period_text, window
from reimburse.domain.verdict.money import quantize
from reimburse.domain.verdict.policy import CapRule, Period

_LEFT = re.compile(
    r"(?i)\b(?:left|remaining|remains?|unused|leftover|balance|still\s+(?:claim|spend|use|get|have))\b"
)
_LIMIT = re.compile(r"(?i)\b(?:allowances?|limits?|caps?|budgets?|entitlements?|quota)\b|\bhow\s+much\b")


def asks_allowance_left(question: str) -> bool:
    """A question about what is left of a limit, not about what was paid."""
    return bool(_LEFT.search(question) and _LIMIT.search(question))


class AllowanceLeft(msgspec.Struct, frozen=True):
    category: str
    limit: Decimal
    currency: str
    period: str  # "per day", "per month", "in any 3-year period"
    start: date
    end: date  # the last day of the period
    used: Decimal
    left: Decimal
    granted_on: tuple[date, ...] = ()
    claims_limit: int = 0  # a count cap: claims allowed, and claims left
    claims_left: int = 0
    clause: str = ""


def allowances_left(caps: Sequence[CapRule], ledger: Ledger, on: date) -> tuple[AllowanceLeft, ...]:
    """What is left, on `on`, of every cap shared over a period or a number of claims."""
    out = []
    for cap in caps:
        if not cap.spans_invoices:
            continue
        usage = ledger.used(cap, on, cap.currency)
        if cap.period_length > 1:  # the fullest window holding `on`: what is left must fit in it
            days = [e.on for e in usage.entries] or [on]
            start, end = min(days), max(days)
        else:
            start, after = window(cap.period, 1, on)
            end = after - timedelta(days=1)
        count = cap.claims > 0
        out.append(
            AllowanceLeft(
                category=cap.category,
                limit=cap.amount,
                currency=cap.currency,
                period=period_text(cap),
                start=start,
                end=end,
                used=usage.amount,
                left=cap.amount if count else quantize(max(cap.amount - usage.amount, Decimal(0))),
                granted_on=tuple(sorted({e.on for e in usage.entries})),
                claims_limit=cap.claims,
                claims_left=max(cap.claims - usage.claims, 0),
                clause=cap.clause,
            )
        )
    return tuple(out)


def _period_words(row: AllowanceLeft, period: Period, length: int) -> str:
    if length > 1:
        return f"in the {length}-{period.value} period holding {day_text(row.end)}"
    if period is Period.DAY:
        return f"on {day_text(row.start)}"
    if period is Period.MONTH:
        return f"in {row.start:%B %Y}"
    if period is Period.YEAR:
        return f"in {row.start.year}"
    return f"from {day_text(row.start)} to {day_text(row.end)}"


def allowance_lines(rows: Sequence[AllowanceLeft], caps: Sequence[CapRule], employee: str) -> tuple[str, ...]:
    """One exact sentence per limit: the limit, what was granted in the period, what is left."""
    by_clause = {(c.category, c.clause): c for c in caps}
    lines = []
    for row in rows:
        cap = by_clause.get((row.category, row.clause))
        period, length = (cap.period, cap.period_length) if cap else (Period.INVOICE, 1)
        when = _period_words(row, period, length)
        name = row.category.capitalize()
        if row.claims_limit:
            lines.append(
                f"{name}: {row.claims_limit} claim{'s' if row.claims_limit > 1 else ''} {row.period}, "
                f"each up to {row.limit} {row.currency}; {employee} has {row.claims_left} left {when}."
            )
            continue
        granted = (
            f"{quantize(row.used)} {row.currency} was granted to {employee} (on "
            + ", ".join(day_text(d) for d in row.granted_on)
            + ")"
            if row.granted_on
            else f"nothing was granted to {employee} yet"
        )
        lines.append(
            f"{name}: {row.limit} {row.currency} {row.period}; {when} {granted}, "
            f"so {row.left} {row.currency} is left."
        )
    return tuple(lines)

"""Deterministic follow-up questions: built from what was asked, phrased so the parser understands them."""

from __future__ import annotations

from reimburse.domain.chat.query_scope import describe_period
from reimburse.domain.chat.session import Intent, Metric, QueryState

MAX_SUGGESTIONS = 3


def suggest(q: QueryState, employees: tuple[str, ...] = ()) -> list[str]:
    """Up to three questions that move one step from `q`: another status, a sum, a breakdown.

    `employees` are stored names the viewer may see; one of them may be offered as a next subject.
    """
    f = q.filters
    who = f" for {f.employee_names[0]}" if len(f.employee_names) == 1 else ""
    period = describe_period(f.date_from, f.date_to)
    when = f" {period}" if period else ""
    label = (q.category_labels or f.categories or ("",))[0]
    what = f" {label}" if label else ""
    out: list[str] = []
    if q.intent is Intent.POLICY:
        topic = label or "meal"
        out += [
            f"How many{what or ' ' + topic} invoices were declined?",
            f"How much was reimbursed for {topic} this year?",
            "Which invoices were partially reimbursed?",
        ]
        return out[:MAX_SUGGESTIONS]
    if q.intent is Intent.LOOKUP:
        return [
            "Which invoices were declined?",
            "How much was reimbursed this month?",
            "Show the partially reimbursed invoices",
        ]
    if q.intent is not Intent.SUM or q.metric is not Metric.REIMBURSED:
        out.append(f"How much was reimbursed{who}{' for' + what if what else ''}{when}?")
    if "declined" not in f.statuses:
        out.append(f"Which{what} invoices{who}{when} were declined?")
    elif "partially_reimbursed" not in f.statuses:
        out.append(f"Which{what} invoices{who}{when} were partially reimbursed?")
    if q.group_by is None and not f.employee_names:
        out.append(f"Show the total{what and ' for' + what}{when} by employee")
    elif q.group_by is None and not f.categories:
        out.append(f"Show the total{who}{when} by category")
    if not period:
        out.append(f"How many{what} invoices{who} were submitted last month?")
    others = [e for e in employees if e not in f.employee_names]
    if f.employee_names and others:
        out.append(f"What about {others[0]}?")
    if q.intent is not Intent.COUNT:
        out.append(f"How many{what} invoices{who}{when} were fully reimbursed?")
    return list(dict.fromkeys(out))[:MAX_SUGGESTIONS]


__all__ = ["MAX_SUGGESTIONS", "suggest"]

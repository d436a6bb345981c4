"""What is left of an employee's period limits, for the chat (issue 13): the caps of the policy the
employee's latest claim was judged under, and the same ledger the engine judges by."""

from __future__ import annotations

from datetime import date

from reimburse.application.ledger import ledger_spans, load_ledger
from reimburse.domain.chat.allowance import allowance_lines, allowances_left
from reimburse.domain.filters import InvoiceFilter
from reimburse.ports.invoice_store import InvoiceStore
from reimburse.ports.policy_store import PolicyStore


def reference_day(flt: InvoiceFilter, today: date) -> date:
    """Today, unless the question names a period without it ("in March"): then its last day."""
    if (flt.date_from is None or flt.date_from <= today) and (flt.date_to is None or today <= flt.date_to):
        return today
    return flt.date_to or flt.date_from or today


async def allowance_left(
    invoices: InvoiceStore, policies: PolicyStore, flt: InvoiceFilter, today: date
) -> tuple[str, ...]:
    """Exact sentences on what is left; `flt` is the question's filter, already narrowed to the viewer."""
    if len(flt.employee_names) != 1:
        return ("Name one employee to see what is left of their limits.",)
    latest = await invoices.find(InvoiceFilter(employee_names=flt.employee_names), 1, 0)
    employee = latest.items[0].employee_name if latest.items else flt.employee_names[0]
    policy = await policies.get(latest.items[0].policy_id) if latest.items else await policies.latest()
    if policy is None:
        return ("No policy has been analysed yet, so there is no limit to measure against.",)
    caps = [
        c for c in policy.caps if c.spans_invoices and (not flt.categories or c.category in flt.categories)
    ]
    if not caps:
        what = " or ".join(flt.categories) if flt.categories else "any category"
        return (f"The policy sets no limit per period or number of claims for {what}.",)
    day = reference_day(flt, today)
    spans = ledger_spans(caps, (day,))  # issue 15: the periods holding the day, not all history
    ledger = await load_ledger(invoices, employee, tuple(sorted({c.category for c in caps})), spans)
    rows = allowances_left(caps, ledger, day)
    return allowance_lines(rows, caps, employee)

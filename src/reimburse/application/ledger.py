"""The claim ledger of one employee, as the stored invoices say it (issue 13).

A record's grant is its *final* amount: a reviewer's adjusted or rejected amount replaces the
engine's, so a decision frees (or spends) the limit for later claims without any other write.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import InvoiceRecord
from reimburse.domain.verdict.ledger import Ledger, LedgerEntry, reach
from reimburse.domain.verdict.money import Money
from reimburse.domain.verdict.policy import CapRule, Policy
from reimburse.domain.verdict.verdict import RuleEffect
from reimburse.ports.invoice_store import InvoiceStore


def ledger_entry(record: InvoiceRecord) -> LedgerEntry | None:
    """The grant a stored invoice counts for (None when it cannot be placed in a period)."""
    if record.invoice_date is None or not record.categories:
        return None
    caps = tuple(a.rule_id for a in record.rules_applied if a.effect is RuleEffect.CAP)
    return LedgerEntry(
        record.invoice_id,
        record.categories[0],
        record.invoice_date,
        Money(record.final_amount, record.currency),
        caps,
    )


def spanning_categories(policy: Policy) -> tuple[str, ...]:
    return tuple(sorted({c.category for c in policy.caps if c.spans_invoices}))


Span = tuple[date, date]  # [first, last) days


def ledger_spans(caps: Iterable[CapRule], days: Iterable[date]) -> dict[str, Span]:
    """Per category, the days of every grant its limits can count for invoices dated on `days`
    (issue 15: a batch needs the periods around its own dates, not the employee's whole history).
    No category when there is no day: an undated invoice is judged alone."""
    on = set(days)
    spans: dict[str, Span] = {}
    for cap in (c for c in caps if c.spans_invoices):
        for day in on:
            first, last = reach(cap, day)
            if (known := spans.get(cap.category)) is not None:
                first, last = min(first, known[0]), max(last, known[1])
            spans[cap.category] = (first, last)
    return spans


async def load_ledger(
    store: InvoiceStore,
    employee_name: str,
    categories: tuple[str, ...],
    spans: Mapping[str, Span] | None = None,
) -> Ledger:
    """The employee's grants in the given categories, from every stored batch: all of them, or,
    with `spans`, those dated within their category's span (one store read per distinct span).
    Empty (and no store read) when no limit of the policy spans invoices."""
    if not categories:
        return Ledger()
    if spans is None:
        reads = [InvoiceFilter(employee_names=(employee_name,), categories=categories)]
    else:
        by_span: dict[Span, list[str]] = {}
        for category in categories:
            if (span := spans.get(category)) is not None:
                by_span.setdefault(span, []).append(category)
        reads = [
            InvoiceFilter(
                employee_names=(employee_name,),
                categories=tuple(group),
                date_from=first,
                date_to=last - timedelta(days=1),  # the store's bounds are inclusive
            )
            for (first, last), group in sorted(by_span.items())
        ]
    found: dict[str, LedgerEntry] = {}  # a record in two categories may come from two reads
    for flt in reads:
        async for record in store.iterate(flt):
            if (entry := ledger_entry(record)) is not None:
                found[entry.invoice_id] = entry
    return Ledger(tuple(sorted(found.values(), key=lambda e: (e.on, e.invoice_id))))

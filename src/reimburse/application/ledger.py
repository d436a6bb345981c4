"""The claim ledger of one employee, as the stored invoices say it (issue 13).

A record's grant is its *final* amount: a reviewer's adjusted or rejected amount replaces the
engine's, so a decision frees (or spends) the limit for later claims without any other write.
"""

from __future__ import annotations

from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import InvoiceRecord
from reimburse.domain.verdict.ledger import Ledger, LedgerEntry
from reimburse.domain.verdict.money import Money
from reimburse.domain.verdict.policy import Policy
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


async def load_ledger(store: InvoiceStore, employee_name: str, categories: tuple[str, ...]) -> Ledger:
    """Every grant of the employee in the given categories, from every stored batch. Empty (and no
    store read) when no limit of the policy spans invoices."""
    if not categories:
        return Ledger()
    flt = InvoiceFilter(employee_names=(employee_name,), categories=categories)
    entries = [e async for r in store.iterate(flt) if (e := ledger_entry(r)) is not None]
    return Ledger(tuple(sorted(entries, key=lambda e: (e.on, e.invoice_id))))

"""Batches and policies as seen through the stored invoices: counts and sums per status.

Both are derived by one pass over the viewer's invoices (the batch id and the policy id are
indexed, so one batch costs only its own invoices); nothing is stored twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal

import msgspec

from reimburse.domain.access import AccessDenied, Viewer
from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import InvoiceRecord
from reimburse.ports.invoice_store import InvoiceStore
from reimburse.ports.policy_store import PolicyStore

MAX_PAGE = 500


class StatusTotals(msgspec.Struct, frozen=True):
    """One status in one currency (amounts in different currencies are never added)."""

    status: str
    currency: str
    count: int
    total_amount: Decimal
    reimbursement_amount: Decimal
    final_amount: Decimal


class BatchView(msgspec.Struct, frozen=True):
    batch_id: str
    employee_name: str
    policy_id: str
    policy_filename: str
    created_at: datetime
    invoice_count: int
    review_required_count: int
    decided_count: int
    pending_review_count: int
    by_status: list[StatusTotals]  # the engine's verdicts
    by_final_status: list[StatusTotals]  # what is paid, decisions applied


class PolicySummary(msgspec.Struct, frozen=True):
    policy_id: str
    filename: str
    first_seen: datetime
    last_used: datetime
    invoice_count: int
    category_count: int
    rule_count: int
    version: int
    title: str


def _totals(records: Iterable[InvoiceRecord], final: bool) -> list[StatusTotals]:
    sums: dict[tuple[str, str], list[Decimal]] = {}
    for r in records:
        key = (r.final_status if final else r.status, r.currency)
        acc = sums.setdefault(key, [Decimal(0), Decimal(0), Decimal(0), Decimal(0)])
        acc[0] += 1
        acc[1] += r.total_amount
        acc[2] += r.reimbursement_amount
        acc[3] += r.final_amount
    return [
        StatusTotals(status, currency, int(acc[0]), acc[1], acc[2], acc[3])
        for (status, currency), acc in sorted(sums.items())
    ]


def batch_view(records: list[InvoiceRecord]) -> BatchView:
    first = min(records, key=lambda r: r.analyzed_at)
    return BatchView(
        batch_id=first.batch_id,
        employee_name=first.employee_name,
        policy_id=first.policy_id,
        policy_filename=first.policy_filename,
        created_at=first.analyzed_at,
        invoice_count=len(records),
        review_required_count=sum(r.review_required for r in records),
        decided_count=sum(r.review is not None for r in records),
        pending_review_count=sum(r.review_required and r.review is None for r in records),
        by_status=_totals(records, final=False),
        by_final_status=_totals(records, final=True),
    )


class ListBatches:
    def __init__(self, invoices: InvoiceStore) -> None:
        self._invoices = invoices

    async def __call__(
        self, viewer: Viewer, flt: InvoiceFilter, limit: int, offset: int
    ) -> tuple[list[BatchView], int]:
        """Newest batch first; employees see only their own."""
        groups: dict[str, list[InvoiceRecord]] = {}
        async for record in self._invoices.iterate(viewer.restrict(flt)):
            groups.setdefault(record.batch_id, []).append(record)
        views = sorted((batch_view(rs) for rs in groups.values()), key=lambda b: b.created_at, reverse=True)
        limit, offset = min(max(limit, 1), MAX_PAGE), max(offset, 0)
        return views[offset : offset + limit], len(views)


class GetBatch:
    def __init__(self, invoices: InvoiceStore) -> None:
        self._invoices = invoices

    async def __call__(self, viewer: Viewer, batch_id: str) -> BatchView | None:
        flt = viewer.restrict(InvoiceFilter(batch_id=batch_id))
        records = [r async for r in self._invoices.iterate(flt)]
        return batch_view(records) if records else None


class ListPolicies:
    def __init__(self, invoices: InvoiceStore, policies: PolicyStore) -> None:
        self._invoices = invoices
        self._policies = policies

    async def __call__(self, viewer: Viewer) -> list[PolicySummary]:
        """Every policy that stored invoices were judged under, most recently used first."""
        if not viewer.sees_everything:
            raise AccessDenied("the list of policies is for reviewers and admins")
        seen: dict[str, tuple[datetime, datetime, int, str]] = {}
        async for r in self._invoices.iterate(InvoiceFilter()):
            first, last, count, name = seen.get(r.policy_id, (r.analyzed_at, r.analyzed_at, 0, ""))
            if r.analyzed_at <= first and r.policy_filename:
                name = r.policy_filename
            name = name or r.policy_filename
            seen[r.policy_id] = (min(first, r.analyzed_at), max(last, r.analyzed_at), count + 1, name)
        out = []
        for policy_id, (first, last, count, name) in seen.items():
            policy = await self._policies.get(policy_id)
            categories = len(policy.categories) if policy else 0
            rules = (
                len(policy.caps)
                + len(policy.exclusions)
                + len(policy.amounts)
                + (policy.deadline is not None)
                if policy
                else 0
            )
            out.append(
                PolicySummary(
                    policy_id=policy_id,
                    filename=name,
                    first_seen=first,
                    last_used=last,
                    invoice_count=count,
                    category_count=categories,
                    rule_count=rules,
                    version=policy.version if policy else 1,
                    title=policy.title if policy else "",
                )
            )
        return sorted(out, key=lambda p: p.last_used, reverse=True)

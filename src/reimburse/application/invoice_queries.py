"""Reading stored invoices and policies, always through the viewer's scope."""

from __future__ import annotations

from reimburse.application.results import AnalysisResult
from reimburse.domain.access import Viewer
from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.verdict.policy import Policy
from reimburse.ports.invoice_store import InvoiceStore
from reimburse.ports.policy_store import PolicyStore

MAX_PAGE = 500


class ListInvoices:
    def __init__(self, invoices: InvoiceStore) -> None:
        self._invoices = invoices

    async def __call__(
        self, viewer: Viewer, flt: InvoiceFilter, limit: int, offset: int
    ) -> tuple[list[AnalysisResult], int]:
        page = await self._invoices.find(viewer.restrict(flt), min(max(limit, 1), MAX_PAGE), max(offset, 0))
        return [AnalysisResult.from_record(r) for r in page.items], page.total


class GetInvoice:
    def __init__(self, invoices: InvoiceStore) -> None:
        self._invoices = invoices

    async def __call__(self, viewer: Viewer, invoice_id: str) -> AnalysisResult | None:
        record = await self._invoices.get(invoice_id)
        # someone else's invoice is reported as absent, so ids cannot be probed
        if record is None or not viewer.may_read(record.employee_name):
            return None
        return AnalysisResult.from_record(record)


class GetPolicy:
    def __init__(self, policies: PolicyStore) -> None:
        self._policies = policies

    async def __call__(self, policy_id: str) -> Policy | None:
        return await self._policies.get(policy_id)

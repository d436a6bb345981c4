"""GET /invoices, /invoices/{id} and /policies/{id}: stored results, scoped to the caller."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import msgspec
from litestar import Controller, get
from litestar.params import Parameter

from reimburse.application.invoice_queries import GetInvoice, GetPolicy, ListInvoices
from reimburse.application.results import AnalysisResult
from reimburse.domain.access import Viewer
from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.policy import CapRule, Category, DeadlineRule, ExclusionRule, Policy
from reimburse.domain.verdict import Status
from reimburse.http.errors import ApiError


class InvoicePage(msgspec.Struct, frozen=True):
    items: list[AnalysisResult]
    total: int
    limit: int
    offset: int


class PolicyRule(msgspec.Struct, frozen=True):
    rule_id: str
    effect: str
    clause: str


class PolicyView(msgspec.Struct, frozen=True):
    policy_id: str
    title: str
    currency: str
    interpreter: str
    categories: tuple[Category, ...]
    caps: tuple[CapRule, ...]
    exclusions: tuple[ExclusionRule, ...]
    deadline: DeadlineRule | None
    rules: list[PolicyRule]

    @classmethod
    def of(cls, p: Policy) -> PolicyView:
        rules = [PolicyRule(f"category:{c.name}", "category", c.clause) for c in p.categories]
        rules += [PolicyRule(c.rule_id, "cap", c.clause) for c in p.caps]
        rules += [PolicyRule(e.rule_id, "exclude", e.clause) for e in p.exclusions]
        if p.deadline:
            rules.append(PolicyRule(p.deadline.rule_id, "deadline", p.deadline.clause))
        return cls(
            p.policy_id, p.title, p.currency, p.interpreter, p.categories, p.caps, p.exclusions, p.deadline, rules
        )


STATUSES = [s.value for s in Status]


class InvoicesController(Controller):
    path = "/"
    tags = ["invoices"]

    @get("/invoices", summary="Stored invoice results, newest first")
    async def list_invoices(
        self,
        list_invoices: ListInvoices,
        viewer: Viewer,
        employee_name: str | None = Parameter(default=None, max_length=100),
        status: str | None = Parameter(default=None, max_length=40),
        category: str | None = Parameter(default=None, max_length=60),
        date_from: date | None = None,
        date_to: date | None = None,
        min_amount: Decimal | None = Parameter(default=None, ge=0),
        max_amount: Decimal | None = Parameter(default=None, ge=0),
        limit: int = Parameter(default=50, ge=1, le=500),
        offset: int = Parameter(default=0, ge=0, le=1_000_000),
    ) -> InvoicePage:
        if status is not None and status not in STATUSES:
            raise ApiError(400, f"status must be one of {', '.join(STATUSES)}", field="status")
        flt = InvoiceFilter(
            employee_names=(employee_name,) if employee_name else (),
            statuses=(status,) if status else (),
            categories=(category.lower(),) if category else (),
            date_from=date_from,
            date_to=date_to,
            min_amount=min_amount,
            max_amount=max_amount,
        )
        items, total = await list_invoices(viewer, flt, limit, offset)
        return InvoicePage(items, total, limit, offset)

    @get("/invoices/{invoice_id:str}", summary="One stored invoice result")
    async def get_invoice(self, invoice_id: str, get_invoice: GetInvoice, viewer: Viewer) -> AnalysisResult:
        result = await get_invoice(viewer, invoice_id)
        if result is None:
            raise ApiError(404, f"invoice {invoice_id} was not found")
        return result

    @get("/policies/{policy_id:str}", summary="The interpreted policy, with the clause of every rule")
    async def get_policy(self, policy_id: str, get_policy: GetPolicy) -> PolicyView:
        policy = await get_policy(policy_id)
        if policy is None:
            raise ApiError(404, f"policy {policy_id} was not found")
        return PolicyView.of(policy)

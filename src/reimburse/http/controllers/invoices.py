"""GET /invoices, /invoices/{id} and /policies/{id}: stored results, scoped to the caller."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

import msgspec
from litestar import Controller, get
from litestar.di import NamedDependency
from litestar.params import FromPath, QueryParameter

from reimburse.application.invoice_queries import GetInvoice, GetPolicy, ListInvoices
from reimburse.application.results import AnalysisResult
from reimburse.domain.access import Viewer
from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.verdict.policy import (
    AmountRule,
    CapRule,
    Category,
    DeadlineRule,
    ExclusionRule,
    Policy,
    ProcessRule,
)
from reimburse.domain.verdict.verdict import Status
from reimburse.http.dates import DAY_DESCRIPTION, calendar_day
from reimburse.http.errors import ApiError
from reimburse.http.openapi_docs import errors


class InvoicePage(msgspec.Struct, frozen=True):
    items: list[AnalysisResult]
    total: int
    limit: int
    offset: int


class PolicyRule(msgspec.Struct, frozen=True):
    rule_id: str
    effect: str
    clause: str
    # Issue 19 (additive): what the rule is (limit, rate, approval_threshold, advance, example,
    # exclusion, deadline, category, process), when it applies, and how sure the reader is.
    type: str = ""
    condition: str | None = None
    confidence: float = 1.0
    needs_review: bool = False


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
    amounts: tuple[AmountRule, ...] = ()
    process_rules: tuple[ProcessRule, ...] = ()
    version: int = 1
    corrected: bool = False  # rules an admin wrote (a correction, a policy-as-data file)

    @classmethod
    def of(cls, p: Policy) -> PolicyView:
        rules = [PolicyRule(f"category:{c.name}", "category", c.clause, "category") for c in p.categories]
        rules += [
            PolicyRule(
                c.rule_id,
                "cap",
                c.clause,
                "limit",
                c.scope or None,  # the meal of a per-meal limit, and its condition
                c.confidence,
                c.needs_review or (c.condition is not None and bool(c.condition.other)),
            )
            for c in p.caps
        ]
        rules += [
            PolicyRule(
                a.rule_id,
                a.kind.value,
                a.clause,
                a.kind.value,
                a.condition.text if a.condition else None,
                a.confidence,
                a.needs_review,
            )
            for a in p.amounts
        ]
        rules += [
            PolicyRule(
                e.rule_id,
                "exclude",
                e.clause,
                "exclusion",
                e.condition or None,
                e.confidence,
                e.confidence < 0.6 or bool(e.condition),  # a reviewer checks the condition
            )
            for e in p.exclusions
        ]
        if p.deadline:
            rules.append(PolicyRule(p.deadline.rule_id, "deadline", p.deadline.clause, "deadline"))
        rules += [
            PolicyRule(
                r.rule_id,
                "process",
                r.clause,
                "process",
                None if r.checked else "not checked automatically",
                needs_review=not r.checked,
            )
            for r in p.process_rules
        ]
        return cls(
            p.policy_id,
            p.title,
            p.currency,
            p.interpreter,
            p.categories,
            p.caps,
            p.exclusions,
            p.deadline,
            rules,
            p.amounts,
            p.process_rules,
            p.version,
            p.corrected,
        )


STATUSES = [s.value for s in Status]


class InvoicesController(Controller):
    path = "/"
    tags = ["invoices"]

    @get("/invoices", summary="Stored invoice results, newest first", responses=errors())
    async def list_invoices(
        self,
        list_invoices: NamedDependency[ListInvoices],
        viewer: NamedDependency[Viewer],
        employee_name: Annotated[str | None, QueryParameter(max_length=100)] = None,
        status: Annotated[str | None, QueryParameter(max_length=40)] = None,
        category: Annotated[str | None, QueryParameter(max_length=60)] = None,
        date_from: Annotated[str | None, QueryParameter(max_length=40, description=DAY_DESCRIPTION)] = None,
        date_to: Annotated[str | None, QueryParameter(max_length=40, description=DAY_DESCRIPTION)] = None,
        min_amount: Annotated[Decimal | None, QueryParameter()] = None,
        max_amount: Annotated[Decimal | None, QueryParameter()] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=500)] = 50,
        offset: Annotated[int, QueryParameter(ge=0, le=1_000_000)] = 0,
    ) -> InvoicePage:
        for name, amount in (("min_amount", min_amount), ("max_amount", max_amount)):
            if amount is not None and (not amount.is_finite() or amount < 0):
                raise ApiError(400, f"{name} must be a non-negative number", field=name)
        days: dict[str, date | None] = {}
        for name, text in (("date_from", date_from), ("date_to", date_to)):
            try:
                days[name] = calendar_day(text) if text is not None else None
            except ValueError:
                raise ApiError(400, f"{name} must be {DAY_DESCRIPTION}", field=name) from None
        if status is not None and status not in STATUSES:
            raise ApiError(400, f"status must be one of {', '.join(STATUSES)}", field="status")
        flt = InvoiceFilter(
            employee_names=(employee_name,) if employee_name else (),
            statuses=(status,) if status else (),
            categories=(category.lower(),) if category else (),
            date_from=days["date_from"],
            date_to=days["date_to"],
            min_amount=min_amount,
            max_amount=max_amount,
        )
        items, total = await list_invoices(viewer, flt, limit, offset)
        return InvoicePage(items, total, limit, offset)

    @get("/invoices/{invoice_id:str}", summary="One stored invoice result", responses=errors(404))
    async def get_invoice(
        self,
        invoice_id: FromPath[str],
        get_invoice: NamedDependency[GetInvoice],
        viewer: NamedDependency[Viewer],
    ) -> AnalysisResult:
        result = await get_invoice(viewer, invoice_id)
        if result is None:
            raise ApiError(404, f"invoice {invoice_id} was not found")
        return result

    @get(
        "/policies/{policy_id:str}",
        summary="The interpreted policy, with the clause of every rule",
        responses=errors(404),
    )
    async def get_policy(
        self,
        policy_id: FromPath[str],
        get_policy: NamedDependency[GetPolicy],
        viewer: NamedDependency[Viewer],
    ) -> PolicyView:
        policy = await get_policy(policy_id)
        if policy is None:
            raise ApiError(404, f"policy {policy_id} was not found")
        return PolicyView.of(policy)

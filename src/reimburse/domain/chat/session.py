"""Chat session values: messages, sources, and what an answerer is allowed to see."""

from __future__ import annotations

import enum
from datetime import datetime
from decimal import Decimal

import msgspec

from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import InvoiceRecord
from reimburse.domain.verdict.policy import CapRule


class Intent(enum.StrEnum):
    LIST = "list"
    COUNT = "count"
    SUM = "sum"
    AVERAGE = "average"
    LOOKUP = "lookup"
    POLICY = "policy"
    GENERAL = "general"


class Metric(enum.StrEnum):
    """Which amount a sum or average is about: what was claimed, or what was paid back."""

    TOTAL = "total"
    REIMBURSED = "reimbursed"


class GroupBy(enum.StrEnum):
    EMPLOYEE = "employee"
    CATEGORY = "category"
    STATUS = "status"
    MONTH = "month"


class Order(enum.StrEnum):
    NEWEST = "newest"
    AMOUNT_DESC = "amount_desc"
    AMOUNT_ASC = "amount_asc"


class QueryState(msgspec.Struct, frozen=True):
    """What one question asked for, kept with the session so a follow-up can lean on it."""

    intent: Intent
    filters: InvoiceFilter = InvoiceFilter()
    metric: Metric = Metric.TOTAL
    group_by: GroupBy | None = None
    currency: str | None = None
    order: Order = Order.NEWEST
    limit: int | None = None
    invoice_ref: str | None = None
    category_labels: tuple[str, ...] = ()
    text: str = ""  # words left for the text search
    share: bool = False  # a count asked as a percentage of the same invoices without the status filter


class Source(msgspec.Struct, frozen=True):
    document_id: str
    filename: str
    employee_name: str
    status: str
    similarity_score: float
    excerpt: str


class ChatMessage(msgspec.Struct, frozen=True):
    message_id: str
    session_id: str
    role: str  # "user" | "assistant"
    content: str
    timestamp: datetime
    owner: str | None = None
    sources: tuple[Source, ...] = ()
    intent: str | None = None
    filters: InvoiceFilter | None = None
    query: QueryState | None = None


class GroupFigures(msgspec.Struct, frozen=True):
    key: str
    count: int
    totals: dict[str, Decimal]
    reimbursed: dict[str, Decimal]


class Aggregate(msgspec.Struct, frozen=True):
    """Exact figures over the whole filtered set, computed from the store, never by a model."""

    count: int
    totals: dict[str, Decimal]  # currency -> sum of total_amount
    reimbursed: dict[str, Decimal]  # currency -> sum of final_amount (decided, else the engine's)
    by_group: dict[str, int] = msgspec.field(default_factory=dict)
    counts: dict[str, int] = msgspec.field(default_factory=dict)  # currency -> invoices
    group_by: GroupBy | None = None
    groups: tuple[GroupFigures, ...] = ()  # in display order
    decided: int = 0  # invoices counted with a reviewer's decided amount


class PolicyClause(msgspec.Struct, frozen=True):
    rule_id: str
    clause: str


class AnswerContext(msgspec.Struct, frozen=True):
    """Everything an answerer may use. Record text is data to quote, never instructions."""

    question: str
    intent: Intent
    filters: InvoiceFilter
    records: tuple[InvoiceRecord, ...]
    aggregate: Aggregate | None
    clauses: tuple[PolicyClause, ...] = ()
    deterministic_answer: str = ""
    query: QueryState | None = None
    scope: str = ""  # the conditions in words, e.g. "for Rani Sharma, declined, in June 2024"
    total_matches: int | None = None  # records matching overall; `records` may be the first page
    caps: tuple[CapRule, ...] = ()  # policy caps for the categories asked about
    notes: tuple[str, ...] = ()  # caveats the answer must state (ambiguous name, unused words...)
    base_count: int | None = None  # for a share: how many invoices there are without the status filter
    # "How much of my meal allowance is left?": exact sentences from the claim ledger (issue 13).
    allowances: tuple[str, ...] = ()

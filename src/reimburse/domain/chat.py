"""Chat session values: messages, sources, and what an answerer is allowed to see."""

from __future__ import annotations

import enum
from datetime import datetime
from decimal import Decimal

import msgspec

from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import InvoiceRecord


class Intent(enum.StrEnum):
    LIST = "list"
    COUNT = "count"
    SUM = "sum"
    AVERAGE = "average"
    LOOKUP = "lookup"
    POLICY = "policy"
    GENERAL = "general"


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


class Aggregate(msgspec.Struct, frozen=True):
    """Exact figures over the whole filtered set, computed from the store, never by a model."""

    count: int
    totals: dict[str, Decimal]  # currency -> sum of total_amount
    reimbursed: dict[str, Decimal]  # currency -> sum of reimbursement_amount
    by_group: dict[str, int] = msgspec.field(default_factory=dict)


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

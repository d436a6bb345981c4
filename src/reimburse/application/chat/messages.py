"""What the chat use cases take and return, shaped like the wire contract (API_CONTRACT.md, Chat)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import msgspec

from reimburse.domain.chat.session import Source


class ExplicitFilters(msgspec.Struct, frozen=True):
    """The request's `filters`: each one given replaces what the question itself said."""

    employee_name: str | None = None
    status: str | None = None
    categories: tuple[str, ...] = ()  # any of them (the contract's `category` and `categories`)
    date_from: date | None = None
    date_to: date | None = None
    min_amount: Decimal | None = None
    max_amount: Decimal | None = None


class ChatRequest(msgspec.Struct, frozen=True):
    query: str
    session_id: str | None = None
    filters: ExplicitFilters | None = None
    include_sources: bool = True


class ChatAnswer(msgspec.Struct, frozen=True):
    response: str
    session_id: str
    sources: list[Source]
    retrieved_documents: int
    query_type: str
    confidence_score: float
    suggestions: list[str]
    timestamp: datetime
    # additions to the contract: what was understood, and how many invoices matched in all
    intent: str = "general"
    understood: str = ""
    matched_documents: int = 0


class ChatStarted(msgspec.Struct, frozen=True, tag="metadata"):
    session_id: str
    sources: list[Source]
    retrieved_documents: int
    query_type: str
    confidence_score: float
    intent: str


class ChatDelta(msgspec.Struct, frozen=True, tag="content"):
    delta: str


class ChatSuggestions(msgspec.Struct, frozen=True, tag="suggestions"):
    suggestions: list[str]


class ChatFailed(msgspec.Struct, frozen=True, tag="error"):
    error: str
    message: str


class ChatDone(msgspec.Struct, frozen=True, tag="done"):
    answer: ChatAnswer


ChatEvent = ChatStarted | ChatDelta | ChatSuggestions | ChatFailed | ChatDone


class HistoryEntry(msgspec.Struct, frozen=True, omit_defaults=True):
    role: str
    content: str
    timestamp: datetime
    sources: list[Source] | None = None


class HistoryDeleted(msgspec.Struct, frozen=True):
    success: bool
    message: str
    session_id: str
    deleted_messages: int = 0

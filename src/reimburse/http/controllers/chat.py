"""POST /chat, POST /chat/stream, GET and DELETE /chat/history/{session_id}."""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

import msgspec
from litestar import Controller, Response, delete, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from litestar.response import Stream

from reimburse.application.chat.answer_question import AnswerQuestion, PreparedAnswer
from reimburse.application.chat.history import DeleteHistory, GetHistory
from reimburse.application.chat.messages import (
    ChatAnswer,
    ChatDelta,
    ChatDone,
    ChatEvent,
    ChatFailed,
    ChatRequest,
    ChatStarted,
    ChatSuggestions,
    ExplicitFilters,
    HistoryDeleted,
    HistoryEntry,
)
from reimburse.config import Settings
from reimburse.domain.access import Viewer
from reimburse.domain.errors import DomainError
from reimburse.http.dates import DAY_DESCRIPTION, DayText, calendar_day
from reimburse.http.errors import ApiError
from reimburse.http.openapi_docs import ChatStreamOperation, errors
from reimburse.http.sse import frame, with_pings

log = logging.getLogger("reimburse.http")

SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no", "Connection": "keep-alive"}
SESSION_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$")
MAX_AMOUNT = Decimal("1e12")
QUERY_CEILING = 100_000  # decoded before the configured limit is checked; keeps a huge body cheap

SessionIdText = Annotated[str, msgspec.Meta(min_length=1, max_length=128)]
CategoryText = Annotated[str, msgspec.Meta(max_length=60)]


class ChatFiltersBody(msgspec.Struct, frozen=True):
    employee_name: Annotated[str, msgspec.Meta(max_length=100)] | None = None
    status: Literal["fully_reimbursed", "partially_reimbursed", "declined"] | None = None
    category: CategoryText | None = None
    # the original clients send a list; either or both may be given (any listed category matches)
    categories: Annotated[list[CategoryText], msgspec.Meta(max_length=20)] | None = None
    date_from: DayText | None = None
    date_to: DayText | None = None
    min_amount: Decimal | None = None
    max_amount: Decimal | None = None


class ChatBody(msgspec.Struct, frozen=True):
    query: Annotated[str, msgspec.Meta(min_length=1, max_length=QUERY_CEILING)]
    session_id: SessionIdText | None = None
    filters: ChatFiltersBody | None = None
    include_sources: bool = True


def _check_session_id(session_id: str) -> None:
    if not SESSION_ID.match(session_id):
        raise ApiError(
            400,
            "session_id must be 1-128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit",
            field="session_id",
        )


def _amount(value: Decimal | None, field: str) -> Decimal | None:
    if value is None:
        return None
    if not value.is_finite() or value < 0 or value > MAX_AMOUNT:
        raise ApiError(
            400, f"{field} must be a number between 0 and {MAX_AMOUNT:,.0f}", field=f"filters.{field}"
        )
    return value


def _day(value: str | None, field: str) -> date | None:
    if value is None:
        return None
    try:
        return calendar_day(value)
    except ValueError:
        raise ApiError(400, f"{field} must be {DAY_DESCRIPTION}", field=f"filters.{field}") from None


def _filters(body: ChatFiltersBody | None) -> ExplicitFilters | None:
    if body is None:
        return None
    lo, hi = _amount(body.min_amount, "min_amount"), _amount(body.max_amount, "max_amount")
    if lo is not None and hi is not None and lo > hi:
        raise ApiError(400, "min_amount must not exceed max_amount", field="filters.min_amount")
    date_from, date_to = _day(body.date_from, "date_from"), _day(body.date_to, "date_to")
    if date_from and date_to and date_from > date_to:
        raise ApiError(400, "date_from must not be after date_to", field="filters.date_from")
    named = [body.category] if body.category else []
    categories = tuple(dict.fromkeys(c.strip().lower() for c in named + (body.categories or []) if c.strip()))
    return ExplicitFilters(
        employee_name=body.employee_name,
        status=body.status,
        categories=categories,
        date_from=date_from,
        date_to=date_to,
        min_amount=lo,
        max_amount=hi,
    )


def _request(body: ChatBody, settings: Settings) -> ChatRequest:
    query = body.query.strip()
    if not query:
        raise ApiError(400, "query must not be empty", field="query")
    if len(query) > settings.chat_max_query_length:
        raise ApiError(
            400, f"query must be at most {settings.chat_max_query_length} characters", field="query"
        )
    if body.session_id is not None:
        _check_session_id(body.session_id)
    return ChatRequest(query, body.session_id, _filters(body.filters), body.include_sources)


def _frame(event: ChatEvent) -> bytes:
    if isinstance(event, ChatStarted):
        return frame("metadata", msgspec.structs.asdict(event))
    if isinstance(event, ChatDelta):
        return frame("content", event.delta)
    if isinstance(event, ChatSuggestions):
        return frame("suggestions", event.suggestions)
    if isinstance(event, ChatFailed):
        return frame("error", msgspec.structs.asdict(event))
    return frame("done", event.answer)


async def _sse(use_case: AnswerQuestion, prepared: PreparedAnswer) -> AsyncIterator[bytes]:
    done = False
    try:
        async for event in use_case.events(prepared):
            done = done or isinstance(event, ChatDone)
            yield _frame(event)
    except (DomainError, OSError) as exc:  # the headers are gone: report in-band, then end
        log.error("chat stream failed: %s", exc)
        yield frame("error", {"error": getattr(exc, "code", "StreamError"), "message": str(exc)})
    if not done:
        yield frame("done", None)


class ChatController(Controller):
    path = "/chat"
    tags = ["chat"]

    @post(
        "/", status_code=200, summary="Ask a question about the stored invoices", responses=errors(413, 415)
    )
    async def chat(
        self,
        data: JSONBody[ChatBody],
        answer_question: NamedDependency[AnswerQuestion],
        settings: NamedDependency[Settings],
        viewer: NamedDependency[Viewer],
    ) -> ChatAnswer:
        return await answer_question(viewer, _request(data, settings))

    @post(
        "/stream",
        status_code=200,
        summary="Ask a question; the answer streams as Server-Sent Events",
        responses=errors(413, 415),
        operation_class=ChatStreamOperation,
    )
    async def chat_stream(
        self,
        data: JSONBody[ChatBody],
        answer_question: NamedDependency[AnswerQuestion],
        settings: NamedDependency[Settings],
        viewer: NamedDependency[Viewer],
    ) -> Response[Any]:
        # understood and retrieved before the first byte, so refusals are still real HTTP errors
        prepared = await answer_question.prepare(viewer, _request(data, settings))
        frames = with_pings(_sse(answer_question, prepared), settings.sse_ping_seconds)
        return Stream(frames, media_type="text/event-stream", headers=SSE_HEADERS)

    @get(
        "/history/{session_id:str}",
        summary="A chat session's turns, oldest first ([] for a session with no turns)",
        responses=errors(404),
    )
    async def history(
        self,
        session_id: FromPath[str],
        get_history: NamedDependency[GetHistory],
        viewer: NamedDependency[Viewer],
    ) -> list[HistoryEntry]:
        _check_session_id(session_id)
        return await get_history(viewer, session_id)

    @delete(
        "/history/{session_id:str}",
        status_code=200,
        summary="Delete a chat session's turns",
        responses=errors(404),
    )
    async def delete_history(
        self,
        session_id: FromPath[str],
        delete_history: NamedDependency[DeleteHistory],
        viewer: NamedDependency[Viewer],
    ) -> HistoryDeleted:
        _check_session_id(session_id)
        return await delete_history(viewer, session_id)

"""AnswerQuestion: a question (+ session, + explicit filters) -> a grounded answer, streamed or whole.

parse -> restrict to what the viewer may see -> retrieve and compute exactly over the whole
filtered set -> answerer -> both turns stored with their owner. /chat and /chat/stream run the same
stream, so the streamed text always equals the whole answer.
"""

from __future__ import annotations

import functools
import logging
import uuid
from collections.abc import AsyncIterator
from datetime import datetime, timedelta

import msgspec

from reimburse.application.chat.allowance import allowance_left
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
)
from reimburse.application.chat.retrieval import InvoiceRetrieval, Retrieved
from reimburse.domain.access import AccessDenied, Viewer
from reimburse.domain.chat.allowance import asks_allowance_left
from reimburse.domain.chat.answer_text import MAX_ROWS, render_answer
from reimburse.domain.chat.query_scope import invoices_phrase
from reimburse.domain.chat.query_understanding import ParsedQuery, Vocabulary, understand
from reimburse.domain.chat.query_vocabulary import CategoryTerm, build_categories
from reimburse.domain.chat.session import AnswerContext, ChatMessage, Intent, QueryState, Source
from reimburse.domain.chat.suggestions import suggest
from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import InvoiceRecord
from reimburse.ports.answerer import Answerer
from reimburse.ports.chat_store import ChatStore
from reimburse.ports.clock import Clock
from reimburse.ports.invoice_store import InvoiceStore
from reimburse.ports.policy_store import PolicyStore

log = logging.getLogger(__name__)

EXCERPT_CHARS = 240
_NOBODY = "\x00nobody"


def apply_explicit(state: QueryState, explicit: ExplicitFilters | None) -> QueryState:
    """The request's filters replace the parsed ones, dimension by dimension."""
    if explicit is None:
        return state
    f = state.filters
    changes: dict[str, object] = {}
    labels = state.category_labels
    if explicit.employee_name and explicit.employee_name.strip():
        changes["employee_names"] = (explicit.employee_name.strip(),)
    if explicit.status:
        changes["statuses"] = (explicit.status,)
    if explicit.categories:
        changes["categories"] = labels = explicit.categories
    if explicit.date_from is not None:
        changes["date_from"] = explicit.date_from
    if explicit.date_to is not None:
        changes["date_to"] = explicit.date_to
    if explicit.min_amount is not None:
        changes["min_amount"] = explicit.min_amount
    if explicit.max_amount is not None:
        changes["max_amount"] = explicit.max_amount
    if not changes:
        return state
    intent = state.intent
    if intent is Intent.GENERAL and not state.text:
        intent = Intent.LIST  # "hello" with filters: list what the filters select
    return msgspec.structs.replace(
        state, intent=intent, filters=msgspec.structs.replace(f, **changes), category_labels=labels
    )


def scope(viewer: Viewer, flt: InvoiceFilter) -> tuple[InvoiceFilter, bool]:
    """The filter narrowed to the viewer; True when it asked for someone else's invoices only."""
    if viewer.sees_everything:
        return flt, False
    restricted = viewer.restrict(flt)
    if flt.employee_names and not any(viewer.is_employee(n) for n in flt.employee_names):
        return msgspec.structs.replace(restricted, employee_names=(_NOBODY,)), True
    return restricted, False


def query_type(state: QueryState) -> str:
    """The contract's `query_type` for a question."""
    f = state.filters
    if state.intent is Intent.POLICY:
        return "policy"
    if state.intent is Intent.LOOKUP:
        return "invoice_lookup"
    if state.intent in (Intent.COUNT, Intent.SUM, Intent.AVERAGE):
        return "aggregate"
    if state.intent is Intent.GENERAL:
        return "general"
    if f.employee_names:
        return "employee_specific"
    if f.statuses:
        return "status_filter"
    if f.categories:
        return "category_filter"
    if f.date_from or f.date_to:
        return "date_range"  # the original service's name for a date question
    if f.min_amount is not None or f.max_amount is not None:
        return "amount_filter"
    return "list"


def _source(r: InvoiceRecord, score: float) -> Source:
    excerpt = " ".join((r.reason or r.text).split())
    if len(excerpt) > EXCERPT_CHARS:
        excerpt = excerpt[: EXCERPT_CHARS - 1].rstrip() + "…"
    # final_status: what was decided (a reviewer's decision, else the engine's verdict)
    return Source(r.invoice_id, r.filename, r.employee_name, r.final_status, round(score, 4), excerpt)


def _confidence(parsed: ParsedQuery, state: QueryState, got: Retrieved) -> float:
    score = parsed.confidence
    if got.text_ignored:
        score -= 0.2
    if state.intent is Intent.GENERAL and got.found_nothing_for_text:
        score = min(score, 0.3)
    if state.intent is Intent.LOOKUP and not got.records:
        score = min(score, 0.6)
    if state.intent is Intent.POLICY:
        score = 0.9 if got.caps else (0.7 if got.clauses else 0.3)
    return round(max(0.05, min(score, 0.99)), 2)


@functools.lru_cache(maxsize=16)
def _category_terms(categories: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[CategoryTerm, ...]:
    # ~4 ms a question when built each time; the policy's categories change only with the policy
    return build_categories(list(categories))


class PreparedAnswer(msgspec.Struct, frozen=True):
    """A question understood and its records retrieved: what the answer stream is made from."""

    viewer: Viewer
    request: ChatRequest
    session_id: str
    asked_at: datetime
    state: QueryState
    context: AnswerContext
    sources: list[Source]
    confidence: float
    matched: int
    employees: tuple[str, ...]


def _previous(history: list[ChatMessage]) -> QueryState | None:
    for message in reversed(history):
        if message.query is not None:
            return message.query
    return None


class AnswerQuestion:
    def __init__(
        self,
        invoices: InvoiceStore,
        policies: PolicyStore,
        chats: ChatStore,
        answerer: Answerer,
        clock: Clock,
    ) -> None:
        self._invoices = invoices
        self._policies = policies
        self._chats = chats
        self._answerer = answerer
        self._clock = clock
        self._retrieve = InvoiceRetrieval(invoices, policies)

    async def __call__(self, viewer: Viewer, request: ChatRequest) -> ChatAnswer:
        answer: ChatAnswer | None = None
        async for event in self.stream(viewer, request):
            if isinstance(event, ChatDone):
                answer = event.answer
        if answer is None:  # the stream always ends with done; this guards the type
            raise RuntimeError("the chat stream ended without an answer")
        return answer

    async def _session(self, viewer: Viewer, session_id: str | None) -> tuple[str, list[ChatMessage]]:
        if not session_id:
            return str(uuid.uuid4()), []
        history = await self._chats.history(session_id)
        if history and not viewer.may_use_session(history[0].owner):
            raise AccessDenied("this chat session belongs to someone else")
        return session_id, history

    async def _vocabulary(self, viewer: Viewer) -> Vocabulary:
        if viewer.sees_everything:
            employees = tuple(await self._invoices.employee_names())
        else:  # an employee's questions can only be about themselves; other names stay unknown
            employees = (viewer.subject,) if viewer.subject else ()
        policy = await self._policies.latest()
        categories = tuple((c.name, tuple(c.synonyms)) for c in policy.categories) if policy else ()
        return Vocabulary(employees, _category_terms(categories))

    async def stream(self, viewer: Viewer, request: ChatRequest) -> AsyncIterator[ChatEvent]:
        prepared = await self.prepare(viewer, request)
        async for event in self.events(prepared):
            yield event

    async def prepare(self, viewer: Viewer, request: ChatRequest) -> PreparedAnswer:
        """Everything up to the answer text. Raises (AccessDenied, StoreUnavailable) before any event."""
        asked_at = self._clock.now()
        session_id, history = await self._session(viewer, request.session_id)
        vocabulary = await self._vocabulary(viewer)
        parsed = understand(request.query, vocabulary, self._clock.today(), _previous(history))
        state = apply_explicit(parsed.state(), request.filters)
        scoped, blocked = scope(viewer, state.filters)
        got = await self._retrieve(state, scoped, request.query)

        notes = [
            f"“{word}” matches several employees ({', '.join(names)}); the answer covers all of them"
            for word, names in parsed.ambiguous_names
        ]
        if blocked:
            notes.append("you can only see your own invoices")
        notes += got.notes
        if got.text_ignored:  # said in a note; the conditions must not claim the words were used
            state = msgspec.structs.replace(state, text="")
        context = AnswerContext(
            question=request.query,
            intent=state.intent,
            filters=scoped,
            records=got.records,
            aggregate=got.aggregate,
            clauses=got.clauses,
            query=state,
            scope=invoices_phrase(state),
            total_matches=got.total_matches,
            caps=got.caps,
            notes=tuple(notes),
            base_count=got.base_count,
        )
        if asks_allowance_left(request.query):  # issue 13: from the same ledger the engine uses
            lines = await allowance_left(self._invoices, self._policies, scoped, self._clock.today())
            context = msgspec.structs.replace(context, allowances=lines)
        context = msgspec.structs.replace(context, deterministic_answer=render_answer(context))
        return PreparedAnswer(
            viewer=viewer,
            request=request,
            session_id=session_id,
            asked_at=asked_at,
            state=state,
            context=context,
            sources=[_source(r, got.scores.get(r.invoice_id, 1.0)) for r in got.records[:MAX_ROWS]],
            confidence=_confidence(parsed, state, got),
            matched=got.aggregate.count if got.aggregate is not None else got.total_matches,
            employees=vocabulary.employees,
        )

    async def events(self, prepared: PreparedAnswer) -> AsyncIterator[ChatEvent]:
        """metadata, content deltas, suggestions, done; both turns are stored before `done`."""
        p = prepared
        context, state, session_id = p.context, p.state, p.session_id
        shown = p.sources if p.request.include_sources else []
        kind = query_type(state)
        yield ChatStarted(session_id, shown, len(context.records), kind, p.confidence, state.intent.value)

        parts: list[str] = []
        try:
            async for delta in self._answerer.answer(context):
                if delta:
                    parts.append(delta)
                    yield ChatDelta(delta)
        except Exception as exc:  # the answer must still arrive: the exact text is always at hand
            log.warning("answerer %s failed: %s", getattr(self._answerer, "name", "?"), exc)
            yield ChatFailed("AnswerFailed", "the answer could not be generated; the exact answer follows")
            fallback = context.deterministic_answer if not parts else ""
            if fallback:
                parts.append(fallback)
                yield ChatDelta(fallback)
        response = "".join(parts)

        answered_at = max(self._clock.now(), p.asked_at + timedelta(microseconds=1))
        await self._remember(p, response, answered_at)
        suggestions = suggest(state, p.employees)
        yield ChatSuggestions(suggestions)
        yield ChatDone(
            ChatAnswer(
                response=response,
                session_id=session_id,
                sources=shown,
                retrieved_documents=len(context.records),
                query_type=kind,
                confidence_score=p.confidence,
                suggestions=suggestions,
                timestamp=answered_at,
                intent=state.intent.value,
                understood=context.scope,
                matched_documents=p.matched,
            )
        )

    async def _remember(self, p: PreparedAnswer, response: str, answered_at: datetime) -> None:
        def message(role: str, content: str, at: datetime, cited: tuple[Source, ...]) -> ChatMessage:
            return ChatMessage(
                message_id=str(uuid.uuid4()),
                session_id=p.session_id,
                role=role,
                content=content,
                timestamp=at,
                owner=p.viewer.subject,
                sources=cited,
                intent=p.state.intent.value,
                filters=p.state.filters,
                query=p.state,
            )

        # One write for both turns. It survives a crash of this process before `done` is sent; the
        # fsync that also survives a power loss follows in the background (ChatStore.append_turn).
        await self._chats.append_turn(
            [
                message("user", p.request.query, p.asked_at, ()),
                message("assistant", response, answered_at, tuple(p.sources)),
            ]
        )


__all__ = ["AnswerQuestion", "PreparedAnswer", "apply_explicit", "query_type", "scope"]

"""AnswerQuestion, GetHistory and DeleteHistory on the in-memory fakes: scoping, ownership, storage."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from decimal import Decimal

import pytest

from reimburse.adapters.offline_answer.deterministic_answerer import DeterministicAnswerer
from reimburse.application.chat.answer_question import AnswerQuestion
from reimburse.application.chat.history import DeleteHistory, GetHistory
from reimburse.application.chat.messages import (
    ChatDelta,
    ChatDone,
    ChatFailed,
    ChatRequest,
    ChatStarted,
    ChatSuggestions,
    ExplicitFilters,
)
from reimburse.domain.access import AccessDenied, Role, Viewer
from reimburse.domain.chat.session import AnswerContext
from reimburse.ports.answerer import Answerer
from tests import chat_dataset
from tests.fakes.fixed_clock import FixedClock
from tests.fakes.memory_stores import InMemoryChatStore, InMemoryInvoiceStore, InMemoryPolicyStore

RECORDS = chat_dataset.records(120, seed=3)
ADMIN = Viewer.anonymous_admin()
RANI = Viewer("Rani Sharma", Role.EMPLOYEE)
HARDIK = Viewer("Hardik Patel", Role.EMPLOYEE)
REVIEWER = Viewer("hr", Role.REVIEWER)


class BrokenAnswerer:
    name = "broken"

    async def answer(self, context: AnswerContext) -> AsyncIterator[str]:
        raise RuntimeError("model unavailable")
        yield ""  # pragma: no cover


Stores = tuple[InMemoryInvoiceStore, InMemoryPolicyStore, InMemoryChatStore]


@pytest.fixture
async def stores() -> Stores:
    invoices, policies, chats = InMemoryInvoiceStore(), InMemoryPolicyStore(), InMemoryChatStore()
    await invoices.upsert(RECORDS)
    await policies.save(chat_dataset.policy())
    return invoices, policies, chats


def use_case(stores: Stores, answerer: Answerer | None = None) -> AnswerQuestion:
    invoices, policies, chats = stores
    return AnswerQuestion(
        invoices, policies, chats, answerer or DeterministicAnswerer(), FixedClock(date(2025, 1, 15))
    )


async def test_both_turns_are_stored_with_owner_sources_and_the_understood_query(stores: Stores) -> None:
    chat = use_case(stores)
    answer = await chat(RANI, ChatRequest("list my declined invoices"))
    history = await stores[2].history(answer.session_id)
    assert [m.role for m in history] == ["user", "assistant"]
    assert {m.owner for m in history} == {"Rani Sharma"}
    assert history[1].content == answer.response
    assert [s.document_id for s in history[1].sources] == [s.document_id for s in answer.sources]
    assert history[0].query is not None and history[0].query.filters.statuses == ("declined",)


async def test_an_employee_only_ever_sees_their_own_invoices(stores: Stores) -> None:
    chat = use_case(stores)
    own = [r for r in RECORDS if r.employee_name == "Rani Sharma"]
    everything = await chat(RANI, ChatRequest("how many invoices are there?"))
    assert everything.matched_documents == len(own)
    # other employees' names are unknown to an employee's questions, and explicit filters cannot widen the scope
    about_hardik = await chat(
        RANI, ChatRequest("list invoices", filters=ExplicitFilters(employee_name="Hardik Patel"))
    )
    assert about_hardik.matched_documents == 0 and about_hardik.sources == []
    assert "only see your own invoices" in about_hardik.response
    listed = await chat(RANI, ChatRequest("list hardik's invoices"))
    assert {s.employee_name for s in listed.sources} <= {"Rani Sharma"}
    reviewer = await chat(REVIEWER, ChatRequest("how many invoices are there?"))
    assert reviewer.matched_documents == len(RECORDS)


async def test_someone_elses_session_is_refused_everywhere(stores: Stores) -> None:
    chat, chats = use_case(stores), stores[2]
    session = (await chat(RANI, ChatRequest("how many invoices?"))).session_id
    with pytest.raises(AccessDenied):
        await chat(HARDIK, ChatRequest("and declined?", session_id=session))
    # someone else's session reads like an unknown one: empty, and deleting it removes nothing
    assert await GetHistory(chats)(HARDIK, session) == []
    assert await GetHistory(chats)(HARDIK, "never-used") == []
    assert (await DeleteHistory(chats)(HARDIK, session)).deleted_messages == 0
    assert len(await GetHistory(chats)(RANI, session)) == 2
    assert len(await GetHistory(chats)(REVIEWER, session)) == 2
    deleted = await DeleteHistory(chats)(RANI, session)
    assert deleted.success and deleted.session_id == session and deleted.deleted_messages == 2
    assert await GetHistory(chats)(RANI, session) == []
    again = await DeleteHistory(chats)(RANI, session)
    assert again.success and again.deleted_messages == 0


async def test_a_given_session_id_is_kept_and_a_missing_one_created(stores: Stores) -> None:
    chat = use_case(stores)
    assert (await chat(ADMIN, ChatRequest("hello", session_id="user123"))).session_id == "user123"
    first, second = await chat(ADMIN, ChatRequest("hello")), await chat(ADMIN, ChatRequest("hello"))
    assert first.session_id and first.session_id != second.session_id


async def test_aggregates_cover_the_whole_filtered_set_not_the_shown_rows(stores: Stores) -> None:
    chat = use_case(stores)
    answer = await chat(ADMIN, ChatRequest("total claimed in INR"))
    inr = [r for r in RECORDS if r.currency == "INR"]
    assert len(inr) > 20 and answer.matched_documents == len(inr) and len(answer.sources) == 20
    total = sum((r.total_amount for r in inr), Decimal(0))
    assert f"₹{total:,.2f}" in answer.response


async def test_the_stream_is_metadata_content_suggestions_done(stores: Stores) -> None:
    chat = use_case(stores)
    events = [e async for e in chat.stream(ADMIN, ChatRequest("which invoices were partially reimbursed?"))]
    assert isinstance(events[0], ChatStarted) and isinstance(events[-1], ChatDone)
    assert isinstance(events[-2], ChatSuggestions)
    text = "".join(e.delta for e in events if isinstance(e, ChatDelta))
    assert text == events[-1].answer.response
    assert all(s.status == "partially_reimbursed" for s in events[0].sources)


async def test_a_failing_answerer_still_delivers_the_exact_answer(stores: Stores) -> None:
    broken = use_case(stores, BrokenAnswerer())
    events = [e async for e in broken.stream(ADMIN, ChatRequest("how many invoices were declined?"))]
    assert any(isinstance(e, ChatFailed) for e in events)
    done = events[-1]
    assert isinstance(done, ChatDone)
    answer = done.answer
    declined = sum(1 for r in RECORDS if r.status == "declined")
    assert answer.response.startswith(f"There are **{declined}** declined invoices")


async def test_confidence_is_lower_when_words_could_not_be_used(stores: Stores) -> None:
    chat = use_case(stores)
    clear = await chat(ADMIN, ChatRequest("how many invoices did Rani Sharma submit?"))
    vague = await chat(ADMIN, ChatRequest("how many zyxwv invoices did Rani Sharma submit?"))
    assert vague.confidence_score < clear.confidence_score
    assert "zyxwv" in vague.response and vague.matched_documents == clear.matched_documents


async def test_policy_questions_without_a_policy_say_so(stores: Stores) -> None:
    invoices, _, chats = stores
    chat = AnswerQuestion(
        invoices, InMemoryPolicyStore(), chats, DeterministicAnswerer(), FixedClock(date(2025, 1, 15))
    )
    answer = await chat(ADMIN, ChatRequest("what is the meal limit?"))
    assert answer.query_type == "policy" and "no policy has been uploaded" in answer.response
    assert answer.confidence_score <= 0.3

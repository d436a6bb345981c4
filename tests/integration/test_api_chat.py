"""The chat endpoints over the real app on Qdrant Edge: stream == answer, history, limits, ownership."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import TestClient

from reimburse.adapters.jwt.token_service import JwtTokenService
from reimburse.config import Settings
from reimburse.domain.access import Role
from reimburse.http.app import create_app
from tests import chat_dataset
from tests.chat_app import container_for, seed_records
from tests.conftest import make_settings

CHAT = "/api/v1/chat"
SECRET = "s" * 48
RECORDS = chat_dataset.records(300)


def seed(settings: Settings) -> None:
    seed_records(settings, RECORDS)


def seeded_settings(where: Path) -> Settings:
    settings = make_settings(where, chat_max_query_length=200, rate_limit_per_minute=10_000)
    seed(settings)
    return settings


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient[Any]]:
    """One app for the read-mostly tests: starting one per test would dominate the run time."""
    settings = seeded_settings(tmp_path_factory.mktemp("chat"))
    with TestClient(create_app(container_for(settings))) as test_client:
        yield test_client


def sse_events(body: str) -> list[dict[str, Any]]:
    """As a Flutter client reads them: keep `data: ` lines, JSON-decode the rest."""
    return [json.loads(line[len("data: ") :]) for line in body.splitlines() if line.startswith("data: ")]


QUESTIONS = [
    "How many invoices did RANI SHARMA submit?",
    "how much did we reimburse for meals in December 2024?",
    "List Hardik's declined invoices",
    "what is the meal limit?",
    "average reimbursement for flights per employee",
    "show invoice INV-100042",
    "hello",
]


@pytest.mark.parametrize("question", QUESTIONS)
def test_streamed_content_equals_the_chat_answer(client: TestClient[Any], question: str) -> None:
    whole = client.post(CHAT, json={"query": question})
    assert whole.status_code == 200, whole.text
    answer = whole.json()

    streamed = client.post(f"{CHAT}/stream", json={"query": question})
    assert streamed.status_code == 200
    assert streamed.headers["content-type"].startswith("text/event-stream")
    events = sse_events(streamed.text)
    kinds = [e["type"] for e in events]
    assert kinds[0] == "metadata" and kinds[-1] == "done"
    assert kinds.count("content") >= 1 and "suggestions" in kinds and "error" not in kinds
    content = "".join(e["data"] for e in events if e["type"] == "content")
    assert content == answer["response"]
    meta = events[0]["data"]
    assert set(meta) >= {"session_id", "sources", "retrieved_documents"}
    assert meta["retrieved_documents"] == answer["retrieved_documents"]
    assert [s["document_id"] for s in meta["sources"]] == [s["document_id"] for s in answer["sources"]]
    suggestions = next(e["data"] for e in events if e["type"] == "suggestions")
    assert suggestions == answer["suggestions"]
    assert events[-1]["data"]["response"] == answer["response"]


def test_chat_response_has_the_contract_fields(client: TestClient[Any]) -> None:
    answer = client.post(CHAT, json={"query": "Which invoices of Wei Chen were declined?"}).json()
    assert set(answer) >= {
        "response",
        "session_id",
        "sources",
        "retrieved_documents",
        "query_type",
        "confidence_score",
        "suggestions",
        "timestamp",
    }
    expected = [r for r in RECORDS if r.employee_name == "Wei Chen" and r.status == "declined"]
    assert answer["query_type"] == "employee_specific"
    assert answer["session_id"]
    assert 0 < answer["confidence_score"] <= 1
    assert len(answer["suggestions"]) == 3
    assert {s["document_id"] for s in answer["sources"]} == {r.invoice_id for r in expected}
    for source in answer["sources"]:
        assert set(source) == {
            "document_id",
            "filename",
            "employee_name",
            "status",
            "similarity_score",
            "excerpt",
        }
        assert source["employee_name"] == "Wei Chen" and source["status"] == "declined"


def test_policy_answers_quote_the_clause_and_cite_no_invoice(client: TestClient[Any]) -> None:
    answer = client.post(CHAT, json={"query": "What is the limit for cab rides?"}).json()
    assert answer["query_type"] == "policy"
    assert chat_dataset.CAB_CLAUSE in answer["response"]
    assert answer["sources"] == [] and answer["retrieved_documents"] == 0


def test_sources_can_be_left_out(client: TestClient[Any]) -> None:
    answer = client.post(CHAT, json={"query": "List Hardik's invoices", "include_sources": False}).json()
    assert answer["sources"] == [] and answer["retrieved_documents"] == 20


def test_explicit_filters_override_the_question(client: TestClient[Any]) -> None:
    body = {
        "query": "how many invoices did Hardik submit?",
        "filters": {
            "employee_name": "Ana María López",
            "status": "partially_reimbursed",
            "date_from": "2024-06-01",
        },
    }
    answer = client.post(CHAT, json=body).json()
    expected = [
        r
        for r in RECORDS
        if r.employee_name == "Ana María López"
        and r.status == "partially_reimbursed"
        and r.invoice_date is not None
        and r.invoice_date >= date(2024, 6, 1)
    ]
    assert answer["matched_documents"] == len(expected)
    assert f"**{len(expected)}**" in answer["response"]


def test_history_survives_a_restart_and_can_be_deleted(tmp_path: Path) -> None:
    seeded = seeded_settings(tmp_path)
    with TestClient(create_app(container_for(seeded))) as client:
        first = client.post(CHAT, json={"query": "How many invoices did Wei Chen submit in May 2024?"}).json()
        session = first["session_id"]
        second = client.post(CHAT, json={"query": "and the declined ones?", "session_id": session}).json()
        assert second["session_id"] == session

    with TestClient(create_app(container_for(seeded))) as client:
        history = client.get(f"{CHAT}/history/{session}")
        assert history.status_code == 200
        turns = history.json()
        assert [t["role"] for t in turns] == ["user", "assistant", "user", "assistant"]
        assert turns[0]["content"] == "How many invoices did Wei Chen submit in May 2024?"
        assert turns[1]["content"] == first["response"]
        assert turns[3]["content"] == second["response"]
        assert [t["timestamp"] for t in turns] == sorted(t["timestamp"] for t in turns)
        assert "sources" not in turns[0] and turns[1]["sources"]

        # the follow-up context also survived: "what about Hardik?" keeps May 2024 and "declined"
        third = client.post(CHAT, json={"query": "what about Hardik?", "session_id": session}).json()
        expected = [
            r
            for r in RECORDS
            if r.employee_name == "Hardik Patel"
            and r.status == "declined"
            and r.invoice_date is not None
            and date(2024, 5, 1) <= r.invoice_date <= date(2024, 5, 31)
        ]
        assert third["matched_documents"] == len(expected)

        deleted = client.delete(f"{CHAT}/history/{session}")
        assert deleted.status_code == 200
        assert deleted.json()["success"] is True and deleted.json()["session_id"] == session
        # a cleared session is an empty one, as the original clients expect
        cleared = client.get(f"{CHAT}/history/{session}")
        assert cleared.status_code == 200 and cleared.json() == []
        again = client.delete(f"{CHAT}/history/{session}")
        assert again.status_code == 200 and again.json()["deleted_messages"] == 0


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"query": "x" * 201}, "query"),
        ({"query": "   "}, "query"),
        ({"query": ""}, None),
        ({"query": "hi", "session_id": "bad id!"}, "session_id"),
        ({"query": "hi", "session_id": "x" * 129}, None),
        ({"query": "hi", "filters": {"status": "approved"}}, None),
        ({"query": "hi", "filters": {"employee_name": "n" * 101}}, None),
        ({"query": "hi", "filters": {"min_amount": -1}}, "filters.min_amount"),
        ({"query": "hi", "filters": {"max_amount": "NaN"}}, "filters.max_amount"),
        ({"query": "hi", "filters": {"min_amount": 10, "max_amount": 5}}, "filters.min_amount"),
        ({"query": "hi", "filters": {"date_from": "2024-02-30"}}, None),
        (
            {"query": "hi", "filters": {"date_from": "2024-03-01", "date_to": "2024-02-01"}},
            "filters.date_from",
        ),
        ({"session_id": "abc"}, None),
    ],
)
def test_limits_are_enforced_with_the_contract_error_body(
    client: TestClient[Any], body: dict[str, Any], field: str | None
) -> None:
    for path in (CHAT, f"{CHAT}/stream"):
        response = client.post(path, json=body)
        assert response.status_code == 400, (path, response.text)
        error = response.json()
        assert error["success"] is False and error["error"] == "ValidationError"
        assert error["request_id"] and error["timestamp"] and error["message"]
        if field is not None:
            assert field in {d["field"] for d in error["details"]}


def test_history_ids_are_validated(client: TestClient[Any]) -> None:
    assert client.get(f"{CHAT}/history/no%20spaces").status_code == 400
    missing = client.get(f"{CHAT}/history/never-used")
    assert missing.status_code == 200 and missing.json() == []


def _bearer(sub: str, role: Role) -> dict[str, str]:
    return {"Authorization": f"Bearer {JwtTokenService(SECRET).mint(sub, role, timedelta(minutes=5))}"}


def test_sessions_and_invoices_are_scoped_to_their_owner(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, auth_enabled=True, secret_key=SECRET, rate_limit_per_minute=10_000)
    seed(settings)
    rani, hardik = _bearer("Rani Sharma", Role.EMPLOYEE), _bearer("Hardik Patel", Role.EMPLOYEE)
    reviewer = _bearer("hr-1", Role.REVIEWER)
    with TestClient(create_app(container_for(settings))) as client:
        mine = client.post(CHAT, json={"query": "how many invoices are there?"}, headers=rani).json()
        assert mine["matched_documents"] == sum(1 for r in RECORDS if r.employee_name == "Rani Sharma")
        session = mine["session_id"]

        # another employee cannot read, delete or continue the session, nor see Rani's invoices
        # another employee's view of the session is an empty one; deleting it removes nothing
        peek = client.get(f"{CHAT}/history/{session}", headers=hardik)
        assert peek.status_code == 200 and peek.json() == []
        assert client.delete(f"{CHAT}/history/{session}", headers=hardik).json()["deleted_messages"] == 0
        assert len(client.get(f"{CHAT}/history/{session}", headers=rani).json()) == 2
        taken = client.post(CHAT, json={"query": "and declined?", "session_id": session}, headers=hardik)
        assert taken.status_code == 403 and taken.json()["success"] is False
        asked = client.post(
            CHAT, json={"query": "list invoices", "filters": {"employee_name": "Rani Sharma"}}, headers=hardik
        ).json()
        assert asked["sources"] == [] and asked["matched_documents"] == 0

        # the owner and a reviewer can
        assert len(client.get(f"{CHAT}/history/{session}", headers=rani).json()) == 2
        assert len(client.get(f"{CHAT}/history/{session}", headers=reviewer).json()) == 2
        assert client.delete(f"{CHAT}/history/{session}", headers=rani).status_code == 200

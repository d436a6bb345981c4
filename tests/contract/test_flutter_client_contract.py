"""Our real responses, read by the Flutter client's models (tests/contract/dart_models.py) exactly as
the Dart runtime would: every endpoint the client uses, every field it reads, with its type and
nullability. A rename, a missing field, an int where a String is read, or a timestamp DateTime.parse
rejects fails here as it would crash the app."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from litestar.testing import TestClient

from reimburse.http.app import create_app
from tests import chat_dataset
from tests.chat_app import container_for, seed_records
from tests.conftest import analysis_files, make_settings
from tests.contract import dart_models as dart

API = "/api/v1"
RECORDS = chat_dataset.records(200)
EMPLOYEE = "Contract Tester"  # not in the chat dataset, so analyses leave its figures alone


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient[Any]]:
    settings = make_settings(tmp_path_factory.mktemp("flutter"), rate_limit_per_minute=10_000)
    seed_records(settings, RECORDS)
    with TestClient(create_app(container_for(settings))) as test_client:
        yield test_client


def body(response: Any) -> Any:
    """`json.decode` as Dart does it: Python's json keeps the same int/double split."""
    return json.loads(response.text)


def chunks(text: str) -> list[dart.StreamChunk]:
    """The published SSE loop: lines starting `data: `, JSON-decoded, `StreamChunk.fromJson`."""
    return [
        dart.StreamChunk.from_json(json.loads(line[len("data: ") :]))
        for line in text.splitlines()
        if line.startswith("data: ") and line[len("data: ") :].strip()
    ]


def test_the_readers_throw_where_dart_throws() -> None:
    """The harness is no rubber stamp: each of these crashes the real app."""
    ok = {"filename": "a.pdf", "file": "a.pdf", "error": "NoTextLayer", "message": "m"}
    assert dart.ProcessingError.from_json(ok).file == "a.pdf"
    for broken in (
        {k: v for k, v in ok.items() if k != "file"},  # the field the original clients read
        {**ok, "error": None},
        {**ok, "message": 3},
    ):
        with pytest.raises(dart.DartTypeError):
            dart.ProcessingError.from_json(broken)
    with pytest.raises(dart.DartTypeError):  # an int field sent as 2.0 is a double in Dart
        dart.integer({"n": 2.0}, "n", "X")
    with pytest.raises(dart.DartTypeError):
        dart.integer({"n": True}, "n", "X")
    assert dart.to_double({"n": 2}, "n", "X") == 2.0  # toDouble() takes an int
    for text in ("2024-06-01", "2024-06-01T10:00:00Z", "2024-06-01T10:00:00.123456+05:30", "20240601"):
        dart.parse_date_time(text, "t")
    for text in ("2024-06-01T10:00:00 UTC", "01/06/2024", "2024-6-1", ""):
        with pytest.raises(dart.DartTypeError):
            dart.parse_date_time(text, "t")
    assert dart.dart_iso8601(datetime(2024, 6, 1)) == "2024-06-01T00:00:00.000"
    assert (
        dart.dart_iso8601(datetime(2024, 6, 1, 9, 5, 7, 120450, tzinfo=UTC)) == "2024-06-01T09:05:07.120450Z"
    )


def test_health(client: TestClient[Any]) -> None:
    quick = client.get(f"{API}/health/quick")
    assert quick.status_code == 200
    assert dart.QuickHealth.from_json(body(quick)).status == "ok"
    full = dart.HealthResponse.from_json(body(client.get(f"{API}/health")))
    assert full.status in {"healthy", "degraded", "unhealthy"}
    assert {"vector_store", "llm_service", "pdf_parser"} <= {s.name for s in full.services}


def _analysis_form() -> dict[str, str]:
    return {"employee_name": EMPLOYEE, "submitted_on": "2024-12-31"}


def test_analysis(client: TestClient[Any]) -> None:
    response = client.post(f"{API}/analyze-invoices", data=_analysis_form(), files=analysis_files())
    assert response.status_code == 200, response.text
    parsed = dart.InvoiceAnalysisResponse.from_json(body(response))
    assert parsed.success and parsed.employee_name == EMPLOYEE
    assert (parsed.total_invoices, parsed.processed_invoices, parsed.failed_invoices) == (4, 3, 1)
    assert parsed.results is not None and len(parsed.results) == 3
    assert all(r.categories and r.reimbursement_amount <= r.total_amount for r in parsed.results)
    assert parsed.processing_errors is not None
    [error] = parsed.processing_errors
    assert error.file == error.filename and error.file.endswith(".pdf")


def test_analysis_stream(client: TestClient[Any]) -> None:
    form, files = _analysis_form(), analysis_files()
    with client.stream("POST", f"{API}/analyze-invoices-stream", data=form, files=files) as response:
        assert response.status_code == 200
        text = "".join(response.iter_text())
    events = chunks(text)
    payloads = [(c.type, dart.ANALYSIS_PAYLOADS[c.type](c.data)) for c in events]
    assert payloads[0][0] == "metadata" and payloads[-1][0] == "done"
    # progress counts what finished before it, in the order the client sees events
    results = errors = 0
    progress = 0
    for kind, payload in payloads:
        if isinstance(payload, dart.AnalysisProgress):
            progress += 1
            assert (payload.processed_invoices, payload.failed_invoices) == (results, errors)
            assert payload.current_filename == payload.filename and payload.total_invoices == 4
        results += kind == "result"
        errors += kind == "error"
    assert progress == 4 and (results, errors) == (3, 1)
    done = payloads[-1][1]
    assert isinstance(done, dart.InvoiceAnalysisResponse)
    assert (done.processed_invoices, done.failed_invoices) == (3, 1)


def test_listing_takes_dart_date_times(client: TestClient[Any]) -> None:
    june = [r for r in RECORDS if r.invoice_date and date(2024, 6, 1) <= r.invoice_date <= date(2024, 6, 30)]
    for date_from, date_to in (
        ("2024-06-01", "2024-06-30"),
        (
            dart.dart_iso8601(datetime(2024, 6, 1)),
            dart.dart_iso8601(datetime(2024, 6, 30, 23, 59, 59, 999000)),
        ),
        (
            dart.dart_iso8601(datetime(2024, 6, 1, tzinfo=UTC)),
            dart.dart_iso8601(datetime(2024, 6, 30, tzinfo=UTC)),
        ),
    ):
        response = client.get(
            f"{API}/invoices", params={"date_from": date_from, "date_to": date_to, "limit": 500}
        )
        assert response.status_code == 200, response.text
        page = dart.InvoicePage.from_json(body(response))
        assert page.total == len(june)
        assert all(i.result.invoice_date and i.result.invoice_date.month == 6 for i in page.items)


def _chat(client: TestClient[Any], query: str, **extra: Any) -> dart.ChatResponse:
    response = client.post(f"{API}/chat", json={"query": query, "include_sources": True, **extra})
    assert response.status_code == 200, response.text
    return dart.ChatResponse.from_json(body(response))


@pytest.mark.parametrize(
    "query",
    [
        "How many invoices did Rani Sharma submit?",
        "how much did we reimburse for meals in December 2024?",
        "List Hardik's declined invoices",
        "what is the meal limit?",
        "hello",
    ],
)
def test_chat_answers(client: TestClient[Any], query: str) -> None:
    answer = _chat(client, query)
    assert answer.response and answer.session_id and answer.sources is not None


def test_a_date_question_is_a_date_range(client: TestClient[Any]) -> None:
    assert _chat(client, "show the invoices from June 2024").query_type == "date_range"


def test_filters_as_the_dart_client_writes_them(client: TestClient[Any]) -> None:
    """`SearchFilters.toJson()`: dates from `toIso8601String()` (local and UTC), `categories` a list."""

    def expected(categories: set[str]) -> int:
        return sum(
            1
            for r in RECORDS
            if r.invoice_date
            and date(2024, 3, 1) <= r.invoice_date <= date(2024, 8, 31)
            and categories & set(r.categories)
        )

    for start, end in (
        (datetime(2024, 3, 1), datetime(2024, 8, 31, 23, 59, 59, 999000)),
        (datetime(2024, 3, 1, tzinfo=UTC), datetime(2024, 8, 31, tzinfo=UTC)),
    ):
        for categories in (["meals"], ["meals", "cab"]):
            filters = dart.SearchFilters(categories=categories, date_from=start, date_to=end)
            response = client.post(
                f"{API}/chat",
                json={"query": "list invoices", "filters": filters.to_json(), "include_sources": True},
            )
            assert response.status_code == 200, response.text
            dart.ChatResponse.from_json(body(response))
            assert body(response)["matched_documents"] == expected(set(categories)) > 0


def test_chat_stream(client: TestClient[Any]) -> None:
    with client.stream("POST", f"{API}/chat/stream", json={"query": "list Wei Chen's invoices"}) as response:
        assert response.status_code == 200
        text = "".join(response.iter_text())
    events = chunks(text)
    assert events[0].type == "metadata" and events[-1].type == "done"
    parsed = [dart.CHAT_PAYLOADS[c.type](c.data) for c in events]
    assert isinstance(parsed[0], dart.ChatStreamMetadata) and parsed[0].retrieved_documents > 0
    assert "".join(str(p) for c, p in zip(events, parsed, strict=True) if c.type == "content")


def test_history_and_clearing_it(client: TestClient[Any]) -> None:
    first = _chat(client, "How many invoices did Wei Chen submit?")
    _chat(client, "and the declined ones?", session_id=first.session_id)
    history = client.get(f"{API}/chat/history/{first.session_id}")
    assert history.status_code == 200
    turns = dart.chat_history(body(history))
    assert [t.role for t in turns] == ["user", "assistant", "user", "assistant"]

    cleared = client.delete(f"{API}/chat/history/{first.session_id}")
    assert cleared.status_code == 200
    assert dart.ClearHistoryResponse.from_json(body(cleared)).session_id == first.session_id
    # a cleared, a new and an unknown session all read as an empty history
    for session in (first.session_id, "never-used", "brand-new-session"):
        empty = client.get(f"{API}/chat/history/{session}")
        assert empty.status_code == 200 and dart.chat_history(body(empty)) == []


@pytest.mark.parametrize(
    ("method", "path", "payload", "status"),
    [
        ("GET", "/invoices/inv_000000000000000000000000", None, 404),
        ("POST", "/chat", {"query": ""}, 400),
        ("POST", "/chat", {"query": "hi", "filters": {"date_from": "June 1st"}}, 400),
        ("DELETE", "/health/quick", None, 405),
    ],
)
def test_errors(client: TestClient[Any], method: str, path: str, payload: Any, status: int) -> None:
    response = client.request(method, f"{API}{path}", json=payload)
    assert response.status_code == status
    error = dart.ErrorResponse.from_json(body(response))
    assert error.success is False and error.message and response.headers["x-request-id"] == error.request_id


def test_analysis_errors_are_readable(client: TestClient[Any]) -> None:
    not_a_zip = {"invoices_zip": ("invoices.zip", b"not a zip", "application/zip")}
    files = {**analysis_files(), **not_a_zip}
    response = client.post(f"{API}/analyze-invoices", data=_analysis_form(), files=files)
    assert response.status_code == 415
    error = dart.ErrorResponse.from_json(body(response))
    assert error.details and any(d.get("field") == "invoices_zip" for d in error.details)

"""Gemini misbehaving, through the fake Gemini server and the real SDK.

Expected outcomes, each checked with nothing lost (every invoice ends up judged and stored, or
reported as a processing_error) and never a made-up verdict:
- latency, or a 429 that clears on retry: judged by Gemini, no fallback flag;
- persistent 429 / 5xx, malformed output, a total the document does not print, hangs: judged by
  the offline reader instead, each result flagged `extractor_fallback` and sent to review, with
  the amounts the document prints (never the model's invention);
- the fallback switched off: each invoice is a processing_error (no verdict at all), and a policy
  Gemini cannot read is a 503 to retry, not a 4xx blaming the file.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.fakes.fake_gemini_server import FakeGeminiServer, RecordedRequest, Reply
from tests.fakes.gemini_kit import make_gateway
from tests.fakes.memory_stores import InMemoryInvoiceStore
from tests.faults.harness import (
    REIMBURSABLE,
    amounts,
    assert_contract_error,
    fault_client,
    good_batch,
    post_batch,
    sse_events,
)
from tests.integration.test_gemini_api import correct_model

pytestmark = pytest.mark.timeout(90)
Responder = Callable[[RecordedRequest], "Reply | str"]


def is_policy(request: RecordedRequest) -> bool:
    return "reimbursement policy" in request.prompt_text


def invoices_get(fault: Responder) -> Responder:
    """The policy is read correctly; every invoice request gets `fault`."""
    return lambda request: correct_model(request) if is_policy(request) else fault(request)


@pytest.fixture
def server() -> Iterator[FakeGeminiServer]:
    with FakeGeminiServer(responder=correct_model) as fake:
        yield fake


def run_batch(
    tmp_path: Path, server: FakeGeminiServer, *, stream: bool = False, fallback: bool = True, **gateway: Any
) -> tuple[Any, InMemoryInvoiceStore]:
    store = InMemoryInvoiceStore()
    settings = {"google_api_key": "test-key", "gemini_base_url": server.base_url}
    options = {"max_retries": 1, "failure_threshold": 100, **gateway}
    with fault_client(
        tmp_path,
        invoices=store,
        gemini=make_gateway(server, **options),
        gemini_fallback_to_heuristic=fallback,
        **settings,
    ) as (client, _):
        response = post_batch(client, good_batch(), stream=stream)
    return response, store


def codes(result: dict[str, Any]) -> set[str]:
    return {f["code"] for f in result["flags"]}


def assert_all_judged_by_fallback(body: dict[str, Any], store: InMemoryInvoiceStore) -> None:
    assert body["processed_invoices"] == len(REIMBURSABLE) and body["failed_invoices"] == 0
    for result in body["results"]:
        assert "extractor_fallback" in codes(result), result["flags"]
        assert result["review_required"] is True
    assert amounts(body["results"]) == REIMBURSABLE  # what the documents print, capped by the policy
    assert {r.invoice_id for r in store.records.values()} == {r["invoice_id"] for r in body["results"]}


def test_latency_is_absorbed_and_calls_overlap(tmp_path: Path, server: FakeGeminiServer) -> None:
    server.set_latency(0.3)
    response, store = run_batch(tmp_path, server)
    body = response.json()
    assert response.status_code == 200, response.text
    assert amounts(body["results"]) == REIMBURSABLE
    assert all("extractor_fallback" not in codes(r) for r in body["results"])
    assert len(store.records) == len(REIMBURSABLE)
    assert server.max_in_flight >= 2  # invoices are read concurrently, not one slow call after another


def test_429_that_clears_on_retry_needs_no_fallback(tmp_path: Path, server: FakeGeminiServer) -> None:
    seen: set[str] = set()
    lock = threading.Lock()

    def first_attempt_throttled(request: RecordedRequest) -> Reply | str:
        key = hashlib.sha256(request.prompt_text.encode()).hexdigest()
        with lock:
            first = key not in seen
            seen.add(key)
        return Reply.error(429, retry_after=0) if first else correct_model(request)

    server.respond_with(first_attempt_throttled)
    response, store = run_batch(tmp_path, server)
    body = response.json()
    assert amounts(body["results"]) == REIMBURSABLE
    assert all("extractor_fallback" not in codes(r) for r in body["results"])
    assert len(server.requests) == 2 * (1 + len(REIMBURSABLE))  # every call retried exactly once
    assert len(store.records) == len(REIMBURSABLE)


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_persistent_errors_fall_back_with_flags(
    tmp_path: Path, server: FakeGeminiServer, status: int
) -> None:
    server.respond_with(lambda _: Reply.error(status, retry_after=0))
    response, store = run_batch(tmp_path, server)
    assert response.status_code == 200, response.text
    assert_all_judged_by_fallback(response.json(), store)
    assert len(server.requests) == 2 * (1 + len(REIMBURSABLE))  # 1 retry each, then the fallback


MALFORMED: dict[str, Responder] = {
    "not_json": lambda _: "Sure! The total is two hundred rupees {",
    "wrong_shape": lambda _: '{"total": {"amount": 5}, "line_items": "many"}',
    "empty_text": lambda _: "",
    "cut_off_by_max_tokens": lambda _: Reply.model_text('{"total": "23', finish_reason="MAX_TOKENS"),
    "http_body_not_json": lambda _: Reply.raw("<html>502 Bad Gateway</html>", status=200),
}


@pytest.mark.parametrize("kind", list(MALFORMED))
def test_malformed_model_output_falls_back_with_flags(
    tmp_path: Path, server: FakeGeminiServer, kind: str
) -> None:
    server.respond_with(invoices_get(MALFORMED[kind]))
    response, store = run_batch(tmp_path, server)
    assert response.status_code == 200, response.text
    assert_all_judged_by_fallback(response.json(), store)


def test_a_total_the_document_does_not_print_is_never_used(tmp_path: Path, server: FakeGeminiServer) -> None:
    def inflate_total(request: RecordedRequest) -> str:
        return correct_model(request).replace('"total": "', '"total": "99', 1)

    server.respond_with(invoices_get(inflate_total))
    response, store = run_batch(tmp_path, server)
    body = response.json()
    assert_all_judged_by_fallback(body, store)
    assert all("amount_not_in_text" in codes(r) for r in body["results"])
    assert all(Decimal(str(r["total_amount"])) < 9900 for r in body["results"])


def test_hang_times_out_and_falls_back(tmp_path: Path, server: FakeGeminiServer) -> None:
    server.respond_with(invoices_get(lambda _: Reply.hang(30)))
    started = time.monotonic()
    response, store = run_batch(tmp_path, server, timeout_seconds=0.5, max_retries=0)
    elapsed = time.monotonic() - started
    assert response.status_code == 200, response.text
    assert_all_judged_by_fallback(response.json(), store)
    assert elapsed < 20, f"a hung model held the batch for {elapsed:.1f}s"


def test_hang_while_streaming_still_ends_with_done(tmp_path: Path, server: FakeGeminiServer) -> None:
    server.respond_with(invoices_get(lambda _: Reply.hang(30)))
    response, store = run_batch(tmp_path, server, stream=True, timeout_seconds=0.5, max_retries=0)
    events = sse_events(response.text)
    assert events[0]["type"] == "metadata" and events[-1]["type"] == "done"
    results = [e["data"] for e in events if e["type"] == "result"]
    assert len(results) == len(REIMBURSABLE)
    assert all("extractor_fallback" in codes(r) for r in results)
    assert {r["invoice_id"] for r in results} == set(store.records)


def test_without_fallback_failures_are_processing_errors_never_verdicts(
    tmp_path: Path, server: FakeGeminiServer
) -> None:
    server.respond_with(invoices_get(lambda _: Reply.error(503)))
    response, store = run_batch(tmp_path, server, fallback=False)
    body = response.json()
    assert response.status_code == 200, response.text
    assert body["results"] == []
    assert sorted(e["filename"] for e in body["processing_errors"]) == sorted(REIMBURSABLE)
    assert {e["error"] for e in body["processing_errors"]} == {"ExtractionError"}
    assert store.records == {}


def test_without_fallback_an_unreadable_policy_is_503_to_retry(
    tmp_path: Path, server: FakeGeminiServer
) -> None:
    server.respond_with(lambda _: Reply.error(503))
    response, store = run_batch(tmp_path, server, fallback=False)
    body = assert_contract_error(response, 503)
    assert "retry" in body["message"].lower()
    assert int(response.headers["retry-after"]) > 0
    assert store.records == {}

"""Resilience of Gemini calls, shown through the real SDK against the fake server on loopback."""

from __future__ import annotations

import asyncio
import email.utils
import threading
import time
from collections.abc import AsyncIterator

import httpx
import pytest
from google.genai import errors as genai_errors
from google.genai import types

from reimburse.adapters.gemini.client import GeminiGateway
from reimburse.adapters.gemini.resilience import (
    CircuitOpenError,
    CircuitState,
    GeminiRejected,
    Resilience,
    RetriesExhausted,
    StreamInterrupted,
    classify,
)
from tests.fakes.fake_gemini_server import GENERATE, FakeGeminiServer, RecordedRequest, Reply
from tests.fakes.gemini_kit import FAST, ManualClock, RecordingSleep, fast_config, make_gateway


def resilient(
    sleep: RecordingSleep | None = None, clock: ManualClock | None = None, rand: float = 1.0, **config: float
) -> Resilience:
    return Resilience(
        fast_config(**config),
        sleep=sleep or RecordingSleep(),
        clock=clock or time.monotonic,
        rand=lambda: rand,
    )


async def ask(gateway: GeminiGateway, text: str = "hello") -> str:
    async def once() -> types.GenerateContentResponse:
        return await gateway.client.aio.models.generate_content(model=gateway.model, contents=text)

    response = await gateway.resilience.call(once)
    return response.text or ""


async def test_429_retry_after_is_honoured(server: FakeGeminiServer) -> None:
    sleep = RecordingSleep()
    gateway = make_gateway(server, resilience=resilient(sleep))
    server.script(Reply.error(429, retry_after=3), "fine")

    assert await ask(gateway) == "fine"

    assert len(server.requests_for(GENERATE)) == 2
    assert len(sleep.waits) == 1 and sleep.waits[0] >= 3.0  # backoff alone would be ~0.01s
    await gateway.aclose()


async def test_retry_after_really_delays_the_next_request(server: FakeGeminiServer) -> None:
    gateway = make_gateway(server, resilience=Resilience(FAST))
    server.script(Reply.error(429, retry_after=1), "fine")

    assert await ask(gateway) == "fine"

    first, second = server.requests_for(GENERATE)
    assert second.arrived - first.arrived >= 0.95
    await gateway.aclose()


async def test_500_and_503_are_retried_with_growing_backoff_then_succeed(server: FakeGeminiServer) -> None:
    sleep = RecordingSleep()
    gateway = make_gateway(server, resilience=resilient(sleep, base_delay=0.1, max_delay=10))
    server.script(Reply.error(500), Reply.error(503), "third time lucky")

    assert await ask(gateway) == "third time lucky"

    assert len(server.requests) == 3
    assert sleep.waits == pytest.approx([0.1, 0.2])  # rand=1.0: the top of each jitter window
    assert gateway.resilience.retries == 2
    assert gateway.state is CircuitState.CLOSED
    await gateway.aclose()


async def test_jitter_spreads_waits_below_the_exponential_ceiling(server: FakeGeminiServer) -> None:
    sleep = RecordingSleep()
    gateway = make_gateway(server, resilience=resilient(sleep, rand=0.0, base_delay=0.4, max_delay=10))
    server.script(Reply.error(503), "ok")

    await ask(gateway)

    assert sleep.waits == pytest.approx([0.2])  # half the 0.4 ceiling at rand=0
    await gateway.aclose()


async def test_persistent_failure_exhausts_the_retries(server: FakeGeminiServer) -> None:
    gateway = make_gateway(server, resilience=resilient(max_retries=3, failure_threshold=50))
    server.respond_with(lambda _: Reply.error(503))

    with pytest.raises(RetriesExhausted, match="4 attempts"):
        await ask(gateway)

    assert len(server.requests) == 4  # 1 + max_retries
    await gateway.aclose()


async def test_retry_after_beyond_the_budget_fails_at_once(server: FakeGeminiServer) -> None:
    sleep = RecordingSleep()
    gateway = make_gateway(server, resilience=resilient(sleep, budget_seconds=5))
    server.script(Reply.error(429, retry_after=60), "never reached")

    with pytest.raises(RetriesExhausted, match="budget"):
        await ask(gateway)

    assert len(server.requests) == 1
    assert sleep.waits == []
    await gateway.aclose()


async def test_client_errors_are_not_retried(server: FakeGeminiServer) -> None:
    gateway = make_gateway(server, resilience=resilient())
    server.script(Reply.error(400, message="bad schema"), "unused")

    with pytest.raises(GeminiRejected, match="400"):
        await ask(gateway)

    assert len(server.requests) == 1
    assert gateway.resilience.breaker.consecutive_failures == 0  # our request, not Gemini's health
    await gateway.aclose()


async def test_malformed_http_body_is_retried(server: FakeGeminiServer) -> None:
    gateway = make_gateway(server, resilience=resilient())
    server.script(Reply.raw("<html>502 from a proxy</html>"), "ok")

    assert await ask(gateway) == "ok"
    assert len(server.requests) == 2
    await gateway.aclose()


async def test_a_hang_times_out_and_the_retry_succeeds(server: FakeGeminiServer) -> None:
    gateway = make_gateway(server, resilience=Resilience(fast_config(timeout_seconds=0.3)))
    server.script(Reply.hang(30), "answered")

    started = time.monotonic()
    assert await ask(gateway) == "answered"

    assert len(server.requests) == 2
    assert time.monotonic() - started < 5  # the hang did not hold the call
    await gateway.aclose()


async def test_hanging_forever_fails_within_the_budget(server: FakeGeminiServer) -> None:
    config = fast_config(timeout_seconds=0.25, budget_seconds=1.0, failure_threshold=50)
    gateway = make_gateway(server, resilience=Resilience(config))
    server.respond_with(lambda _: Reply.hang(30))

    started = time.monotonic()
    with pytest.raises(RetriesExhausted):
        await ask(gateway)
    elapsed = time.monotonic() - started

    assert elapsed < 1.0 + 0.5  # bounded by the budget (plus scheduling slack)
    assert len(server.requests) >= 2  # it did retry inside the budget
    await gateway.aclose()


async def test_circuit_opens_then_fails_fast_without_calling_gemini(server: FakeGeminiServer) -> None:
    clock = ManualClock()
    sleep = RecordingSleep(clock)
    gateway = make_gateway(
        server, resilience=resilient(sleep, clock, failure_threshold=3, max_retries=10, reset_seconds=30)
    )
    server.respond_with(lambda _: Reply.error(503))

    with pytest.raises(CircuitOpenError):
        await ask(gateway)
    assert len(server.requests) == 3  # the third failure opened the circuit mid-chain
    assert gateway.state is CircuitState.OPEN
    status, detail = gateway.health()
    assert status == "unhealthy" and "circuit open" in detail and "503" in detail

    with pytest.raises(CircuitOpenError):
        await ask(gateway)
    assert len(server.requests) == 3  # failed fast: nothing was sent
    await gateway.aclose()


async def test_half_open_probe_success_closes_the_circuit(server: FakeGeminiServer) -> None:
    clock = ManualClock()
    gateway = make_gateway(
        server, resilience=resilient(RecordingSleep(clock), clock, failure_threshold=2, max_retries=1)
    )
    server.script(Reply.error(503), Reply.error(503))
    with pytest.raises((RetriesExhausted, CircuitOpenError)):
        await ask(gateway)
    assert gateway.state is CircuitState.OPEN

    clock.advance(31)
    assert gateway.resilience.breaker.state is CircuitState.HALF_OPEN
    assert gateway.health()[0] == "degraded"
    server.script("recovered")
    assert await ask(gateway) == "recovered"

    assert gateway.resilience.state is CircuitState.CLOSED
    assert gateway.health()[0] == "healthy"
    await gateway.aclose()


async def test_half_open_probe_failure_reopens_the_circuit(server: FakeGeminiServer) -> None:
    clock = ManualClock()
    gateway = make_gateway(
        server, resilience=resilient(RecordingSleep(clock), clock, failure_threshold=2, max_retries=5)
    )
    server.respond_with(lambda _: Reply.error(500))
    with pytest.raises(CircuitOpenError):
        await ask(gateway)
    sent = len(server.requests)

    clock.advance(31)
    with pytest.raises(CircuitOpenError):
        await ask(gateway)  # one probe goes out, fails, and the circuit opens again

    assert len(server.requests) == sent + 1
    assert gateway.state is CircuitState.OPEN
    assert gateway.resilience.breaker.times_opened == 2
    await gateway.aclose()


async def test_health_is_degraded_after_a_failure_and_healthy_after_a_success(
    server: FakeGeminiServer,
) -> None:
    gateway = make_gateway(server, resilience=resilient(max_retries=0))
    assert gateway.health()[0] == "healthy"
    server.script(Reply.error(503))
    with pytest.raises(RetriesExhausted):
        await ask(gateway)
    status, detail = gateway.health()
    assert status == "degraded" and "1 recent consecutive failure" in detail

    server.script("ok")
    await ask(gateway)
    assert gateway.health()[0] == "healthy"
    await gateway.aclose()


async def test_concurrency_bound_is_respected(server: FakeGeminiServer) -> None:
    server.set_latency(0.2)
    server.respond_with(lambda _: "ok")
    gateway = make_gateway(server, resilience=resilient(concurrency=4))

    results = await asyncio.gather(*(ask(gateway, f"q{i}") for i in range(16)))

    assert results == ["ok"] * 16
    assert server.max_in_flight <= 4
    assert server.max_in_flight >= 2  # calls did overlap
    await gateway.aclose()


async def test_fake_server_serves_requests_concurrently(server: FakeGeminiServer) -> None:
    # Each handler waits until all ten are inside the server at once: a serialising server would
    # break the barrier (timeout) instead of answering.
    barrier = threading.Barrier(10, timeout=20)

    def responder(_: RecordedRequest) -> str:
        barrier.wait()
        return "ok"

    server.respond_with(responder)
    gateway = make_gateway(
        server, resilience=resilient(concurrency=10, timeout_seconds=30, budget_seconds=60)
    )

    results = await asyncio.gather(*(ask(gateway, f"q{i}") for i in range(10)))

    assert results == ["ok"] * 10
    assert server.max_in_flight == 10
    await gateway.aclose()


async def _collect(stream: AsyncIterator[types.GenerateContentResponse]) -> list[str]:
    return [chunk.text or "" async for chunk in stream]


async def test_stream_opening_is_retried_but_a_broken_stream_is_not(server: FakeGeminiServer) -> None:
    gateway = make_gateway(server, resilience=resilient())

    async def open_stream() -> AsyncIterator[types.GenerateContentResponse]:
        return await gateway.client.aio.models.generate_content_stream(model=gateway.model, contents="q")

    server.script(Reply.error(503), Reply.stream(["Hel", "lo"]))
    assert await _collect(gateway.resilience.stream(open_stream)) == ["Hel", "lo"]
    assert len(server.requests) == 2
    assert server.requests[-1].query == {"alt": ["sse"]}

    server.script(Reply.truncated_stream(["Half a sen"]), "never used")
    received: list[str] = []
    with pytest.raises(StreamInterrupted):
        async for chunk in gateway.resilience.stream(open_stream):
            received.append(chunk.text or "")
    assert received == ["Half a sen"]
    assert len(server.requests) == 3  # not retried once chunks were delivered
    assert gateway.resilience.in_flight == 0
    await gateway.aclose()


def test_retry_info_in_the_error_body_counts_as_retry_after() -> None:
    body = {
        "error": {
            "code": 429,
            "status": "RESOURCE_EXHAUSTED",
            "details": [{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "7s"}],
        }
    }
    failure = classify(genai_errors.ClientError(429, body, None), timeout=1.0)
    assert failure is not None and failure.retryable and failure.retry_after == 7.0


def test_programming_errors_are_not_treated_as_gemini_failures() -> None:
    assert classify(KeyError("bug"), timeout=1.0) is None


def test_retry_after_as_an_http_date() -> None:
    when = email.utils.formatdate(time.time() + 30, usegmt=True)
    response = httpx.Response(503, headers={"Retry-After": when})
    failure = classify(genai_errors.ServerError(503, {"error": {"code": 503}}, response), timeout=1.0)
    assert failure is not None and failure.retry_after is not None
    assert 25 <= failure.retry_after <= 31

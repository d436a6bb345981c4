"""Resilience for Gemini calls: a concurrency bound, per-call timeouts, retries with backoff (tenacity)
and a circuit breaker. The SDK's own retries are switched off (see client.py) so this is the one place
that decides when to try again.

Clock, sleep and randomness are injectable so tests can be fast and deterministic.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import enum
import json
import random
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, NoReturn, TypeVar

import msgspec
from google.genai import errors as genai_errors
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception_type
from tenacity.wait import wait_base

T = TypeVar("T")

RETRYABLE_STATUS = frozenset({408, 429, 500, 502, 503, 504})
AUTH_STATUS = frozenset({401, 403})


def _transport_errors() -> tuple[type[BaseException], ...]:
    # The SDK uses httpx or its fork httpx2, whichever is installed: accept both.
    found: list[type[BaseException]] = []
    for name in ("httpx", "httpx2"):
        try:
            module = __import__(name)
        except ImportError:
            continue
        found.append(module.TransportError)
    return tuple(found)


TRANSPORT_ERRORS = _transport_errors()


class GeminiUnavailable(Exception):
    """Gemini could not serve the call. Callers fall back or report; they never invent an answer."""


class CircuitOpenError(GeminiUnavailable):
    """Failing fast: Gemini kept failing and the breaker is open."""


class RetriesExhausted(GeminiUnavailable):
    """Every allowed attempt failed, or the next wait would not fit in the time budget."""


class GeminiRejected(GeminiUnavailable):
    """Gemini refused the request (4xx other than 408/429): retrying would not help."""


class StreamInterrupted(GeminiUnavailable):
    """A stream failed after it had started delivering chunks."""


class CircuitState(enum.StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


class ResilienceConfig(msgspec.Struct, frozen=True, kw_only=True):
    concurrency: int = 8
    timeout_seconds: float = 60.0
    max_retries: int = 4  # attempts = 1 + max_retries
    budget_seconds: float = 120.0  # total time for one call and its retries
    base_delay: float = 0.5
    max_delay: float = 20.0
    failure_threshold: int = 5  # consecutive failed attempts that open the circuit
    reset_seconds: float = 30.0  # open -> half-open after this long


class _Failure(msgspec.Struct, frozen=True):
    retryable: bool
    trips: bool  # counts towards opening the circuit
    description: str
    retry_after: float | None = None


class _Retryable(Exception):
    """An attempt failed in a way another attempt may fix. Never leaves Resilience."""

    def __init__(self, failure: _Failure) -> None:
        super().__init__(failure.description)
        self.failure = failure


class Backoff(wait_base):
    """Exponential backoff with "equal jitter" (never zero, never in lockstep), and never shorter
    than the Retry-After the server asked for."""

    def __init__(self, base: float, ceiling: float, rand: Callable[[], float]) -> None:
        self._base = base
        self._ceiling = ceiling
        self._rand = rand

    def __call__(self, retry_state: RetryCallState) -> float:
        ceiling = min(self._ceiling, self._base * 2.0 ** (retry_state.attempt_number - 1))
        delay = ceiling / 2 + self._rand() * ceiling / 2
        error = retry_state.outcome.exception() if retry_state.outcome else None
        retry_after = error.failure.retry_after if isinstance(error, _Retryable) else None
        return delay if retry_after is None else max(delay, retry_after)


def _retry_after_header(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(when.timestamp() - time.time(), 0.0)


def _retry_info(details: Any) -> float | None:
    """google.rpc.RetryInfo in the error body: {"retryDelay": "7s"}."""
    error = details.get("error", details) if isinstance(details, dict) else None
    for item in (error or {}).get("details", []) if isinstance(error, dict) else []:
        delay = item.get("retryDelay") if isinstance(item, dict) else None
        match = re.fullmatch(r"\s*([\d.]+)s\s*", str(delay or ""))
        if match:
            return float(match.group(1))
    return None


def classify(exc: BaseException, timeout: float) -> _Failure | None:
    """What a failure means for retrying. None: not a Gemini failure, let it propagate."""
    if isinstance(exc, genai_errors.APIError):
        code = int(exc.code or 0)
        headers = getattr(getattr(exc, "response", None), "headers", None)
        retry_after = _retry_after_header(headers.get("retry-after") if headers is not None else None)
        if retry_after is None:
            retry_after = _retry_info(exc.details)
        text = f"HTTP {code} {exc.status or ''}".strip()
        if code in RETRYABLE_STATUS:
            return _Failure(True, True, text, retry_after)
        return _Failure(False, code in AUTH_STATUS, text)
    if isinstance(exc, TimeoutError):
        return _Failure(True, True, f"no answer within {timeout:.3g}s")
    if isinstance(exc, TRANSPORT_ERRORS):
        return _Failure(True, True, f"transport error: {type(exc).__name__}")
    if isinstance(exc, json.JSONDecodeError | genai_errors.UnknownApiResponseError):
        return _Failure(True, True, "response body is not JSON")
    return None


class CircuitBreaker:
    """Closed: calls pass. Open: calls fail fast. Half-open: one probe decides which way to go."""

    def __init__(
        self,
        failure_threshold: int = 5,
        reset_seconds: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._threshold = max(failure_threshold, 1)
        self._reset = reset_seconds
        self._clock = clock
        self._opened_at: float | None = None
        self._probing = False
        self.consecutive_failures = 0
        self.last_error = ""
        self.times_opened = 0

    @property
    def state(self) -> CircuitState:
        if self._opened_at is None:
            return CircuitState.CLOSED
        if self._clock() - self._opened_at >= self._reset:
            return CircuitState.HALF_OPEN
        return CircuitState.OPEN

    def retry_in(self) -> float:
        if self._opened_at is None:
            return 0.0
        return max(self._reset - (self._clock() - self._opened_at), 0.0)

    def acquire(self) -> bool:
        """Raises CircuitOpenError, or lets the call through. True when the call is the half-open probe."""
        state = self.state
        if state is CircuitState.CLOSED:
            return False
        if state is CircuitState.HALF_OPEN and not self._probing:
            self._probing = True
            return True
        raise CircuitOpenError(
            f"Gemini circuit is {state}: {self.consecutive_failures} consecutive failures "
            f"(last: {self.last_error}); next probe in {self.retry_in():.0f}s"
        )

    def release_probe(self) -> None:
        self._probing = False

    def record_success(self) -> None:
        self._opened_at = None
        self._probing = False
        self.consecutive_failures = 0

    def record_failure(self, description: str) -> None:
        self.consecutive_failures += 1
        self.last_error = description
        if self._probing or self.consecutive_failures >= self._threshold:
            if self._opened_at is None or self._probing:
                self.times_opened += 1
            self._opened_at = self._clock()
        self._probing = False


class Resilience:
    """Wraps every Gemini call. One instance is shared by all Gemini adapters of a process."""

    def __init__(
        self,
        config: ResilienceConfig | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rand: Callable[[], float] = random.random,
    ) -> None:
        self.config = config or ResilienceConfig()
        self._clock = clock
        self._sleep = sleep
        self._rand = rand
        self._slots = asyncio.Semaphore(max(self.config.concurrency, 1))
        self.breaker = CircuitBreaker(self.config.failure_threshold, self.config.reset_seconds, clock)
        self.in_flight = 0
        self.calls = 0
        self.attempts = 0
        self.retries = 0
        self.failures = 0

    @property
    def state(self) -> CircuitState:
        return self.breaker.state

    def health(self) -> tuple[str, str]:
        """(status, detail) for /health's llm_service entry. No I/O."""
        breaker = self.breaker
        state = breaker.state
        load = f"{self.in_flight}/{self.config.concurrency} calls in flight"
        if state is CircuitState.OPEN:
            return (
                "unhealthy",
                f"circuit open after {breaker.consecutive_failures} consecutive failures "
                f"(last: {breaker.last_error}); calls fail fast, next probe in {breaker.retry_in():.0f}s",
            )
        if state is CircuitState.HALF_OPEN:
            return (
                "degraded",
                f"circuit half-open: probing Gemini after failures (last: {breaker.last_error})",
            )
        if breaker.consecutive_failures:
            return (
                "degraded",
                f"{breaker.consecutive_failures} recent consecutive failures (last: {breaker.last_error}); {load}",
            )
        return "healthy", f"circuit closed; {load}"

    def _retrying(self, started: float) -> AsyncRetrying:
        """Attempts of one call: retried while they fail in a way another attempt may fix, until
        the attempts run out or the next wait would not fit in the time budget."""
        config = self.config

        def stop(state: RetryCallState) -> bool:
            out_of_attempts = state.attempt_number > config.max_retries
            return out_of_attempts or self._clock() - started + state.upcoming_sleep >= config.budget_seconds

        def exhausted(state: RetryCallState) -> NoReturn:
            error = state.outcome.exception() if state.outcome else None
            assert isinstance(error, _Retryable)
            text = f"Gemini failed {_attempts(state.attempt_number)} (last: {error.failure.description})"
            if state.attempt_number <= config.max_retries:
                text += (
                    f"; waiting {state.upcoming_sleep:.1f}s more "
                    f"would exceed the {config.budget_seconds:g}s budget"
                )
            raise RetriesExhausted(text) from error.__cause__

        def count_retry(_: RetryCallState) -> None:
            self.retries += 1

        return AsyncRetrying(
            retry=retry_if_exception_type(_Retryable),
            wait=Backoff(config.base_delay, config.max_delay, self._rand),
            stop=stop,
            sleep=self._sleep,
            before_sleep=count_retry,
            retry_error_callback=exhausted,
        )

    def _failed(self, exc: Exception, timeout: float, probe: bool) -> None:
        """Records a failed attempt and says what comes next: returns when `exc` is no Gemini failure
        (the caller re-raises it), raises GeminiRejected, or _Retryable for another attempt."""
        failure = classify(exc, timeout)
        if failure is None:
            if probe:
                self.breaker.release_probe()
            return
        self.failures += 1
        if failure.trips:
            self.breaker.record_failure(failure.description)
        else:
            self.breaker.release_probe()
        if not failure.retryable:
            raise GeminiRejected(f"Gemini rejected the request: {failure.description}") from exc
        raise _Retryable(failure) from exc

    def _remaining(self, started: float) -> float:
        return self.config.budget_seconds - (self._clock() - started)

    async def call(self, op: Callable[[], Awaitable[T]]) -> T:
        """Runs `op` (one Gemini request) with the timeout, retries, budget and circuit breaker."""
        self.calls += 1
        started = self._clock()
        async for attempt in self._retrying(started):
            with attempt:
                return await self._attempt(op, started)
        raise AssertionError("unreachable: the last attempt returns or raises")

    async def _attempt(self, op: Callable[[], Awaitable[T]], started: float) -> T:
        probe = self.breaker.acquire()
        timeout = self.config.timeout_seconds
        try:
            async with self._slots:
                timeout = min(timeout, self._remaining(started))
                if timeout <= 0:
                    raise RetriesExhausted(f"no time left in the {self.config.budget_seconds:g}s budget")
                self.in_flight += 1
                self.attempts += 1
                try:
                    async with asyncio.timeout(timeout):
                        result = await op()
                finally:
                    self.in_flight -= 1
        except Exception as exc:
            self._failed(exc, timeout, probe)
            raise
        except BaseException:
            if probe:
                self.breaker.release_probe()
            raise
        self.breaker.record_success()
        return result

    async def stream(self, open_stream: Callable[[], Awaitable[AsyncIterator[T]]]) -> AsyncIterator[T]:
        """Yields a stream's chunks. Opening it (up to the first chunk) is retried like `call`;
        a failure after chunks were delivered raises StreamInterrupted, since they cannot be taken back.
        A concurrency slot is held until the stream ends.
        """
        self.calls += 1
        started = self._clock()
        opened: tuple[bool, AsyncIterator[T] | None, T | None] | None = None
        async for attempt in self._retrying(started):
            with attempt:
                opened = await self._open(open_stream, started)
        assert opened is not None
        probe, iterator, first = opened
        try:
            if first is None or iterator is None:
                self.breaker.record_success()
                return
            yield first
            while True:
                try:
                    async with asyncio.timeout(self.config.timeout_seconds):
                        chunk = await anext(iterator)
                except StopAsyncIteration:
                    break
                yield chunk
            self.breaker.record_success()
        except Exception as exc:
            failure = classify(exc, self.config.timeout_seconds)
            if failure is None:
                raise
            self.failures += 1
            if failure.trips:
                self.breaker.record_failure(failure.description)
            raise StreamInterrupted(f"the stream broke after it started: {failure.description}") from exc
        finally:
            if probe:
                self.breaker.release_probe()
            self._release()
            await _close(iterator)

    async def _open(
        self, open_stream: Callable[[], Awaitable[AsyncIterator[T]]], started: float
    ) -> tuple[bool, AsyncIterator[T] | None, T | None]:
        """One attempt at opening a stream: (probe, iterator, first chunk or None when empty).
        On success the concurrency slot stays held; `stream` releases it."""
        probe = self.breaker.acquire()
        await self._slots.acquire()
        self.in_flight += 1
        self.attempts += 1
        timeout = min(self.config.timeout_seconds, self._remaining(started))
        iterator: AsyncIterator[T] | None = None
        try:
            if timeout <= 0:
                raise RetriesExhausted(f"no time left in the {self.config.budget_seconds:g}s budget")
            async with asyncio.timeout(timeout):
                iterator = await open_stream()
                return probe, iterator, await anext(iterator)
        except StopAsyncIteration:
            return probe, iterator, None
        except Exception as exc:
            self._release()
            await _close(iterator)
            self._failed(exc, timeout, probe)
            raise
        except BaseException:
            self._release()
            await _close(iterator)
            if probe:
                self.breaker.release_probe()
            raise

    def _release(self) -> None:
        self.in_flight -= 1
        self._slots.release()


def _attempts(n: int) -> str:
    return "1 attempt" if n == 1 else f"{n} attempts"


async def _close(iterator: AsyncIterator[Any] | None) -> None:
    closer = getattr(iterator, "aclose", None)
    if closer is not None:
        with contextlib.suppress(Exception):  # closing a broken stream may fail again
            await closer()

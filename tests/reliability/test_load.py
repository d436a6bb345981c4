"""Load on loopback: 20 concurrent clients against the real server, then the rate limiter.

Phase 1: 20 closed-loop clients (each waits for its answer before the next request) mix
analyses (plain and streamed), chats (plain and streamed, and their history) and listings for
LOAD_SECONDS, with auth on: 16 employees acting for themselves, 4 reviewers. Every answer
must be a 200 (and so never a 5xx); p95 latency per kind and the server's peak RSS are recorded.
Phase 2: a server with a limit of RATE_LIMIT requests a minute answers 429 with Retry-After
beyond it, while the health checks stay exempt.
All traffic goes to 127.0.0.1; both phases are bounded in time and in request count.
"""

from __future__ import annotations

import asyncio
import os
import random
import secrets
import time
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from reimburse.adapters.jwt.token_service import JwtTokenService
from reimburse.domain.access import Role
from tests.conftest import analysis_files
from tests.reliability.workload import SUBMITTED_ON, invoice_batch, record_figures, sse_events
from tests.server_process import ServerProcess

pytestmark = pytest.mark.slow

CLIENTS = 20
LOAD_SECONDS = float(os.environ.get("LOAD_SECONDS", "60"))
MAX_REQUESTS_PER_CLIENT = 2000  # the count bound; the time bound usually ends the run first
REQUEST_TIMEOUT = 90.0
EMPLOYEES = ("Rani Sharma", "Arjun Mehta", "Li Wei", "Sofia García")
ZIPS_PER_CLIENT = 3
INVOICES_PER_ZIP = 3
RATE_LIMIT = 12
QUESTIONS = (
    "How much was reimbursed for cab rides?",
    "Which invoices were declined?",
    "Show partially reimbursed meals in December 2024",
    "How many invoices over 500 rupees?",
    "What did {name} claim for meals?",
    "List {name}'s cab rides in November",
)
# kind -> weight; analyses are the heavy ones, so they are the rarest
MIX = {"analysis": 8, "analysis_stream": 7, "chat": 15, "chat_stream": 15, "history": 10, "listing": 45}


class Client:
    """One simulated user: an identity, its own invoices, and what it has seen so far."""

    def __init__(self, index: int, token: str, name: str, reviewer: bool, rng: random.Random) -> None:
        self.index = index
        self.headers = {"Authorization": f"Bearer {token}"}
        self.name = name
        self.reviewer = reviewer
        self.rng = rng
        self.zips = [invoice_batch(rng, f"c{index}z{n}", INVOICES_PER_ZIP) for n in range(ZIPS_PER_CLIENT)]
        self.analyses = 0
        self.sessions: list[str] = []
        self.invoice_ids: list[str] = []


class Recorder:
    def __init__(self) -> None:
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.statuses: dict[str, Counter[int]] = defaultdict(Counter)
        self.failures: list[str] = []

    def add(self, kind: str, seconds: float, status: int, problem: str | None = None) -> None:
        self.latency[kind].append(seconds)
        self.statuses[kind][status] += 1
        if problem:
            self.failures.append(f"{kind}: {problem}")


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


async def _analysis(http: httpx.AsyncClient, c: Client, streamed: bool) -> tuple[int, str | None]:
    name = c.name if not c.reviewer else c.rng.choice(EMPLOYEES)
    # employees submit on today's date; only reviewers may set submitted_on
    form = (
        {"employee_name": name} if not c.reviewer else {"employee_name": name, "submitted_on": SUBMITTED_ON}
    )
    files = analysis_files(c.zips[c.analyses % len(c.zips)])
    c.analyses += 1
    if not streamed:
        response = await http.post("/api/v1/analyze-invoices", data=form, files=files, headers=c.headers)
        if response.status_code != 200:
            return response.status_code, response.text[:300]
        body = response.json()
        c.invoice_ids += [r["invoice_id"] for r in body["results"]]
        if body["processed_invoices"] != INVOICES_PER_ZIP:
            return 200, f"processed {body['processed_invoices']} of {INVOICES_PER_ZIP}"
        return 200, None
    async with http.stream(
        "POST", "/api/v1/analyze-invoices-stream", data=form, files=files, headers=c.headers
    ) as response:
        if response.status_code != 200:
            return response.status_code, (await response.aread()).decode()[:300]
        events = [e async for e in _aiter_events(response)]
    kinds = [e["type"] for e in events]
    c.invoice_ids += [e["data"]["invoice_id"] for e in events if e["type"] == "result"]
    if kinds[:1] != ["metadata"] or kinds[-1:] != ["done"] or "error" in kinds:
        return 200, f"stream events {kinds}"
    return 200, None


async def _aiter_events(response: httpx.Response) -> Any:
    lines = [line async for line in response.aiter_lines()]
    for event in sse_events(iter(lines)):
        yield event


def _chat_body(c: Client) -> dict[str, Any]:
    question = c.rng.choice(QUESTIONS).format(name=c.rng.choice(EMPLOYEES) if c.reviewer else c.name)
    session = c.rng.choice(c.sessions) if c.sessions and c.rng.random() < 0.5 else None
    return {"query": question, "session_id": session, "include_sources": True}


async def _chat(http: httpx.AsyncClient, c: Client, streamed: bool) -> tuple[int, str | None]:
    body = _chat_body(c)
    if not streamed:
        response = await http.post("/api/v1/chat", json=body, headers=c.headers)
        if response.status_code != 200:
            return response.status_code, response.text[:300]
        answer = response.json()
        if not answer["response"] or not answer["session_id"]:
            return 200, "empty answer"
        c.sessions.append(answer["session_id"])
        return 200, None
    async with http.stream("POST", "/api/v1/chat/stream", json=body, headers=c.headers) as response:
        if response.status_code != 200:
            return response.status_code, (await response.aread()).decode()[:300]
        events = [e async for e in _aiter_events(response)]
    kinds = [e["type"] for e in events]
    if kinds[:1] != ["metadata"] or kinds[-1:] != ["done"] or "error" in kinds:
        return 200, f"chat stream events {kinds}"
    c.sessions.append(events[0]["data"]["session_id"])
    return 200, None


async def _history(http: httpx.AsyncClient, c: Client) -> tuple[int, str | None]:
    if not c.sessions:
        return await _chat(http, c, streamed=False)
    response = await http.get(f"/api/v1/chat/history/{c.rng.choice(c.sessions)}", headers=c.headers)
    if response.status_code != 200:
        return response.status_code, response.text[:300]
    turns = response.json()
    return 200, None if turns and turns[0]["role"] == "user" else f"history {turns!r:.200}"


async def _listing(http: httpx.AsyncClient, c: Client) -> tuple[int, str | None]:
    if c.invoice_ids and c.rng.random() < 0.3:
        invoice_id = c.rng.choice(c.invoice_ids)
        response = await http.get(f"/api/v1/invoices/{invoice_id}", headers=c.headers)
        if response.status_code != 200:
            return response.status_code, response.text[:300]
        return 200, None if response.json()["invoice_id"] == invoice_id else "wrong invoice"
    params: dict[str, Any] = {"limit": c.rng.choice((10, 50, 200))}
    if c.rng.random() < 0.5:
        params["status"] = c.rng.choice(("fully_reimbursed", "partially_reimbursed", "declined"))
    if c.reviewer and c.rng.random() < 0.5:
        params["employee_name"] = c.rng.choice(EMPLOYEES)
    response = await http.get("/api/v1/invoices", params=params, headers=c.headers)
    if response.status_code != 200:
        return response.status_code, response.text[:300]
    page = response.json()
    foreign = [i for i in page["items"] if not c.reviewer and i["employee_name"] != c.name]
    return 200, f"{len(foreign)} items of other employees" if foreign else None


async def _run_client(http: httpx.AsyncClient, c: Client, deadline: float, recorder: Recorder) -> None:
    actions: dict[str, Callable[[], Awaitable[tuple[int, str | None]]]] = {
        "analysis": lambda: _analysis(http, c, streamed=False),
        "analysis_stream": lambda: _analysis(http, c, streamed=True),
        "chat": lambda: _chat(http, c, streamed=False),
        "chat_stream": lambda: _chat(http, c, streamed=True),
        "history": lambda: _history(http, c),
        "listing": lambda: _listing(http, c),
    }
    kinds, weights = list(MIX), list(MIX.values())
    for _ in range(MAX_REQUESTS_PER_CLIENT):
        if time.monotonic() >= deadline:
            return
        kind = c.rng.choices(kinds, weights)[0]
        started = time.perf_counter()
        try:
            status, problem = await actions[kind]()
        except httpx.HTTPError as exc:
            status, problem = 0, f"{type(exc).__name__}: {exc}"
        recorder.add(kind, time.perf_counter() - started, status, problem)


async def _sample_memory(server: ServerProcess, peaks: dict[str, int], stop: asyncio.Event) -> None:
    """Peak of the server's RSS plus its children's (the PDF process pool), sampled every 0.25 s."""
    while not stop.is_set():
        main = server.memory_kib().get("VmRSS", 0)
        children = sum(v.get("VmRSS", 0) for v in server.children_memory_kib().values())
        peaks["server_rss_kib"] = max(peaks.get("server_rss_kib", 0), main)
        peaks["server_plus_pool_rss_kib"] = max(peaks.get("server_plus_pool_rss_kib", 0), main + children)
        with_timeout = asyncio.create_task(stop.wait())
        await asyncio.wait({with_timeout}, timeout=0.25)
        with_timeout.cancel()


async def test_twenty_clients_for_a_minute_get_no_server_error(tmp_path: Path) -> None:
    secret = secrets.token_urlsafe(48)
    server = ServerProcess(
        tmp_path / "data",
        AUTH_ENABLED="true",
        SECRET_KEY=secret,
        RATE_LIMIT_PER_MINUTE="1000000",
        WORKERS="2",
        LOG_LEVEL="WARNING",
    )
    server.start(timeout=60)
    tokens = JwtTokenService(secret)
    rng = random.Random(8)
    clients = []
    for i in range(CLIENTS):
        reviewer = i >= 16
        name = f"reviewer-{i}" if reviewer else EMPLOYEES[i % len(EMPLOYEES)]
        role = Role.REVIEWER if reviewer else Role.EMPLOYEE
        token = tokens.mint(name, role, timedelta(hours=1))
        clients.append(Client(i, token, name, reviewer, random.Random(rng.random())))
    recorder = Recorder()
    peaks: dict[str, int] = {}
    stop = asyncio.Event()
    limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
    try:
        async with httpx.AsyncClient(base_url=server.base, timeout=REQUEST_TIMEOUT, limits=limits) as http:
            sampler = asyncio.create_task(_sample_memory(server, peaks, stop))
            started = time.monotonic()
            deadline = started + LOAD_SECONDS
            await asyncio.gather(*(_run_client(http, c, deadline, recorder) for c in clients))
            elapsed = time.monotonic() - started
            stop.set()
            await sampler
        memory = server.memory_kib()
        pool = server.children_memory_kib()
        alive = server.process is not None and server.process.poll() is None
        log = server.log_text()
    finally:
        server.stop()

    total = sum(len(v) for v in recorder.latency.values())
    figures = {
        "clients": CLIENTS,
        "seconds": round(elapsed, 1),
        "requests": total,
        "requests_per_second": round(total / elapsed, 1),
        "statuses": {k: dict(v) for k, v in recorder.statuses.items()},
        "latency_ms": {
            kind: {
                "count": len(values),
                "p50": round(_p(values, 0.50) * 1000),
                "p95": round(_p(values, 0.95) * 1000),
                "max": round(max(values) * 1000),
            }
            for kind, values in sorted(recorder.latency.items())
        },
        "server_peak_rss_mib_vmhwm": round(memory["VmHWM"] / 1024, 1),
        "server_peak_rss_mib_sampled": round(peaks.get("server_rss_kib", 0) / 1024, 1),
        "server_plus_pool_peak_rss_mib_sampled": round(peaks.get("server_plus_pool_rss_kib", 0) / 1024, 1),
        "pool_peak_rss_mib_vmhwm": [round(v.get("VmHWM", 0) / 1024, 1) for v in pool.values()],
        "failures": recorder.failures[:20],
    }
    record_figures("load", figures)
    assert alive, log[-3000:]
    server_errors = {k: n for k, v in recorder.statuses.items() for s, n in v.items() if s >= 500}
    assert not server_errors, f"5xx answers: {server_errors}"
    assert not recorder.failures, recorder.failures[:20]
    assert set(recorder.latency) == set(MIX), "every kind of request ran"
    assert "Traceback" not in log, log[-3000:]


async def test_rate_limiter_answers_429_with_retry_after(tmp_path: Path) -> None:
    server = ServerProcess(tmp_path / "data", RATE_LIMIT_PER_MINUTE=str(RATE_LIMIT), LOG_LEVEL="WARNING")
    server.start(timeout=60)
    try:
        async with httpx.AsyncClient(base_url=server.base, timeout=30) as http:
            first = [(await http.get("/api/v1/invoices")).status_code for _ in range(RATE_LIMIT)]
            beyond = [await http.get("/api/v1/invoices", headers={"X-Request-ID": "over-1"})]
            beyond += [
                await http.post("/api/v1/chat", json={"query": "how many invoices?"}) for _ in range(3)
            ]
            health = [
                (await http.get(path)).status_code for path in ("/api/v1/health/quick", "/api/v1/health")
            ] * 3
    finally:
        server.stop()

    assert first == [200] * RATE_LIMIT
    assert [r.status_code for r in beyond] == [429] * len(beyond)
    for response in beyond:
        retry_after = response.headers.get("Retry-After", "")
        assert retry_after.isdigit() and 1 <= int(retry_after) <= 60, response.headers
        body = response.json()
        assert body["success"] is False and body["error"] == "RateLimitExceeded", body
        assert body["request_id"] == response.headers["X-Request-ID"]
    assert beyond[0].headers["X-Request-ID"] == "over-1"
    assert health == [200] * len(health), "health checks are exempt from the limit"
    record_figures(
        "rate_limit",
        {
            "limit_per_minute": RATE_LIMIT,
            "allowed": first.count(200),
            "refused_with_429": len(beyond),
            "retry_after_seconds": [int(r.headers["Retry-After"]) for r in beyond],
            "health_after_limit": health,
        },
    )

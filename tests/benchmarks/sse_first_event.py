"""5. Time to the first SSE event of POST /analyze-invoices-stream once the request body is sent.

A real offline server; httpx sends a pre-encoded multipart body from a generator, and the moment
the generator is asked for a chunk after the last one (the last byte has gone to the socket) is
the start. The stop is the arrival of the first `data:` line. Baseline: GET /health/quick round
trips on the same keep-alive connection, interleaved with the streams.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from tests.benchmarks.corpus import simple_invoices, zip_bytes
from tests.benchmarks.harness import Goal, Profile, Section, log, percentile
from tests.benchmarks.servers import analysis_form, running_server
from tests.conftest import policy_pdf

CHUNK = 64 * 1024


def first_event_ms(client: httpx.Client, url: str, body: bytes, content_type: str) -> float:
    sent: list[float] = []

    def chunks() -> Iterator[bytes]:
        for i in range(0, len(body), CHUNK):
            yield body[i : i + CHUNK]
        sent.append(time.perf_counter())  # runs once the last chunk has been written

    first: float | None = None
    kinds: list[str] = []
    headers = {"content-type": content_type, "content-length": str(len(body))}
    with client.stream("POST", url, content=chunks(), headers=headers, timeout=120) as response:
        if response.status_code != 200:
            raise AssertionError(f"stream answered {response.status_code}: {response.read()[:300]!r}")
        for line in response.iter_lines():
            if line.startswith("data:"):
                if first is None:
                    first = time.perf_counter()
                kinds.append(json.loads(line[5:])["type"])
    if first is None or not sent or kinds[0] != "metadata" or kinds[-1] != "done":
        raise AssertionError(f"unexpected event sequence: {kinds}")
    return (first - sent[0]) * 1000


def health_ms(client: httpx.Client, base: str) -> float:
    started = time.perf_counter()
    response = client.get(f"{base}/api/v1/health/quick")
    if response.status_code != 200:
        raise AssertionError(f"health answered {response.status_code}")
    return (time.perf_counter() - started) * 1000


def run(profile: Profile, work: Path) -> Section:
    section = Section(5, "Time to the first SSE event")
    ttfe = section.figure(
        "first `data:` event after the body is sent, p50", "ms", Goal("<", 50, "< 50 ms"), headline=True
    )
    ttfe_p95 = section.figure("first `data:` event after the body is sent, p95", "ms")
    ratio = section.figure("first event p50 / GET /health/quick p50", "x", headline=True)
    rtt = section.figure("GET /health/quick round trip, p50", "ms")

    policy = policy_pdf()
    zips = [zip_bytes(simple_invoices(profile.sse_invoices, f"sse{i}")) for i in range(profile.runs + 1)]
    with running_server(work, "sse", WORKERS="2") as server, httpx.Client() as client:
        url = f"{server.base}/api/v1/analyze-invoices-stream"

        def encoded(zip_data: bytes) -> tuple[bytes, str]:
            data, files = analysis_form(zip_data, policy, "Rani Sharma", "2024-12-31")
            request = client.build_request("POST", url, data=data, files=files)
            return request.read(), request.headers["content-type"]

        first_event_ms(client, url, *encoded(zips[-1]))  # warm-up: pool, policy, first stream
        for i in range(1, profile.runs + 1):
            body, content_type = encoded(zips[i - 1])
            events: list[float] = []
            floor: list[float] = []
            for _ in range(profile.sse_requests):
                floor.append(health_ms(client, server.base))
                events.append(first_event_ms(client, url, body, content_type))
            ttfe.add(percentile(events, 50))
            ttfe_p95.add(percentile(events, 95))
            rtt.add(percentile(floor, 50))
            ratio.add(percentile(events, 50) / percentile(floor, 50))
            log(
                f"5. run {i}: first event p50 {percentile(events, 50):.1f} ms, health {percentile(floor, 50):.1f} ms"
            )

    section.method = [
        f"A real offline `reimburse serve` (`WORKERS=2`) on loopback. Each request is a "
        f"`POST /api/v1/analyze-invoices-stream` with a policy and a ZIP of {profile.sse_invoices} "
        f"invoices, pre-encoded as multipart and sent by httpx from a generator: the clock starts when "
        f"the generator is asked for more after its last chunk (the whole body is on the socket) and "
        f"stops at the first `data:` line (the `metadata` event). Every stream is read to its `done` "
        f"event before the next request. Each run makes {profile.sse_requests} such requests, each "
        f"preceded by a `GET /health/quick` on the same keep-alive connection (the baseline: an HTTP "
        f"round trip through the same stack with no work). A warm-up stream runs first.",
        "What the server does in that time: finish parsing the multipart form (the file parts are "
        "already spooled while they arrive), validate it, open the ZIP's central directory, start the "
        "streaming response and emit `metadata`; the policy and the invoices are read after it.",
    ]
    return section

"""9. The event loop never blocks: GET /invoices?limit=20 from 8 clients, idle and under 2 big batches.

One real offline `reimburse serve` (WORKERS=2), seeded with a batch of invoices so the listing has a
page to show. Each run measures the listing twice, back to back: idle (nothing else running), then
while two large `POST /api/v1/analyze-invoices` run on the same server. 8 client threads, each with
its own keep-alive connection, list as fast as their answers come. The figure is the p95 of every
listing in the phase; the headline is the loaded p95 against the idle p95 of the same run.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx

from tests.benchmarks.corpus import (
    EXAMPLE_EMPLOYEE,
    EXAMPLE_POLICY,
    EXAMPLE_SUBMITTED_ON,
    example_invoices,
    zip_bytes,
)
from tests.benchmarks.harness import Goal, Profile, Section, log, percentile
from tests.benchmarks.servers import analyse, running_server

CLIENTS = 8
LISTING = "/api/v1/invoices?limit=20"


def _list_until(base: str, stop: threading.Event, out: list[float], errors: list[str]) -> None:
    with httpx.Client(timeout=60) as client:
        while not stop.is_set():
            started = time.perf_counter()
            response = client.get(base + LISTING)
            elapsed = (time.perf_counter() - started) * 1000
            if response.status_code != 200 or len(response.json()["items"]) != 20:
                errors.append(f"{response.status_code}: {response.text[:200]}")
                return
            out.append(elapsed)


def listing_phase(base: str, seconds: float | None, load: list[threading.Thread]) -> list[float]:
    """Latencies (ms) of every listing made by CLIENTS threads until `load` ends (or `seconds`)."""
    stop = threading.Event()
    samples: list[list[float]] = [[] for _ in range(CLIENTS)]
    errors: list[str] = []
    clients = [
        threading.Thread(target=_list_until, args=(base, stop, samples[i], errors), daemon=True)
        for i in range(CLIENTS)
    ]
    for t in clients:
        t.start()
    for t in load:
        t.start()
    if load:
        for t in load:
            t.join()
    else:
        time.sleep(seconds or 0)
    stop.set()
    for t in clients:
        t.join()
    if errors:
        raise AssertionError(f"a listing failed: {errors[0]}")
    return [ms for per_client in samples for ms in per_client]


def run(profile: Profile, work: Path) -> Section:
    n = profile.load_batch_invoices
    section = Section(9, "Listing while batches run (the event loop never blocks)")
    ratio = section.figure(
        "listing p95 under 2 batches / idle p95", "x", Goal("<=", 5, "<= 5x"), headline=True
    )
    loaded = section.figure(
        "listing p95 under 2 batches, 8 clients", "ms", Goal("<", 250, "< 250 ms"), headline=True
    )
    idle = section.figure("listing p95 idle, 8 clients", "ms")
    loaded_p50 = section.figure("listing p50 under 2 batches", "ms")
    idle_p50 = section.figure("listing p50 idle", "ms")
    during = section.figure(f"time for the 2 batches of {n} invoices", "s")
    listings = section.figure("listings answered during the 2 batches", "requests")

    policy = EXAMPLE_POLICY.read_bytes()
    seed = zip_bytes(example_invoices(40, "load-seed"))
    with running_server(work, "loaded", WORKERS="2") as server, httpx.Client() as client:
        analyse(client, server.base, seed, policy, EXAMPLE_EMPLOYEE, EXAMPLE_SUBMITTED_ON)
        for i in range(1, profile.runs + 1):
            batches = [zip_bytes(example_invoices(n, f"load-{i}-{b}")) for b in range(2)]
            failures: list[BaseException] = []
            took: list[float] = []

            def batch(
                data: bytes, failures: list[BaseException] = failures, took: list[float] = took
            ) -> None:
                started = time.perf_counter()
                try:
                    with httpx.Client() as own:
                        analyse(own, server.base, data, policy, EXAMPLE_EMPLOYEE, EXAMPLE_SUBMITTED_ON)
                except BaseException as exc:  # reported after the phase
                    failures.append(exc)
                took.append(time.perf_counter() - started)

            load = [threading.Thread(target=batch, args=(data,), daemon=True) for data in batches]
            quiet = listing_phase(server.base, profile.load_idle_seconds, [])
            busy = listing_phase(server.base, None, load)
            if failures:
                raise AssertionError(f"a batch failed: {failures[0]}")
            idle.add(percentile(quiet, 95))
            idle_p50.add(percentile(quiet, 50))
            loaded.add(percentile(busy, 95))
            loaded_p50.add(percentile(busy, 50))
            ratio.add(percentile(busy, 95) / percentile(quiet, 95))
            during.add(max(took))
            listings.add(len(busy))
            log(
                f"9. run {i}: idle p95 {percentile(quiet, 95):.1f} ms, loaded p95 "
                f"{percentile(busy, 95):.1f} ms ({len(busy)} listings in {max(took):.1f} s)"
            )

    section.method = [
        f"A real offline `reimburse serve` (`WORKERS=2`: two PDF reader processes) on loopback, seeded "
        f"with one analysis of 40 invoices. Each run measures `GET {LISTING}` from {CLIENTS} client "
        f"threads (one keep-alive connection each, a new request as soon as the last is answered): "
        f"first for {profile.load_idle_seconds:g} s with nothing else running (the baseline), then "
        f"while two `POST /api/v1/analyze-invoices` of {n} example invoices each run at once on the "
        f"same server (PDF reading, policy and invoice reading, verdicts, duplicate look-ups and the "
        f"store write), until both are answered. Figures are the p95 and p50 of every listing in the "
        f"phase; the ratio is loaded p95 / idle p95 of the same run.",
    ]
    section.notes = [
        f"Under two batches the listing's p95 is {ratio.median:.1f}x its idle p95 ({loaded.median:.0f} ms "
        f"against {idle.median:.0f} ms; p50 {loaded_p50.median:.0f} against {idle_p50.median:.0f} ms), "
        f"and the server answered {listings.median:,.0f} listings while the batches ran. What keeps "
        "the loop free: PDF and OCR reading and the heuristic invoice and policy readers run in the "
        "process pool; every Qdrant Edge call (reads with their payload decoding, point building and "
        "BM25 on upsert, writes and their WAL fsyncs) runs in a worker thread, and no write flushes the "
        "shard (item 10); the loop only parses requests, "
        "decides verdicts and frames responses. The pool's workers run at nice +10, so on this "
        "2-core machine the two readers give the CPU to the server process whenever it has a request "
        "to answer; the batches take longer for it only when the cores are short.",
        "Before this change (measured while building it, quick profile: 2 batches of 40 invoices, "
        "same 8 clients): the heuristic readers ran on the event loop (about 16 ms per invoice) and "
        "every store read ran inline, and the loaded p95 was 12.8x the idle one (718 ms). The rest "
        "of the slowdown is CPU contention: 2 cores shared by the reader processes, the store's "
        "threads, the loop, the 8 client threads of this benchmark and other work on the machine.",
    ]
    return section

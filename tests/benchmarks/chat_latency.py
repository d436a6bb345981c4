"""p50/p95 latency of POST /api/v1/chat at several store sizes (not collected by pytest).

Seeds N analysed invoices (tests/chat_dataset.py) into Qdrant Edge in a temp dir, starts the real
app on the offline adapters through Litestar's TestClient, and times a mix of questions: counts,
sums, averages, lists, breakdowns, lookups, policy and follow-ups. Each request includes the
durable write of both chat turns.

    .venv/bin/python -m tests.benchmarks.chat_latency --sizes 300 10000 --rounds 5
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from litestar.testing import TestClient

from reimburse.http.app import create_app
from tests import chat_dataset
from tests.chat_app import container_for, seed_records
from tests.conftest import make_settings

QUESTIONS = [
    "How many invoices did Rani Sharma submit?",
    "how much did we reimburse for meals in December 2024?",
    "List Hardik's declined invoices",
    "what about Wei Chen?",
    "average reimbursement for flights",
    "Who claimed the most in 2024?",
    "show invoices over ₹5,000 for Wei",
    "total spent per category last year",
    "what is the meal limit?",
    "show invoice INV-100042",
    "how many partially reimbursed cab rides were there in Q3 2024?",
    "hello",
]


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def measure(size: int, rounds: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        settings = make_settings(Path(tmp), rate_limit_per_minute=1_000_000, log_level="WARNING")
        started = time.perf_counter()
        seed_records(settings, chat_dataset.records(size))
        seeded = time.perf_counter() - started
        samples: list[float] = []
        per_question: dict[str, list[float]] = {q: [] for q in QUESTIONS}
        with TestClient(create_app(container_for(settings))) as client:
            client.post("/api/v1/chat", json={"query": "warm up"})
            for _ in range(rounds):
                session = None
                for question in QUESTIONS:
                    t0 = time.perf_counter()
                    response = client.post("/api/v1/chat", json={"query": question, "session_id": session})
                    elapsed = (time.perf_counter() - t0) * 1000
                    assert response.status_code == 200, response.text
                    session = response.json()["session_id"]
                    samples.append(elapsed)
                    per_question[question].append(elapsed)
        return {
            "size": size,
            "seed_s": seeded,
            "n": len(samples),
            "p50": statistics.median(samples),
            "p95": percentile(samples, 95),
            "max": max(samples),
            "slowest": sorted(((statistics.median(v), q) for q, v in per_question.items()), reverse=True)[:3],
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 10_000])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    for size in args.sizes:
        r = measure(size, args.rounds)
        print(
            f"{r['size']:>6} invoices (seeded in {r['seed_s']:.1f}s): /chat p50 {r['p50']:.1f} ms, "
            f"p95 {r['p95']:.1f} ms, max {r['max']:.1f} ms over {r['n']} requests"
        )
        for median, question in r["slowest"]:
            print(f"         slowest median {median:6.1f} ms  {question}")


if __name__ == "__main__":
    main()

"""How much bounded concurrency buys when every Gemini call takes 400 ms.

Runs N extractions through GeminiInvoiceExtractor -> google-genai SDK -> fake Gemini server
(real HTTP on loopback, 400 ms latency per request), sequentially and with concurrency limits.

    .venv/bin/python -m tests.benchmarks.bench_gemini_concurrency [--n 50] [--latency 0.4]

Not part of the normal test run (tests/benchmarks is ignored by pytest's addopts).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import time
from decimal import Decimal

from reimburse.adapters.gemini.invoice_extractor import GeminiInvoiceExtractor
from reimburse.adapters.gemini.resilience import Resilience, ResilienceConfig
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import Category, Policy
from tests.fakes.fake_gemini_server import FakeGeminiServer, RecordedRequest
from tests.fakes.gemini_kit import make_gateway

POLICY = Policy(policy_id="pol_bench", currency="INR", categories=(Category("cab", ("taxi",)),))


def invoice_text(i: int) -> str:
    return f"City Taxi\nInvoice No: T-{i}\nDate: 2024-12-{1 + i % 28:02d}\nRide fare\nTotal: INR {100 + i}.50"


def oracle(request: RecordedRequest) -> str:
    """Answers like a correct model: reads the quoted invoice's own printed values."""
    text = request.user_text
    number = re.search(r"Invoice No: (T-\d+)", text)
    total = re.search(r"Total: INR ([\d.]+)", text)
    day = re.search(r"Date: ([\d-]+)", text)
    reading: dict[str, object] = {
        "total": total.group(1) if total else None,
        "currency": "INR",
        "vendor": "City Taxi",
        "invoice_number": number.group(1) if number else None,
        "invoice_date": day.group(1) if day else None,
        "category": "cab",
        "line_items": [],
    }
    return json.dumps(reading)


async def run(n: int, latency: float, concurrency: int | None) -> float:
    with FakeGeminiServer(latency=latency, responder=oracle) as server:
        limit = concurrency or 1
        gateway = make_gateway(server, resilience=Resilience(ResilienceConfig(concurrency=limit)))
        extractor = GeminiInvoiceExtractor(gateway)
        docs = [Document(f"t{i}.pdf", f"{i:064d}", invoice_text(i)) for i in range(n)]
        started = time.perf_counter()
        if concurrency is None:
            results = [await extractor.extract(d, POLICY) for d in docs]
        else:
            results = await asyncio.gather(*(extractor.extract(d, POLICY) for d in docs))
        elapsed = time.perf_counter() - started
        assert [r.total for r in results] == [Decimal(f"{100 + i}.50") for i in range(n)]
        assert len(server.requests) == n and server.max_in_flight <= limit
        await gateway.aclose()
        return elapsed


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--latency", type=float, default=0.4)
    args = parser.parse_args()
    sequential = await run(args.n, args.latency, None)
    print(f"{args.n} extractions at {args.latency * 1000:.0f} ms latency")
    print(f"  sequential          {sequential:6.2f} s")
    for limit in (8, 16):
        elapsed = await run(args.n, args.latency, limit)
        print(f"  concurrency {limit:<2}      {elapsed:6.2f} s   speedup x{sequential / elapsed:.1f}")


if __name__ == "__main__":
    asyncio.run(main())

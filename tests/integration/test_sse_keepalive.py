"""Idle streams carry `: ping` comments, which a Flutter client skips (they don't start with `data: `)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from dependency_injector import providers
from litestar.testing import TestClient

from reimburse.adapters.heuristic.invoice_extractor import HeuristicInvoiceExtractor
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.policy import Policy
from reimburse.http.app import create_app
from tests.conftest import analysis_files, make_settings, offline_container


class SlowExtractor:
    """The real offline extractor, made slow the way a remote model is."""

    name = "slow-heuristic"

    def __init__(self, delay: float) -> None:
        self._inner = HeuristicInvoiceExtractor()
        self._delay = delay

    async def extract(self, document: Document, policy: Policy) -> Invoice:
        await asyncio.sleep(self._delay)
        return await self._inner.extract(document, policy)


def test_pings_fill_idle_time_and_the_stream_still_ends_with_done(tmp_path: Path) -> None:
    container = offline_container(make_settings(tmp_path, sse_ping_seconds=0.05))
    container.extractor.override(providers.Object(SlowExtractor(0.4)))
    form = {"employee_name": "Rani Sharma", "submitted_on": "2024-12-31"}
    with TestClient(create_app(container)) as client:
        response = client.post("/api/v1/analyze-invoices-stream", data=form, files=analysis_files())
    lines = [line for line in response.text.split("\n") if line]
    assert ": ping" in lines
    data = [line for line in lines if line.startswith("data: ")]
    assert data[0].startswith('data: {"type":"metadata"')
    assert data[-1].startswith('data: {"type":"done"')
    assert all(line.startswith(("data: ", ": ping")) for line in lines)

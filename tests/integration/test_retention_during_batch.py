"""Retention while a batch is reading: a file the batch re-submits may be the original of a record
retention removes. Retention then drops the original as used by no record, just before the batch
writes a record that uses it: every stored record must still find its original.

Real adapters (embedded Qdrant Edge, filesystem documents, in-process lock); the only fakes hold the
batch's reading of one file until retention has run, and tell when the others' originals are stored.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest

from reimburse.application.analyze_batch import AnalyzeBatch
from reimburse.application.erasure import ApplyRetention
from reimburse.container import Container, close_container, open_container
from reimburse.domain.filters import InvoiceFilter
from tests.conftest import make_settings, make_zip, offline_container
from tests.fakes.fixed_clock import FixedClock
from tests.integration.test_erasure_during_batch import (
    FILES,
    HANG_GUARD,
    RANI,
    SHAS,
    CountingDocuments,
    HeldExtractor,
    _request,
)


@pytest.fixture
async def container(tmp_path: Path) -> AsyncIterator[Container]:
    container = offline_container(make_settings(tmp_path))
    await open_container(container)
    try:
        yield container
    finally:
        await close_container(container)


async def test_an_original_retention_drops_while_a_batch_reads_it_is_stored_again(
    container: Container,
) -> None:
    analyze: AnalyzeBatch = container.analyze_batch()
    now = analyze.clock
    analyze.clock = FixedClock(date(2024, 1, 10))  # the first analysis is long past retention
    await analyze.run(_request(), io.BytesIO(make_zip(FILES)))
    analyze.clock = now

    held = "cab-2.pdf"  # the other two are read, and their originals stored, before retention runs
    extractor = HeldExtractor({held})
    documents = CountingDocuments(container.document_store(), expected=len(FILES) - 1)
    analyze.extractor, analyze.in_process_extractor, analyze.documents = extractor, None, documents
    run = asyncio.create_task(analyze.run(_request(), io.BytesIO(make_zip(FILES))))
    await asyncio.wait_for(extractor.all_waiting.wait(), HANG_GUARD)
    await asyncio.wait_for(documents.stored.wait(), HANG_GUARD)
    invoices = container.invoice_store()
    retention: ApplyRetention = container.apply_retention()
    retention.days = 30  # the service's retention, on (RETENTION_DAYS is 0 in tests)
    report = await asyncio.wait_for(retention(), HANG_GUARD)
    extractor.release.set()
    summary = await asyncio.wait_for(run, HANG_GUARD)

    assert report.invoices_removed == len(FILES)  # the old analysis went, and its originals with it
    assert summary.processed_invoices == len(FILES)
    stored = [r async for r in invoices.iterate(InvoiceFilter(employee_names=(RANI,)))]
    assert {r.file_sha256 for r in stored} == SHAS
    assert {sha for sha in SHAS if await documents.exists(sha)} == SHAS

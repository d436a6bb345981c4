"""An erasure that runs while a batch of the same employee is in flight: erased data must stay
erased, and no original may be left behind that no record points to.

Real adapters (the embedded Qdrant Edge store, the filesystem document store, the employee lock and
batch register in this process or on a real redis-server). The only fakes hold the batch at a
dangerous point until the erasure has been asked for: an extractor (the batch is reading; some
originals may already be stored), and wrappers of the real document store (the batch is inside its
critical section, storing an original) and of the real register (the batch stored its results and
has not reported them yet).
"""

from __future__ import annotations

import asyncio
import hashlib
import io
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from reimburse.adapters.heuristic.invoice_extractor import HeuristicInvoiceExtractor
from reimburse.application.analyze_batch import AnalyzeBatch, BatchRequest
from reimburse.application.erasure import ErasureReport
from reimburse.application.results import BatchDone, BatchEvent, InvoiceFailed, InvoiceJudged
from reimburse.container import Container, close_container, open_container
from reimburse.domain.access import Viewer
from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.ids import invoice_id_for
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.policy import Policy
from reimburse.ports.batch_register import BatchRegister
from reimburse.ports.document_store import DocumentStore
from tests.conftest import cab_invoice, make_settings, make_zip, meal_invoice, offline_container
from tests.redis_server import next_database, redis_server  # noqa: F401  (fixture)

POLICY = Path(__file__).resolve().parents[2] / "docs" / "examples" / "policy.pdf"
RANI = "Rani Sharma"
HANG_GUARD = 120  # seconds: only turns a deadlock into a failure; never what a test measures

FILES = {
    "cab-1.pdf": cab_invoice("CAB-1", "420.00", when="03/12/2024"),
    "meal-1.pdf": meal_invoice("M-1", "600.00", "0.00", when="04/12/2024"),
    "cab-2.pdf": cab_invoice("CAB-2", "380.00", when="05/12/2024"),
}
SHAS = {hashlib.sha256(data).hexdigest() for data in FILES.values()}


class HeldExtractor:
    """The real heuristic extractor, but the files named in `held` wait for `release` once read."""

    name = "heuristic"

    def __init__(self, held: set[str]) -> None:
        self._real = HeuristicInvoiceExtractor()
        self.held = held
        self.waiting = 0
        self.all_waiting = asyncio.Event()
        self.release = asyncio.Event()

    async def extract(self, document: Document, policy: Policy) -> Invoice:
        invoice = await self._real.extract(document, policy)
        if document.filename in self.held:
            self.waiting += 1
            if self.waiting == len(self.held):
                self.all_waiting.set()
            await self.release.wait()
        return invoice


class _RealDocuments:
    """The real document store behind a wrapper that changes only `put`."""

    def __init__(self, real: DocumentStore) -> None:
        self._real = real

    async def get(self, sha256: str) -> bytes | None:
        return await self._real.get(sha256)

    async def exists(self, sha256: str) -> bool:
        return await self._real.exists(sha256)

    async def delete(self, sha256: str) -> bool:
        return await self._real.delete(sha256)

    async def close(self) -> None:
        await self._real.close()


class HeldDocuments(_RealDocuments):
    """The real filesystem store; the first put waits for `release` before it writes."""

    def __init__(self, real: DocumentStore) -> None:
        super().__init__(real)
        self.first_put = asyncio.Event()
        self.release = asyncio.Event()

    async def put(self, data: bytes) -> str:
        if not self.first_put.is_set():
            self.first_put.set()
            await self.release.wait()
        return await self._real.put(data)


class CountingDocuments(_RealDocuments):
    """The real store; `stored` is set once `expected` puts have returned."""

    def __init__(self, real: DocumentStore, expected: int) -> None:
        super().__init__(real)
        self._left = expected
        self.stored = asyncio.Event()

    async def put(self, data: bytes) -> str:
        key = await self._real.put(data)
        self._left -= 1
        if self._left == 0:
            self.stored.set()
        return key


@dataclass
class Service:
    container: Container
    analyze: AnalyzeBatch

    async def erase(self) -> ErasureReport:
        report: ErasureReport = await self.container.erase_employee()(Viewer.anonymous_admin(), RANI)
        return report

    async def left_behind(self) -> tuple[int, int, set[str]]:
        """Rani's records, her history events, and the originals of the batch still on disk."""
        invoices, history, documents = (
            self.container.invoice_store(),
            self.container.history_store(),
            self.container.document_store(),
        )
        records = await invoices.count(InvoiceFilter(employee_names=(RANI,)))
        events = 0
        for sha in SHAS:
            events += len(await history.events(invoice_id_for(RANI, sha)))
        originals = {sha for sha in SHAS if await documents.exists(sha)}
        return records, events, originals


@pytest.fixture(params=["in-process", "redis"])
async def service(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Service]:
    """The lock and the batch register in this process, or shared through a real redis-server."""
    shared: dict[str, str] = {}
    if request.param == "redis":
        shared["redis_url"] = next_database(request.getfixturevalue("redis_server"))
    container = offline_container(make_settings(tmp_path, **shared))
    await open_container(container)
    try:
        yield Service(container, container.analyze_batch())
    finally:
        await close_container(container)


def _request() -> BatchRequest:
    return BatchRequest(RANI, POLICY.read_bytes(), "policy.pdf", submitted_on=date(2024, 12, 31))


def _hold_reading(service: Service, held: set[str]) -> HeldExtractor:
    extractor = HeldExtractor(held)
    service.analyze.extractor = extractor
    service.analyze.in_process_extractor = None  # the held extractor runs on the loop, after reading
    return extractor


async def _collect(events: AsyncIterator[BatchEvent]) -> list[BatchEvent]:
    return [event async for event in events]


@pytest.mark.parametrize(
    "held",
    [set(FILES), {"cab-2.pdf"}],
    ids=["every-file-reading", "some-originals-already-stored"],
)
async def test_an_erasure_while_a_batch_reads_leaves_nothing_of_the_employee(
    service: Service, held: set[str]
) -> None:
    """Written in one go: each original is stored as its file is read, before the employee lock."""
    extractor = _hold_reading(service, held)
    run = asyncio.create_task(service.analyze.run(_request(), io.BytesIO(make_zip(FILES))))
    await asyncio.wait_for(extractor.all_waiting.wait(), HANG_GUARD)
    await asyncio.wait_for(service.erase(), HANG_GUARD)
    extractor.release.set()
    summary = await asyncio.wait_for(run, HANG_GUARD)

    assert await service.left_behind() == (0, 0, set())
    # The client is told, per invoice, that nothing was stored; never a verdict for data that is gone.
    assert summary.processed_invoices == 0
    assert sorted(e.filename for e in summary.processing_errors) == sorted(FILES)
    assert {e.error for e in summary.processing_errors} == {"EmployeeErased"}


async def test_an_erasure_while_a_stream_reads_sends_no_result_for_erased_data(service: Service) -> None:
    """Streaming: each result is stored before it is sent, inside the employee lock."""
    extractor = _hold_reading(service, set(FILES))
    batch = service.analyze.start(_request(), io.BytesIO(make_zip(FILES)))
    stream = asyncio.create_task(_collect(service.analyze.stream(batch)))
    await asyncio.wait_for(extractor.all_waiting.wait(), HANG_GUARD)
    await asyncio.wait_for(service.erase(), HANG_GUARD)
    extractor.release.set()
    events = await asyncio.wait_for(stream, HANG_GUARD)

    assert await service.left_behind() == (0, 0, set())
    assert not [e for e in events if isinstance(e, InvoiceJudged)]
    failed = [e.error for e in events if isinstance(e, InvoiceFailed)]
    assert sorted(e.filename for e in failed) == sorted(FILES)
    assert {e.error for e in failed} == {"EmployeeErased"}
    assert isinstance(events[-1], BatchDone)


@pytest.mark.parametrize("durable_each", [False, True], ids=["in-one-go", "streaming"])
async def test_an_erasure_asked_while_a_batch_stores_waits_for_it_and_erases_it(
    service: Service, durable_each: bool
) -> None:
    """The batch is inside its critical section, storing an original (before the record that names
    it): the erasure must not run beside it, or it finds no record, then the batch writes one."""
    documents = HeldDocuments(service.container.document_store())
    service.analyze.documents = documents
    service.analyze.lookups_at_once = 0  # originals stored in the critical section, one by one
    batch = service.analyze.start(_request(), io.BytesIO(make_zip(FILES)))
    await batch.load_policy()
    run = asyncio.create_task(_collect(batch.events(durable_each=durable_each)))
    await asyncio.wait_for(documents.first_put.wait(), HANG_GUARD)
    erasure = asyncio.create_task(service.erase())
    # Every chance to run beside the batch, were nothing to stop it. Not a measure: the erasure
    # waiting here, or not yet started, leads to the same end.
    await asyncio.wait({erasure}, timeout=2)
    documents.release.set()
    events = await asyncio.wait_for(run, HANG_GUARD)
    report = await asyncio.wait_for(erasure, HANG_GUARD)

    assert len([e for e in events if isinstance(e, InvoiceJudged)]) == len(FILES)
    assert report.invoices_removed == len(FILES)
    assert await service.left_behind() == (0, 0, set())


class PausingRegister:
    """The real register of the service; the batch's second question (after its critical section,
    before it reports) waits for `release`, so an erasure can come between storing and reporting."""

    def __init__(self, real: BatchRegister) -> None:
        self._real = real
        self.asked = 0
        self.reporting = asyncio.Event()
        self.release = asyncio.Event()

    async def enter(self, employee_key: str) -> str:
        return await self._real.enter(employee_key)

    async def voided(self, employee_key: str, ticket: str) -> bool:
        self.asked += 1
        if self.asked == 2:
            self.reporting.set()
            await self.release.wait()
        return await self._real.voided(employee_key, ticket)

    async def leave(self, employee_key: str, ticket: str) -> None:
        await self._real.leave(employee_key, ticket)

    async def void(self, employee_key: str) -> int:
        return await self._real.void(employee_key)


async def test_results_erased_before_they_are_reported_are_reported_as_erased(service: Service) -> None:
    register = PausingRegister(service.container.batch_register())
    service.analyze.batch_register = register
    run = asyncio.create_task(service.analyze.run(_request(), io.BytesIO(make_zip(FILES))))
    await asyncio.wait_for(register.reporting.wait(), HANG_GUARD)
    assert await service.left_behind() == (3, 3, SHAS)  # stored: the erasure comes after
    report = await asyncio.wait_for(service.erase(), HANG_GUARD)
    register.release.set()
    summary = await asyncio.wait_for(run, HANG_GUARD)

    assert report.invoices_removed == len(FILES)
    assert await service.left_behind() == (0, 0, set())
    assert summary.processed_invoices == 0
    assert not summary.results
    assert {e.error for e in summary.processing_errors} == {"EmployeeErased"}


async def test_a_batch_stopped_after_storing_originals_early_leaves_none_that_no_record_names(
    service: Service,
) -> None:
    """An original no record names is never erased (the erasure finds originals through records)."""
    extractor = _hold_reading(service, {"cab-2.pdf"})
    documents = CountingDocuments(service.container.document_store(), expected=len(FILES) - 1)
    service.analyze.documents = documents
    run = asyncio.create_task(service.analyze.run(_request(), io.BytesIO(make_zip(FILES))))
    await asyncio.wait_for(extractor.all_waiting.wait(), HANG_GUARD)
    await asyncio.wait_for(documents.stored.wait(), HANG_GUARD)
    run.cancel()  # the client went away, or the service stops
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(run, HANG_GUARD)
    await asyncio.wait_for(service.erase(), HANG_GUARD)

    assert await service.left_behind() == (0, 0, set())

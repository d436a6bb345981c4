"""Two batches of one employee analysed at once never both pay a bill they share: the batch use
case decides and stores each employee's claims under an EmployeeLock. In one process (the default
asyncio lock) and across two app instances sharing one Redis (REDIS_URL).

The two batches are forced to overlap: every duplicate lookup waits until all files of both
batches have been extracted. Without the lock both batches would then look before either stored,
and both would pay; with it the second looks after the first has stored.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path
from typing import Any

from dependency_injector import providers
from litestar.testing import TestClient

from reimburse.container import Container
from reimburse.domain.record import InvoiceRecord
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.policy import Policy
from reimburse.http.app import create_app
from tests.conftest import analysis_files, cab_invoice, make_settings, make_zip, offline_container
from tests.fakes.memory_stores import InMemoryInvoiceStore
from tests.integration.test_api_duplicates import reissued_cab
from tests.redis_server import next_database, redis_server  # noqa: F401  (fixture)

FORM = {"employee_name": "Rani Sharma", "submitted_on": "2024-12-31"}
ANALYSE = "/api/v1/analyze-invoices"
FIRST = {"cab.pdf": cab_invoice("CAB-9", "400.00"), "other-ride.pdf": cab_invoice("CAB-8", "100.00")}
SECOND = {"cab-reprint.pdf": reissued_cab("CAB-9", "400.00")}


class Overlap:
    """Holds every duplicate lookup until all `files` extractions have happened (both batches'),
    so two batches reach their decisions at the same time. Thread-safe: each test client runs
    its app on an event loop of its own."""

    def __init__(self, files: int) -> None:
        self._left = files
        self._count = threading.Lock()
        self._extracted = threading.Event()

    def one_extracted(self) -> None:
        with self._count:
            self._left -= 1
            if self._left <= 0:
                self._extracted.set()

    async def wait(self) -> None:
        await asyncio.to_thread(self._extracted.wait)


class CountingExtractor:
    def __init__(self, inner: Any, overlap: Overlap) -> None:
        self._inner, self._overlap = inner, overlap
        self.name = inner.name

    async def extract(self, document: Document, policy: Policy) -> Invoice:
        invoice: Invoice = await self._inner.extract(document, policy)
        self._overlap.one_extracted()
        return invoice


class WaitingStore:
    """The real store; its duplicate lookup waits for the overlap."""

    def __init__(self, inner: Any, overlap: Overlap) -> None:
        self._inner, self._overlap = inner, overlap

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    async def same_bill_candidates(self, *args: Any) -> list[InvoiceRecord]:
        await self._overlap.wait()
        found: list[InvoiceRecord] = await self._inner.same_bill_candidates(*args)
        return found


def _share(containers: Sequence[Container], overlap: Overlap, store: Any) -> None:
    """Every container on one invoice store, each extractor counted by `overlap`."""
    waiting = WaitingStore(store, overlap)
    for container in containers:
        container.extractor.override(providers.Object(CountingExtractor(container.extractor(), overlap)))
        container.invoice_store.override(providers.Object(waiting))


def _post_both(one: TestClient[Any], two: TestClient[Any]) -> list[list[dict[str, Any]]]:
    """Both batches at once, each from a thread of its own (a test client's call blocks its caller)."""
    with ThreadPoolExecutor(2) as pool:
        futures = [
            pool.submit(one.post, ANALYSE, data=FORM, files=analysis_files(make_zip(FIRST))),
            pool.submit(two.post, ANALYSE, data=FORM, files=analysis_files(make_zip(SECOND))),
        ]
        responses = [f.result() for f in futures]
    assert all(r.status_code == 200 for r in responses), [r.text for r in responses]
    listed = one.get("/api/v1/invoices", params={"employee_name": "Rani Sharma"})
    return [r.json()["results"] for r in responses] + [listed.json()["items"]]


def _assert_paid_once(first: list[dict[str, Any]], second: list[dict[str, Any]], stored: list[Any]) -> None:
    copies = [r for r in first + second if r["invoice_number"] == "CAB-9"]
    assert len(copies) == 2
    assert sorted(r["reimbursement_amount"] for r in copies) == [0, 400.0]
    declined = next(r for r in copies if r["reimbursement_amount"] == 0)
    paid = next(r for r in copies if r["reimbursement_amount"] == 400.0)
    assert paid["invoice_id"] in declined["reason"]
    assert len(stored) == 3
    assert sum((Decimal(str(r["reimbursement_amount"])) for r in stored), Decimal(0)) == Decimal("500.00")


def test_two_batches_at_once_pay_a_shared_bill_once(tmp_path: Path) -> None:
    container = offline_container(make_settings(tmp_path))
    _share([container], Overlap(files=3), container.invoice_store())  # the embedded store
    with TestClient(create_app(container)) as client:
        first, second, stored = _post_both(client, client)
    _assert_paid_once(first, second, stored)


def test_two_app_instances_sharing_one_redis_pay_a_shared_bill_once(
    tmp_path: Path,
    redis_server: str,  # noqa: F811  (the fixture)
) -> None:
    url = next_database(redis_server)
    containers = [
        offline_container(make_settings(tmp_path / name, redis_url=url, rate_limit_per_minute=1000))
        for name in ("a", "b")
    ]
    assert all(type(c.employee_lock()).__name__ == "RedisEmployeeLock" for c in containers)
    # One store shared by both instances, as replicas share a Qdrant server (which cannot run
    # here); each app runs on its own event loop, so only Redis can keep them apart.
    _share(containers, Overlap(files=3), InMemoryInvoiceStore())
    apps = [create_app(c) for c in containers]
    with TestClient(apps[0]) as one, TestClient(apps[1]) as two:
        first, second, stored = _post_both(one, two)
    _assert_paid_once(first, second, stored)

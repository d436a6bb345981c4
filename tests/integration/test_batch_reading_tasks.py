"""With the offline (heuristic) extractor, each invoice file is one task of the executor that reads
the file and extracts the invoice together; a file that cannot be read or holds no total is still
its own processing error, and the batch goes on. With another extractor (a model, a wrapper), the
file is read in the executor and the extractor is called from the batch, as before."""

from __future__ import annotations

import io
import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

from dependency_injector import providers

from reimburse.application.analyze_batch import BatchRequest
from reimburse.container import Container, build_container, close_container, open_container
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.policy import Policy
from tests import pdf_factory
from tests.conftest import cab_invoice, make_settings, make_zip, policy_pdf


class RecordingExecutor(ThreadPoolExecutor):
    """A real executor (threads) that notes the name of every function it runs."""

    def __init__(self) -> None:
        super().__init__(max_workers=2)
        self.ran: list[str] = []
        self._lock = threading.Lock()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        with self._lock:
            self.ran.append(getattr(fn, "__name__", "?"))
        return super().submit(fn, *args, **kwargs)


class PassThroughExtractor:
    """Another InvoiceExtractor (as a model's would be): delegates, counting its calls."""

    name = "pass-through"

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.calls = 0

    async def extract(self, document: Document, policy: Policy) -> Invoice:
        self.calls += 1
        result: Invoice = await self.inner.extract(document, policy)
        return result


FILES = {
    "cab-1.pdf": cab_invoice("CAB-1", "233.00"),
    "cab-2.pdf": cab_invoice("CAB-2", "412.50"),
    "no-total.pdf": pdf_factory.text_pdf("Uber India Trip Receipt", "Rider: Rani Sharma"),
    "broken.pdf": pdf_factory.broken_pdf(),
}


def _container(tmp_path: Path, executor: RecordingExecutor) -> Container:
    container = build_container(make_settings(tmp_path))
    container.executor.override(providers.Object(executor))
    return container


async def _analyse(container: Container, executor: RecordingExecutor) -> tuple[dict[str, str], Counter[str]]:
    await open_container(container)
    try:
        request = BatchRequest("Rani Sharma", policy_pdf(), "policy.pdf", submitted_on=date(2024, 12, 31))
        summary = await container.analyze_batch().run(request, io.BytesIO(make_zip(FILES)))
    finally:
        await close_container(container)
        executor.shutdown()
    outcome = {r.filename: r.status for r in summary.results}
    outcome |= {e.filename: e.error for e in summary.processing_errors}
    ran = Counter(executor.ran)
    del ran["_warm_worker"]  # open_container warms the workers up
    return outcome, ran


EXPECTED = {
    "cab-1.pdf": "fully_reimbursed",
    "cab-2.pdf": "fully_reimbursed",
    "no-total.pdf": "ExtractionError",
    "broken.pdf": "CorruptDocument",
}


async def test_each_file_is_read_and_extracted_in_one_task(tmp_path: Path) -> None:
    executor = RecordingExecutor()
    outcome, ran = await _analyse(_container(tmp_path, executor), executor)
    assert outcome == EXPECTED
    # the policy: read, then interpreted; every invoice file: one task, nothing else
    assert ran == Counter({"read": 1, "_read": 1, "read_and_extract": len(FILES)})


async def test_another_extractor_is_called_from_the_batch_for_each_readable_file(tmp_path: Path) -> None:
    executor = RecordingExecutor()
    container = _container(tmp_path, executor)
    wrapper = PassThroughExtractor(container.extractor())
    container.extractor.override(providers.Object(wrapper))
    outcome, ran = await _analyse(container, executor)
    assert outcome == EXPECTED
    assert wrapper.calls == 3  # the broken file never reaches an extractor
    assert ran["read_and_extract"] == 0
    assert ran["read"] == 1 + len(FILES)
    assert ran["_read"] == 1 + 3  # the policy, then the extractor, from the batch

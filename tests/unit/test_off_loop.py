"""The event loop never waits on blocking work: every Qdrant Edge call of the invoice store and the
heuristic readers run in another thread (or the process pool), never on the loop's thread."""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from reimburse.adapters.heuristic.invoice_extractor import HeuristicInvoiceExtractor
from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.adapters.process_pool import WORKER_NICENESS, RestartingProcessPool
from reimburse.adapters.qdrant_edge import QdrantEdgeInvoiceStore
from reimburse.domain.figures import figures_of
from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import InvoiceRecord
from reimburse.domain.verdict.document import Document

T0 = datetime(2024, 6, 1, 9, 0, tzinfo=UTC)


def rec(n: int, **kw: Any) -> InvoiceRecord:
    base: dict[str, Any] = {
        "invoice_id": f"inv-{n}",
        "employee_name": "Rani Sharma",
        "batch_id": "b",
        "policy_id": "p",
        "filename": f"inv-{n}.pdf",
        "file_sha256": f"sha-{n}",
        "analyzed_at": T0 + timedelta(minutes=n),
        "submitted_on": date(2024, 6, 1),
        "status": "fully_reimbursed",
        "reason": "Within policy.",
        "total_amount": Decimal("100.00"),
        "reimbursement_amount": Decimal("100.00"),
        "currency": "INR",
        "categories": ("meals",),
        "text": f"Dinner {n} at Barbeque Nation",
    }
    base.update(kw)
    return InvoiceRecord(**base)


class ThreadRecorder:
    """Stands in for the shard's collection: records the thread of every call, then delegates."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self.calls: list[tuple[str, int]] = []

    def __getattr__(self, name: str) -> Any:
        target = getattr(self._inner, name)
        if name == "write" or not callable(target):  # write is a coroutine: it runs its own thread
            return target

        def recorded(*args: Any, **kwargs: Any) -> Any:
            self.calls.append((name, threading.get_ident()))
            return target(*args, **kwargs)

        return recorded


async def test_every_edge_invoice_store_call_runs_off_the_event_loop(tmp_path: Path) -> None:
    store = QdrantEdgeInvoiceStore(tmp_path)
    recorder = ThreadRecorder(store._col)
    store._col = recorder  # type: ignore[assignment]
    store._figures._col = recorder  # type: ignore[assignment]
    loop_thread = threading.get_ident()
    try:
        await store.upsert([rec(n) for n in range(5)])
        await store.upsert([rec(1, reimbursement_amount=Decimal("40.00"))])  # a replacement: rename check
        flt = InvoiceFilter(employee_names=("rani sharma",))
        assert (await store.find(flt, 2, 0)).total == 5
        assert await store.count(flt) == 5
        assert await store.get("inv-3") is not None
        assert [r.invoice_id for r in await store.get_many(["inv-4", "inv-3"])] == ["inv-4", "inv-3"]
        assert len([r async for r in store.iterate(flt)]) == 5
        assert len(await store.search("barbeque", flt, 3)) == 3
        assert len(await store.figures(InvoiceFilter())) == 5
        assert len(await store.figures(flt)) == 5
        assert await store.employee_names() == ["Rani Sharma"]
        same = await store.same_bill_candidates("rani sharma", None, date(2024, 6, 1), Decimal("100.00"))
        assert same == []
        await store.ping()
        assert await store.erase_before(T0 + timedelta(minutes=1)) == 1
    finally:
        await store.close()
    called = {name for name, _ in recorder.calls}
    assert {"count", "query", "retrieve_payloads", "scroll_page", "matching_ids", "facet", "ping"} <= called
    assert "scroll_payloads" in called  # the same-bill look-up
    on_loop = sorted({name for name, ident in recorder.calls if ident == loop_thread})
    assert on_loop == []


async def test_figures_stay_current_with_a_write_that_lands_while_they_load(tmp_path: Path) -> None:
    store = QdrantEdgeInvoiceStore(tmp_path)
    try:
        await store.upsert([rec(n) for n in range(4)])
        table = store._figures
        read_all = table._read_all
        scanned, resume = threading.Event(), threading.Event()

        def slow_read_all() -> Any:
            found = read_all()  # the scan sees the store before the write below
            scanned.set()
            resume.wait(timeout=30)
            return found

        table._read_all = slow_read_all  # type: ignore[method-assign]
        loading = asyncio.ensure_future(store.figures(InvoiceFilter()))
        await asyncio.to_thread(scanned.wait, 30)
        changed = rec(2, total_amount=Decimal("555.00"))
        await store.upsert([changed, rec(9)])
        assert await store.erase_employee("nobody") == 0
        resume.set()
        got = {f.invoice_id: f for f in await loading}
        assert got == {r.invoice_id: figures_of(r) for r in [rec(0), rec(1), changed, rec(3), rec(9)]}
        table._read_all = read_all  # type: ignore[method-assign]
        assert {f.invoice_id: f for f in await store.figures(InvoiceFilter())} == got
    finally:
        await store.close()


class RecordingExecutor(ThreadPoolExecutor):
    """A real executor (threads) that notes what it ran and on which thread."""

    def __init__(self) -> None:
        super().__init__(max_workers=1)
        self.ran: list[tuple[str, int]] = []

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        def noted() -> Any:
            self.ran.append((getattr(fn, "__name__", "?"), threading.get_ident()))
            return fn(*args, **kwargs)

        return super().submit(noted)


POLICY_TEXT = "Travel policy. Meals are reimbursable up to INR 1,000 per meal. Cabs up to INR 500 per ride."
INVOICE_TEXT = (
    "Spice Route Restaurant\nInvoice No: R-12\nDate: 12/11/2024\nPaneer tikka 450.00\nTotal: INR 450.00"
)


def document(name: str, text: str) -> Document:
    return Document(filename=name, sha256="ab" * 32, text=text, pages=(text,))


@pytest.mark.parametrize("with_executor", [True, False], ids=["process-pool-stand-in", "thread"])
async def test_heuristic_readers_run_off_the_event_loop(with_executor: bool) -> None:
    executor = RecordingExecutor() if with_executor else None
    loop_thread = threading.get_ident()
    try:
        interpreter = HeuristicPolicyInterpreter(executor=executor)
        policy = await interpreter.interpret(document("policy.pdf", POLICY_TEXT))
        invoice = await HeuristicInvoiceExtractor(executor).extract(document("r.pdf", INVOICE_TEXT), policy)
    finally:
        if executor is not None:
            executor.shutdown()
    # the same readings as the synchronous readers give
    assert policy == HeuristicPolicyInterpreter().read(document("policy.pdf", POLICY_TEXT))
    assert invoice == HeuristicInvoiceExtractor().read(document("r.pdf", INVOICE_TEXT), policy)
    assert invoice.total == Decimal("450.00")
    if executor is not None:
        assert [name for name, _ in executor.ran] == ["_read", "_read"]
        assert all(ident != loop_thread for _, ident in executor.ran)


def _niceness() -> int:
    return os.nice(0)


@pytest.mark.parametrize("budget", [None, 60.0], ids=["no-budget", "with-budget"])
def test_pool_workers_yield_the_cpu_to_the_process_serving_requests(budget: float | None) -> None:
    pool = RestartingProcessPool(1, task_seconds=budget)
    try:
        worker = pool.submit(_niceness).result(timeout=60)
    finally:
        pool.shutdown(wait=True)
    assert worker == min(os.nice(0) + WORKER_NICENESS, 19)

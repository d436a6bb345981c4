"""The embedded store across processes: writes survive SIGKILL, and a second process is refused."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from reimburse.adapters.qdrant_edge import (
    QdrantEdgeChatStore,
    QdrantEdgeInvoiceStore,
    QdrantEdgePolicyStore,
    StoreLocked,
)
from reimburse.domain.errors import StoreUnavailable
from reimburse.domain.filters import InvoiceFilter

ROOT = Path(__file__).resolve().parents[2]

WRITER = textwrap.dedent(
    """
    import asyncio, sys, time
    from datetime import UTC, date, datetime, timedelta
    from decimal import Decimal
    from reimburse.adapters.qdrant_edge import (
        QdrantEdgeChatStore, QdrantEdgeInvoiceStore, QdrantEdgePolicyStore)
    from reimburse.domain.chat.session import ChatMessage
    from reimburse.domain.verdict.policy import CapRule, CapUnit, Policy
    from reimburse.domain.record import InvoiceRecord

    def rec(i):
        return InvoiceRecord(
            invoice_id=f"k{i:03d}", employee_name="Rani", batch_id=f"b{i // 10}", policy_id="p1",
            filename=f"k{i}.pdf", file_sha256=f"h{i}",
            analyzed_at=datetime(2024, 1, 1, tzinfo=UTC) + timedelta(seconds=i),
            submitted_on=date(2024, 1, 2), status="declined", reason=f"reason {i}",
            total_amount=Decimal(f"{i}.25"), reimbursement_amount=Decimal("0.00"), currency="INR",
            text=f"taxi ride number {i}")

    async def main(data_dir, batches):
        inv = QdrantEdgeInvoiceStore(data_dir)
        pol = QdrantEdgePolicyStore(data_dir)
        chat = QdrantEdgeChatStore(data_dir)
        await pol.save(Policy("p1", "INR", caps=(
            CapRule("cap_taxi", "travel", Decimal("500"), "INR", CapUnit.RIDE, "Taxi up to 500 per ride."),)))
        await chat.append(ChatMessage("m1", "s1", "user", "hello",
                                      datetime(2024, 1, 1, tzinfo=UTC)))
        for b in range(batches):
            await inv.upsert([rec(b * 10 + j) for j in range(10)])
            print(f"reported {(b + 1) * 10}", flush=True)
        print("ready", flush=True)
        time.sleep(600)

    asyncio.run(main(sys.argv[1], int(sys.argv[2])))
    """
)

HOLDER = textwrap.dedent(
    """
    import sys, time
    from reimburse.adapters.qdrant_edge import QdrantEdgeInvoiceStore
    store = QdrantEdgeInvoiceStore(sys.argv[1])
    print("ready", flush=True)
    time.sleep(600)
    """
)


def _spawn(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for(proc: subprocess.Popen[str], line: str) -> list[str]:
    assert proc.stdout is not None
    seen: list[str] = []
    for raw in proc.stdout:
        seen.append(raw.strip())
        if raw.strip() == line:
            return seen
    err = proc.stderr.read() if proc.stderr else ""
    raise AssertionError(f"child exited before {line!r}: {seen} {err}")


@pytest.fixture
def children() -> Iterator[list[subprocess.Popen[str]]]:
    procs: list[subprocess.Popen[str]] = []
    yield procs
    for p in procs:
        if p.poll() is None:
            p.kill()
        p.wait(timeout=10)


async def test_everything_reported_survives_sigkill(
    tmp_path: Path, children: list[subprocess.Popen[str]]
) -> None:
    writer = _spawn(WRITER, str(tmp_path), "5")
    children.append(writer)
    lines = _wait_for(writer, "ready")
    assert "reported 50" in lines
    os.kill(writer.pid, signal.SIGKILL)  # no close(), no atexit: only what was flushed counts
    writer.wait(timeout=10)

    inv = QdrantEdgeInvoiceStore(tmp_path)
    pol = QdrantEdgePolicyStore(tmp_path)
    chat = QdrantEdgeChatStore(tmp_path)
    try:
        assert await inv.count(InvoiceFilter()) == 50
        got = await inv.get("k037")
        assert got is not None and str(got.total_amount) == "37.25" and got.batch_id == "b3"
        page = await inv.find(InvoiceFilter(batch_id="b4"), limit=3, offset=0)
        assert page.total == 10 and [r.invoice_id for r in page.items] == ["k049", "k048", "k047"]
        hits = await inv.search("taxi ride", InvoiceFilter(batch_id="b0"), limit=20)
        assert len(hits) == 10
        policy = await pol.get("p1")
        assert policy is not None and policy.caps[0].amount == 500
        assert [m.message_id for m in await chat.history("s1")] == ["m1"]
    finally:
        for s in (inv, pol, chat):
            await s.close()


async def test_second_process_gets_a_clear_lock_error(
    tmp_path: Path, children: list[subprocess.Popen[str]]
) -> None:
    holder = _spawn(HOLDER, str(tmp_path))
    children.append(holder)
    _wait_for(holder, "ready")

    with pytest.raises(StoreLocked) as err:
        QdrantEdgeInvoiceStore(tmp_path)
    message = str(err.value)
    assert f"pid {holder.pid}" in message
    assert "single-process" in message and "QDRANT_URL" in message
    assert isinstance(err.value, StoreUnavailable)

    holder.kill()  # the kernel releases the lock with the process
    holder.wait(timeout=10)
    store = QdrantEdgeInvoiceStore(tmp_path)
    await store.ping()
    await store.close()


async def test_same_process_double_open_is_refused_until_closed(tmp_path: Path) -> None:
    first = QdrantEdgeInvoiceStore(tmp_path)
    with pytest.raises(StoreLocked, match="already open in this process"):
        QdrantEdgeInvoiceStore(tmp_path)
    await first.close()
    second = QdrantEdgeInvoiceStore(tmp_path)
    await second.ping()
    await second.close()

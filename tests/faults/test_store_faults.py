"""A store whose writes fail, and a full disk (store, policy store, upload temp dir).

Expected outcomes:
- /analyze-invoices writes the whole batch in one upsert at the end: if that fails the answer is a
  contract error (503 StoreUnavailable; 507 InsufficientStorage for a full disk) with Retry-After,
  and nothing of the batch is stored. Retrying once the store heals stores everything.
- /analyze-invoices-stream stores each result before sending it: a failing write ends the stream
  with an `error` event and then `done`; every result streamed before is stored.
- never a 500, never a stack trace, never a hang.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any, NoReturn

import pytest

from tests.conftest import cab_invoice, make_zip
from tests.fakes.memory_stores import InMemoryInvoiceStore, InMemoryPolicyStore
from tests.faults.fault_fakes import FlakyInvoiceStore, FullDiskPolicyStore, disk_full
from tests.faults.harness import (
    REIMBURSABLE,
    amounts,
    assert_contract_error,
    fault_client,
    good_batch,
    post_batch,
    sse_events,
)

pytestmark = pytest.mark.timeout(60)  # a hang is a failure here, not a stuck CI job


def test_failed_batch_write_is_503_and_nothing_is_half_written(tmp_path: Path) -> None:
    store = FlakyInvoiceStore()
    with fault_client(tmp_path, invoices=store) as (client, _):
        body = assert_contract_error(post_batch(client, good_batch()), 503)
        assert body["error"] == "StoreUnavailable"
        assert store.failed_writes == 1  # one all-or-nothing write was attempted
        assert store.inner.records == {}

        store.healthy_writes = 10**6  # the store heals: the client's retry stores everything
        retry = post_batch(client, good_batch())
        assert retry.status_code == 200, retry.text
        assert {r.filename for r in store.inner.records.values()} == set(REIMBURSABLE)
        assert amounts(retry.json()["results"]) == REIMBURSABLE


def test_503_carries_retry_after(tmp_path: Path) -> None:
    with fault_client(tmp_path, invoices=FlakyInvoiceStore()) as (client, _):
        response = post_batch(client, good_batch(1))
        assert_contract_error(response, 503)
        assert int(response.headers["retry-after"]) > 0


def test_stream_store_failure_ends_with_error_then_done_and_keeps_what_was_streamed(tmp_path: Path) -> None:
    store = FlakyInvoiceStore(healthy_writes=2)
    with fault_client(tmp_path, invoices=store, workers=1) as (client, _):
        response = post_batch(client, good_batch(), stream=True)
    assert response.status_code == 200
    events = sse_events(response.text)
    kinds = [e["type"] for e in events]
    assert kinds[0] == "metadata"
    assert kinds[-2:] == ["error", "done"], kinds
    assert events[-2]["data"]["error"] == "StoreUnavailable"
    streamed = {e["data"]["invoice_id"] for e in events if e["type"] == "result"}
    stored = set(store.inner.records)
    assert len(stored) == 2
    assert streamed <= stored  # everything the client saw is durable
    done = events[-1]["data"]
    assert done["success"] is False
    assert {r["invoice_id"] for r in done["results"]} == stored  # and the summary says exactly what is


def test_full_disk_on_the_batch_write_is_507_and_nothing_is_stored(tmp_path: Path) -> None:
    store = FlakyInvoiceStore(error=disk_full)
    with fault_client(tmp_path, invoices=store) as (client, _):
        response = post_batch(client, good_batch())
        body = assert_contract_error(response, 507)
        assert body["error"] == "InsufficientStorage"
        assert "space" in body["message"].lower()
        assert int(response.headers["retry-after"]) > 0
        assert store.inner.records == {}
        assert client.get("/api/v1/health/quick").status_code == 200  # still serving


def test_full_disk_mid_stream_ends_with_error_then_done(tmp_path: Path) -> None:
    store = FlakyInvoiceStore(healthy_writes=1, error=disk_full)
    with fault_client(tmp_path, invoices=store, workers=1) as (client, _):
        response = post_batch(client, good_batch(), stream=True)
    events = sse_events(response.text)
    assert [e["type"] for e in events][-2:] == ["error", "done"]
    assert "space" in events[-2]["data"]["message"].lower()
    streamed = {e["data"]["invoice_id"] for e in events if e["type"] == "result"}
    assert len(store.inner.records) == 1
    assert streamed <= set(store.inner.records)
    assert events[-1]["data"]["success"] is False


@pytest.mark.parametrize("stream", [False, True], ids=["batch", "stream"])
def test_full_disk_when_caching_the_policy(tmp_path: Path, stream: bool) -> None:
    invoices = InMemoryInvoiceStore()
    with fault_client(tmp_path, invoices=invoices, policies=FullDiskPolicyStore()) as (client, _):
        response = post_batch(client, good_batch(2), stream=stream)
    if stream:
        events = sse_events(response.text)
        assert [e["type"] for e in events] == ["metadata", "error", "done"]
        assert events[-1]["data"]["success"] is False
    else:
        assert assert_contract_error(response, 507)["error"] == "InsufficientStorage"
    assert invoices.records == {}


def test_full_temp_dir_while_receiving_the_upload(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Uploads over 1 MiB are spooled to the temp dir; a full one must not be a 500."""

    def no_space(*args: Any, **kwargs: Any) -> NoReturn:
        raise disk_full()

    invoices = InMemoryInvoiceStore()
    # 2 MiB that do not compress, so the upload rolls over from memory to the temp dir
    archive = make_zip({"cab.pdf": cab_invoice("CAB-9", "99.00"), "padding.bin": os.urandom(2 * 1024 * 1024)})
    with fault_client(tmp_path, invoices=invoices, policies=InMemoryPolicyStore()) as (client, _):
        monkeypatch.setattr(tempfile, "TemporaryFile", no_space)
        response = post_batch(client, archive)
        monkeypatch.undo()
        body = assert_contract_error(response, 507)
        assert body["error"] == "InsufficientStorage"
        assert invoices.records == {}
        assert post_batch(client, good_batch(1)).status_code == 200  # space is back: served again

"""A batch written in one go stores each original as soon as its file is read (bench item 2: the
server's writes overlap the workers' reading). Every analysed file's bytes must still be stored,
once, whichever way the batch is written, and a failing document store must fail the batch as a
store failure without leaving a write running."""

from __future__ import annotations

import asyncio
import hashlib
import io
from datetime import date
from pathlib import Path

import pytest
from dependency_injector import providers

from reimburse.application.analyze_batch import BatchRequest
from reimburse.container import close_container, open_container
from reimburse.domain.errors import StoreUnavailable
from tests.conftest import cab_invoice, make_settings, make_zip, meal_invoice, offline_container

POLICY = Path(__file__).resolve().parents[2] / "docs" / "examples" / "policy.pdf"


class RecordingDocuments:
    """A DocumentStore in memory that counts the puts of each key; `broken` fails every put."""

    def __init__(self, broken: bool = False) -> None:
        self.stored: dict[str, bytes] = {}
        self.puts: dict[str, int] = {}
        self.running = 0
        self.broken = broken

    async def put(self, data: bytes) -> str:
        key = hashlib.sha256(data).hexdigest()
        self.running += 1
        try:
            await asyncio.sleep(0)  # a real store hops to a thread here
            if self.broken:
                raise OSError(28, "No space left on device")
            self.stored[key] = data
            self.puts[key] = self.puts.get(key, 0) + 1
            return key
        finally:
            self.running -= 1

    async def get(self, sha256: str) -> bytes | None:
        return self.stored.get(sha256)

    async def exists(self, sha256: str) -> bool:
        return sha256 in self.stored

    async def delete(self, sha256: str) -> bool:
        return self.stored.pop(sha256, None) is not None

    async def close(self) -> None:
        return None


def _files() -> dict[str, bytes]:
    return {
        "cab-1.pdf": cab_invoice("CAB-1", "420.00", when="03/12/2024"),
        "meal-1.pdf": meal_invoice("M-1", "600.00", "0.00", when="04/12/2024"),
        "cab-2.pdf": cab_invoice("CAB-2", "380.00", when="05/12/2024"),
        "not-a-pdf.pdf": b"%PDF-1.4 this is no PDF",  # unreadable: a processing error, never stored
    }


async def _run(tmp_path: Path, documents: RecordingDocuments, lookups_at_once: int) -> int:
    container = offline_container(make_settings(tmp_path))
    container.document_store.override(providers.Object(documents))
    await open_container(container)
    try:
        use_case = container.analyze_batch()
        use_case.lookups_at_once = lookups_at_once
        request = BatchRequest(
            "Rani Sharma", POLICY.read_bytes(), "policy.pdf", submitted_on=date(2024, 12, 31)
        )
        summary = await use_case.run(request, io.BytesIO(make_zip(_files())))
        return summary.processed_invoices
    finally:
        await close_container(container)


@pytest.mark.parametrize("lookups_at_once", [4, 0], ids=["early", "one-by-one"])
async def test_every_analysed_original_is_stored_once(tmp_path: Path, lookups_at_once: int) -> None:
    documents = RecordingDocuments()
    processed = await _run(tmp_path, documents, lookups_at_once)
    analysed = {
        hashlib.sha256(data).hexdigest() for name, data in _files().items() if name != "not-a-pdf.pdf"
    }
    assert processed == 3
    assert set(documents.stored) == analysed
    assert set(documents.puts.values()) == {1}


async def test_a_failing_document_store_fails_the_batch_and_leaves_no_write_running(tmp_path: Path) -> None:
    documents = RecordingDocuments(broken=True)
    with pytest.raises(StoreUnavailable):
        await _run(tmp_path, documents, 4)
    assert documents.running == 0
    assert documents.stored == {}

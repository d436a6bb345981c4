"""`reimburse migrate`: the embedded store moves into the server adapter (qdrant-client local mode
here, a real server with QDRANT_URL), counts and samples verified, safe to run again and resumable."""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from qdrant_client import AsyncQdrantClient

from reimburse.adapters.qdrant_edge import QdrantEdgeInvoiceStore
from reimburse.adapters.qdrant_edge.snapshot import _sparse_copy
from reimburse.adapters.qdrant_server import (
    QdrantServerChatStore,
    QdrantServerInvoiceStore,
    QdrantServerPolicyStore,
)
from reimburse.adapters.qdrant_server.collection import QdrantConnection
from reimburse.adapters.qdrant_server.migration import EdgeToServerMigration
from reimburse.domain.filters import InvoiceFilter
from tests import chat_dataset
from tests.integration.test_backup_restore import _seed

N = 200


class CrashingClient:
    """The real client, except that the upsert after `allowed` ones fails: a crash mid-migration."""

    def __init__(self, inner: AsyncQdrantClient, allowed: int) -> None:
        self._inner = inner
        self._allowed = allowed

    async def upsert(self, *args: Any, **kwargs: Any) -> Any:
        if self._allowed == 0:
            raise ConnectionError("the network went away")
        self._allowed -= 1
        return await self._inner.upsert(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("template") / "data"
    asyncio.run(_seed(data, N))
    return data


@pytest.fixture
def edge(template: Path, tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(template, data, copy_function=_sparse_copy)
    return data


@pytest.fixture
async def local(tmp_path: Path) -> AsyncIterator[AsyncQdrantClient]:
    client = QdrantConnection(path=str(tmp_path / "local-qdrant")).client()
    yield client
    await client.close()


async def _all_invoices(store: Any) -> list[Any]:
    return sorted([r async for r in store.iterate(InvoiceFilter())], key=lambda r: r.invoice_id)


async def test_migration_moves_every_collection_into_the_server_adapter(
    edge: Path, local: AsyncQdrantClient
) -> None:
    report = await EdgeToServerMigration(edge, local, "local").migrate(batch_size=128, sample=25)
    counts = {c.name: (c.source_points, c.target_points) for c in report.collections}
    assert counts["invoices"] == (N, N)
    assert counts["chat_messages"] == (4, 4)
    assert counts["policies"][0] == counts["policies"][1] > 0
    assert report.sampled == sum(min(25, target) for _, target in counts.values())

    # read back through the same adapters the service uses with QDRANT_URL
    server_invoices = QdrantServerInvoiceStore(local)
    assert await _all_invoices(server_invoices) == sorted(chat_dataset.records(N), key=lambda r: r.invoice_id)
    assert await QdrantServerPolicyStore(local).get(chat_dataset.POLICY_ID) == chat_dataset.policy()
    assert [m.message_id for m in await QdrantServerChatStore(local).history("s1")] == [
        "m0",
        "m1",
        "m2",
        "m3",
    ]
    vendor = chat_dataset.records(1)[0].vendor or ""
    hits = await server_invoices.search(vendor, InvoiceFilter(), 5)
    assert hits and hits[0].record.vendor == vendor, "BM25 vectors arrived with the points"


async def test_a_second_run_duplicates_nothing(edge: Path, local: AsyncQdrantClient) -> None:
    await EdgeToServerMigration(edge, local, "local").migrate(batch_size=200, sample=5)
    again = await EdgeToServerMigration(edge, local, "local").migrate(batch_size=200, sample=5)
    assert all(c.copied_this_run == 0 and c.resumed for c in again.collections)
    assert {c.name: c.target_points for c in again.collections}["invoices"] == N


async def test_a_run_after_a_crash_resumes_and_finishes(edge: Path, local: AsyncQdrantClient) -> None:
    crashing = CrashingClient(local, allowed=4)
    with pytest.raises(Exception, match="network went away"):
        await EdgeToServerMigration(edge, crashing, "local").migrate(batch_size=50, sample=5)  # type: ignore[arg-type]

    resumed = await EdgeToServerMigration(edge, local, "local").migrate(batch_size=50, sample=5)
    by_name = {c.name: c for c in resumed.collections}
    # collections go in name order: chat_messages (one batch), then 3 batches of 50 invoices
    # landed before the crash; the next run copies only the rest
    assert by_name["invoices"].resumed
    assert by_name["invoices"].copied_this_run == N - 150
    assert by_name["invoices"].target_points == N
    assert await _all_invoices(QdrantServerInvoiceStore(local)) == sorted(
        chat_dataset.records(N), key=lambda r: r.invoice_id
    )


async def test_records_added_after_a_finished_run_are_copied_by_the_next(
    edge: Path, local: AsyncQdrantClient
) -> None:
    await EdgeToServerMigration(edge, local, "local").migrate(batch_size=500, sample=5)
    store = QdrantEdgeInvoiceStore(edge)
    extra = chat_dataset.records(N + 10)[N:]
    try:
        await store.upsert(extra)
    finally:
        await store.close()
    report = await EdgeToServerMigration(edge, local, "local").migrate(batch_size=500, sample=5)
    assert {c.name: c.target_points for c in report.collections}["invoices"] == N + 10


def test_the_cli_refuses_while_the_server_holds_the_store(
    edge: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reimburse.cli import main

    async def hold() -> QdrantEdgeInvoiceStore:
        return QdrantEdgeInvoiceStore(edge)

    store = asyncio.run(hold())
    try:
        assert main(["migrate", "--to", "http://127.0.0.1:9", "--data-dir", str(edge)]) == 2
        assert "single-process" in capsys.readouterr().err
    finally:
        asyncio.run(store.close())


@pytest.mark.server
@pytest.mark.skipif(not os.environ.get("QDRANT_URL"), reason="QDRANT_URL is not set")
async def test_migration_into_a_real_server(tmp_path: Path) -> None:
    """Against QDRANT_URL, into collections of their own (prefixed), then removed."""
    data = tmp_path / "data"
    await _seed(data, 200)
    url = os.environ["QDRANT_URL"]
    client = QdrantConnection(url=url, api_key=os.environ.get("QDRANT_API_KEY") or None).client()
    prefix = f"mig_{uuid.uuid4().hex[:8]}_"
    for name in ("invoices", "policies", "chat_messages"):
        (data / "qdrant" / name).rename(data / "qdrant" / f"{prefix}{name}")
    try:
        report = await EdgeToServerMigration(data, client, url).migrate(batch_size=64, sample=20)
        assert {c.name: c.target_points for c in report.collections}[f"{prefix}invoices"] == 200
    finally:
        for name in ("invoices", "policies", "chat_messages"):
            await client.delete_collection(f"{prefix}{name}")
        await client.close()

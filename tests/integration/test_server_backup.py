"""Server-mode backups (Qdrant's snapshot API). The round trip needs a real server (QDRANT_URL)."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

from reimburse.adapters.qdrant_edge.snapshot import EdgeStoreBackup
from reimburse.adapters.qdrant_server import QdrantServerInvoiceStore
from reimburse.adapters.qdrant_server.collection import QdrantConnection
from reimburse.adapters.qdrant_server.snapshot import QdrantServerSnapshotBackup
from reimburse.domain.filters import InvoiceFilter
from reimburse.ports.store_backup import BackupRefused
from tests import chat_dataset
from tests.integration.test_backup_restore import _seed


async def test_an_embedded_backup_is_not_restored_into_a_server(tmp_path: Path) -> None:
    data = tmp_path / "data"
    await _seed(data, 20)
    report = await EdgeStoreBackup(data).backup(tmp_path / "edge.tar")
    # refused after the file is verified and before any connection: the URL leads nowhere
    with pytest.raises(BackupRefused, match="migrate"):
        await QdrantServerSnapshotBackup(QdrantConnection(url="http://127.0.0.1:9")).restore(
            Path(report.path), force=True
        )


@pytest.mark.server
@pytest.mark.skipif(not os.environ.get("QDRANT_URL"), reason="QDRANT_URL is not set")
async def test_server_backup_and_restore_round_trip(tmp_path: Path) -> None:
    """Backs up every collection on the server (use a dedicated test server), deletes the test
    collection's points, restores, and finds them back."""
    url, key = os.environ["QDRANT_URL"], os.environ.get("QDRANT_API_KEY", "")
    name = f"test_backup_{uuid.uuid4().hex[:8]}"
    connection = QdrantConnection(url=url, api_key=key)
    client = connection.client()
    store = QdrantServerInvoiceStore(client, collection=name)
    try:
        records = chat_dataset.records(50)
        await store.upsert(records)
        backup = QdrantServerSnapshotBackup(connection)
        report = await backup.backup(tmp_path / "server.tar")
        assert report.manifest.collections[name] == 50
        await client.delete_collection(name)
        await backup.restore(Path(report.path), force=True)
        again = QdrantServerInvoiceStore(client, collection=name)
        assert await again.count(InvoiceFilter()) == 50
    finally:
        await client.delete_collection(name)
        await client.close()

"""How the composition root wires the Qdrant server stores: one QdrantConnection, made once from
the settings, opens the one client the stores share and configures the backup. Nothing here needs
a Qdrant server: a URL client does not connect until asked, and qdrant-client's local mode (a path)
stands in for a server where data must really flow."""

from __future__ import annotations

from pathlib import Path

import pytest
from dependency_injector import providers

from reimburse.adapters.qdrant_edge.snapshot import EdgeStoreBackup
from reimburse.adapters.qdrant_server import (
    QdrantServerChatStore,
    QdrantServerInvoiceStore,
    QdrantServerPolicyStore,
)
from reimburse.adapters.qdrant_server.collection import QdrantConnection
from reimburse.adapters.qdrant_server.history_store import QdrantServerInvoiceHistory
from reimburse.adapters.qdrant_server.migration import EdgeToServerMigration
from reimburse.adapters.qdrant_server.snapshot import QdrantServerSnapshotBackup
from reimburse.container import close_container, store_migration
from reimburse.domain.filters import InvoiceFilter
from tests import chat_dataset
from tests.conftest import make_settings, offline_container

UNREACHABLE = "https://127.0.0.1:9"  # the discard port: nothing answers there


async def test_a_qdrant_url_gives_one_connection_to_every_server_store_and_the_backup(tmp_path: Path) -> None:
    container = offline_container(make_settings(tmp_path, qdrant_url=UNREACHABLE, qdrant_api_key="k"))
    assert container.qdrant_connection() == QdrantConnection(url=UNREACHABLE, api_key="k", timeout=30)
    assert isinstance(container.invoice_store(), QdrantServerInvoiceStore)
    assert isinstance(container.policy_store(), QdrantServerPolicyStore)
    assert isinstance(container.chat_store(), QdrantServerChatStore)
    assert isinstance(container.history_store(), QdrantServerInvoiceHistory)
    assert isinstance(container.store_backup(), QdrantServerSnapshotBackup)
    await close_container(container)


def test_without_a_qdrant_url_there_is_no_connection_and_the_store_is_embedded(tmp_path: Path) -> None:
    container = offline_container(make_settings(tmp_path))
    assert container.qdrant_connection() is None
    assert container.qdrant_client() is None
    assert isinstance(container.store_backup(), EdgeStoreBackup)


async def test_the_stores_share_the_one_client_the_connection_opens(tmp_path: Path) -> None:
    # Local mode locks its folder: a second client on the same path would be refused, so two stores
    # working side by side show that they share one.
    container = offline_container(make_settings(tmp_path))
    container.qdrant_connection.override(providers.Object(QdrantConnection(path=str(tmp_path / "qdrant"))))
    invoices, policies = container.invoice_store(), container.policy_store()
    await invoices.upsert(chat_dataset.records(3))
    await policies.save(chat_dataset.policy())
    assert await invoices.count(InvoiceFilter()) == 3
    assert await policies.get(chat_dataset.POLICY_ID) == chat_dataset.policy()
    await close_container(container)


async def test_a_store_on_a_connection_closes_the_client_it_opened(tmp_path: Path) -> None:
    connection = QdrantConnection(path=str(tmp_path / "qdrant"))
    first = QdrantServerInvoiceStore(connection)
    await first.upsert(chat_dataset.records(4))
    await first.close()
    again = QdrantServerInvoiceStore(connection)  # refused if the first store's client were still open
    try:
        assert await again.count(InvoiceFilter()) == 4
    finally:
        await again.close()


def test_the_connection_settings_are_frozen() -> None:
    connection = QdrantConnection(url=UNREACHABLE)
    with pytest.raises(AttributeError):
        connection.url = "http://elsewhere:6333"  # type: ignore[misc]


def test_a_migration_target_is_built_without_connecting(tmp_path: Path) -> None:
    migration = store_migration(make_settings(tmp_path), UNREACHABLE, "k")
    assert isinstance(migration, EdgeToServerMigration)

"""Store backends the contract suites run against: the in-memory fake, Qdrant Edge on a temp dir,
qdrant-client's ':memory:' local mode, and a real server when QDRANT_URL is set."""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Any

import pytest

from reimburse.adapters.qdrant_edge import QdrantEdgeChatStore, QdrantEdgeInvoiceStore, QdrantEdgePolicyStore
from reimburse.adapters.qdrant_server import (
    QdrantServerChatStore,
    QdrantServerInvoiceStore,
    QdrantServerPolicyStore,
)
from reimburse.adapters.qdrant_server.collection import IN_MEMORY, QdrantConnection
from reimburse.ports.chat_store import ChatStore
from reimburse.ports.embedder import Embedder
from reimburse.ports.invoice_history import InvoiceHistory
from reimburse.ports.invoice_store import InvoiceStore
from reimburse.ports.policy_store import PolicyStore
from tests.fakes.memory_review import InMemoryInvoiceHistory
from tests.fakes.memory_stores import InMemoryChatStore, InMemoryInvoiceStore, InMemoryPolicyStore

QDRANT_URL = os.environ.get("QDRANT_URL", "")


def _url_connection() -> QdrantConnection:
    return QdrantConnection(url=QDRANT_URL, api_key=os.environ.get("QDRANT_API_KEY") or None)


BACKENDS = [
    pytest.param("memory", id="memory"),
    pytest.param("edge", id="edge"),
    pytest.param("server-memory", id="server-memory"),
    pytest.param(
        "server-url",
        id="server-url",
        marks=[
            pytest.mark.server,
            pytest.mark.skipif(not QDRANT_URL, reason="QDRANT_URL is not set"),
        ],
    ),
]
# Backends whose data outlives a store object (close, then open again on the same place).
PERSISTENT = {"edge", "server-url"}
# Backends that accept an Embedder (the fake has no dense path).
HYBRID = {"edge", "server-memory", "server-url"}


class StoreFactory:
    """Opens stores of one backend; every store it opened is closed at teardown."""

    def __init__(self, backend: str, tmp_path: Path) -> None:
        self.backend = backend
        self.data_dir = tmp_path / "data"
        self.suffix = uuid.uuid4().hex[:12]
        self._open: list[Any] = []

    @property
    def persistent(self) -> bool:
        return self.backend in PERSISTENT

    def _server(self, kind: str) -> dict[str, Any]:
        if self.backend == "server-url":
            return {
                "connection": _url_connection(),
                "collection": f"test_{kind}_{self.suffix}",
            }
        return {"connection": IN_MEMORY}

    def _track(self, store: Any) -> Any:
        self._open.append(store)
        return store

    def invoices(self, embedder: Embedder | None = None) -> InvoiceStore:
        if self.backend == "memory":
            store: InvoiceStore = InMemoryInvoiceStore()
        elif self.backend == "edge":
            store = QdrantEdgeInvoiceStore(self.data_dir, embedder)
        else:
            store = QdrantServerInvoiceStore(embedder=embedder, **self._server("invoices"))
        return self._track(store)  # type: ignore[no-any-return]

    def policies(self, embedder: Embedder | None = None) -> PolicyStore:
        if self.backend == "memory":
            store: PolicyStore = InMemoryPolicyStore()
        elif self.backend == "edge":
            store = QdrantEdgePolicyStore(self.data_dir, embedder)
        else:
            store = QdrantServerPolicyStore(embedder=embedder, **self._server("policies"))
        return self._track(store)  # type: ignore[no-any-return]

    def chats(self) -> ChatStore:
        if self.backend == "memory":
            store: ChatStore = InMemoryChatStore()
        elif self.backend == "edge":
            store = QdrantEdgeChatStore(self.data_dir)
        else:
            store = QdrantServerChatStore(**self._server("chat"))
        return self._track(store)  # type: ignore[no-any-return]

    def history(self) -> InvoiceHistory:
        if self.backend == "memory":
            store: InvoiceHistory = InMemoryInvoiceHistory()
        elif self.backend == "edge":
            from reimburse.adapters.qdrant_edge.history_store import QdrantEdgeInvoiceHistory

            store = QdrantEdgeInvoiceHistory(self.data_dir)
        else:
            from reimburse.adapters.qdrant_server.history_store import QdrantServerInvoiceHistory

            store = QdrantServerInvoiceHistory(**self._server("history"))
        return self._track(store)  # type: ignore[no-any-return]

    async def aclose(self) -> None:
        for store in reversed(self._open):
            await store.close()
        self._open.clear()
        if self.backend == "server-url":
            client = _url_connection().client()
            try:
                for kind in ("invoices", "policies", "chat", "history"):
                    if await client.collection_exists(f"test_{kind}_{self.suffix}"):
                        await client.delete_collection(f"test_{kind}_{self.suffix}")
            finally:
                await client.close()

"""Qdrant server stores via qdrant-client (QDRANT_URL / QDRANT_API_KEY); local mode stands in for tests."""

from reimburse.adapters.qdrant_server.chat_store import QdrantServerChatStore
from reimburse.adapters.qdrant_server.invoice_store import QdrantServerInvoiceStore
from reimburse.adapters.qdrant_server.policy_store import QdrantServerPolicyStore

__all__ = ["QdrantServerChatStore", "QdrantServerInvoiceStore", "QdrantServerPolicyStore"]

"""Embedded Qdrant Edge stores (the default): one on-disk shard per collection under DATA_DIR/qdrant."""

from reimburse.adapters.qdrant_edge.chat_store import QdrantEdgeChatStore
from reimburse.adapters.qdrant_edge.invoice_store import QdrantEdgeInvoiceStore
from reimburse.adapters.qdrant_edge.lock import StoreLocked
from reimburse.adapters.qdrant_edge.policy_store import QdrantEdgePolicyStore

__all__ = ["QdrantEdgeChatStore", "QdrantEdgeInvoiceStore", "QdrantEdgePolicyStore", "StoreLocked"]

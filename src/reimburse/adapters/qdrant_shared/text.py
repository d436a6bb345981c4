"""Text -> vectors. BM25 sparse vectors computed in-process with qdrant_edge.Bm25 (no model
download), and dense vectors from an optional Embedder.

Both Qdrant adapters use this one model, so a collection written by either one scores the same;
Qdrant applies IDF itself (Modifier.IDF on the sparse vector config).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence

import qdrant_edge

from reimburse.ports.embedder import Embedder

log = logging.getLogger(__name__)

# Changing this changes every stored token id: existing collections would need re-indexing.
_CONFIG = qdrant_edge.Bm25Config(language="english", ascii_folding=True)


@functools.cache
def _model() -> qdrant_edge.Bm25:
    return qdrant_edge.Bm25(_CONFIG)


def embed_document(text: str) -> qdrant_edge.SparseVector:
    return _model().embed_document(text)


def embed_query(text: str) -> qdrant_edge.SparseVector:
    return _model().embed_query(text)


def as_lists(vector: qdrant_edge.SparseVector) -> tuple[list[int], list[float]]:
    return list(vector.indices), [float(v) for v in vector.values]


async def dense_vectors(embedder: Embedder | None, texts: Sequence[str]) -> list[list[float]] | None:
    """None when there is no embedder or it failed: BM25 alone still serves the point or query."""
    if embedder is None or not texts:
        return None
    try:
        vectors = await embedder.embed(list(texts))
    except Exception as exc:
        log.warning("embedder failed, falling back to BM25 only: %s", exc)
        return None
    return vectors if len(vectors) == len(texts) else None

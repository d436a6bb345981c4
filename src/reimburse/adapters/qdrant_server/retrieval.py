"""Vectors for points and text queries on the server: the same BM25 model as the embedded store,
plus a dense vector when an embedder is set and the collection has one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from qdrant_client import models

from reimburse.adapters.qdrant_shared import text as store_text
from reimburse.adapters.qdrant_shared.codec import DENSE_VECTOR, SPARSE_VECTOR
from reimburse.ports.embedder import Embedder


def sparse(vector: Any) -> models.SparseVector:
    indices, values = store_text.as_lists(vector)
    return models.SparseVector(indices=indices, values=values)


async def point_vectors(
    embedder: Embedder | None, texts: Sequence[str], use_dense: bool
) -> list[dict[str, Any]]:
    dense = await store_text.dense_vectors(embedder if use_dense else None, texts)
    out: list[dict[str, Any]] = []
    for i, text in enumerate(texts):
        vec: dict[str, Any] = {SPARSE_VECTOR: sparse(store_text.embed_document(text))}
        if dense is not None:
            vec[DENSE_VECTOR] = dense[i]
        out.append(vec)
    return out


async def text_query(
    embedder: Embedder | None, text: str, flt: models.Filter | None, limit: int, use_dense: bool
) -> dict[str, Any] | None:
    """query_points keyword arguments: BM25 within the filter, fused by RRF with dense when available."""
    query_vec = store_text.embed_query(text)
    dense = await store_text.dense_vectors(embedder if use_dense else None, [text])
    depth = max(limit * 4, 50)
    stages: list[models.Prefetch] = []
    if query_vec.indices:
        stages.append(models.Prefetch(query=sparse(query_vec), using=SPARSE_VECTOR, limit=depth, filter=flt))
    if dense is not None:
        stages.append(models.Prefetch(query=dense[0], using=DENSE_VECTOR, limit=depth, filter=flt))
    if not stages:
        return None
    common: dict[str, Any] = {"query_filter": flt, "limit": limit, "with_payload": True}
    if len(stages) == 1:
        return {**common, "query": stages[0].query, "using": stages[0].using}
    return {**common, "prefetch": stages, "query": models.FusionQuery(fusion=models.Fusion.RRF)}

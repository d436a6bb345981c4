"""Vectors for points and text queries: BM25 always, plus a dense vector when an embedder is set."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import qdrant_edge as qe

from reimburse.adapters.qdrant_shared import text as store_text
from reimburse.adapters.qdrant_shared.codec import DENSE_VECTOR, SPARSE_VECTOR
from reimburse.ports.embedder import Embedder


async def point_vectors(embedder: Embedder | None, texts: Sequence[str]) -> list[dict[str, qe.NamedVector]]:
    dense = await store_text.dense_vectors(embedder, texts)
    # BM25 is ~45 µs a text: a batch of hundreds is milliseconds of CPU, kept off the event loop
    sparse = await asyncio.to_thread(lambda: [store_text.embed_document(t) for t in texts])
    out: list[dict[str, qe.NamedVector]] = []
    for i in range(len(texts)):
        vec: dict[str, qe.NamedVector] = {SPARSE_VECTOR: sparse[i]}
        if dense is not None:
            vec[DENSE_VECTOR] = dense[i]
        out.append(vec)
    return out


async def text_request(
    embedder: Embedder | None, text: str, flt: qe.Filter | None, limit: int
) -> qe.QueryRequest | None:
    """BM25 within the filter; with an embedder, BM25 and dense candidates fused by RRF.

    None when the text has no searchable token and there is no dense vector to fall back on.
    """
    sparse = store_text.embed_query(text)
    dense = await store_text.dense_vectors(embedder, [text])
    stages: list[qe.Prefetch] = []
    depth = max(limit * 4, 50)
    if sparse.indices:
        stages.append(
            qe.Prefetch(limit=depth, query=qe.Query.Nearest(sparse, using=SPARSE_VECTOR), filter=flt)
        )
    if dense is not None:
        stages.append(
            qe.Prefetch(limit=depth, query=qe.Query.Nearest(dense[0], using=DENSE_VECTOR), filter=flt)
        )
    if not stages:
        return None
    if len(stages) == 1:
        only = stages[0]
        return qe.QueryRequest(
            limit=limit, query=only.query, filter=flt, with_payload=True, with_vector=False
        )
    return qe.QueryRequest(
        limit=limit,
        prefetches=stages,
        query=qe.Fusion.Rrf(k=60),  # type: ignore[arg-type]  # the stub's union omits Fusion.Rrf
        filter=flt,
        with_payload=True,
        with_vector=False,
    )

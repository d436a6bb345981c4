"""PolicyStore on an embedded Qdrant Edge shard (DATA_DIR/qdrant/policies).

One point per policy (the whole interpreted policy as payload) and one per rule clause, so
policy questions can be answered by BM25 over clause text.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path

import qdrant_edge as qe

from reimburse.adapters.qdrant_edge.collection import EdgeCollection
from reimburse.adapters.qdrant_edge.filters import to_filter
from reimburse.adapters.qdrant_edge.retrieval import point_vectors, text_request
from reimburse.adapters.qdrant_shared.codec import (
    CLAUSE_KIND,
    POLICIES,
    POLICY_INDEXES,
    POLICY_KIND,
    best_clause_hits,
    clause_payload,
    clause_point_id,
    payload_to_policy,
    policy_clauses,
    policy_point_id,
    policy_to_payload,
    saved_at_now,
)
from reimburse.adapters.qdrant_shared.filters import Condition, Equals
from reimburse.domain.verdict.policy import Policy
from reimburse.ports.embedder import Embedder
from reimburse.ports.policy_store import ClauseHit


class QdrantEdgePolicyStore:
    def __init__(
        self, data_dir: str | Path, embedder: Embedder | None = None, *, collection: str = POLICIES
    ) -> None:
        self._embedder = embedder
        dense = embedder.dimension if embedder is not None else None
        self._col = EdgeCollection(data_dir, collection, POLICY_INDEXES, dense)
        self._last_saved: datetime | None = None
        # The latest policy, kept until the next save: chat asks for it on every question, and this
        # process is the shard's only writer. `_saves` tells a read that raced a save to not keep it.
        self._latest: Policy | None = None
        self._latest_known = False
        self._saves = 0

    async def save(self, policy: Policy) -> None:
        self._saves += 1
        self._latest_known = False
        try:
            await self._save(policy)
        finally:
            self._saves += 1  # a read that started before the write landed is stale too
            self._latest_known = False

    async def _save(self, policy: Policy) -> None:
        self._last_saved = saved_at_now(self._last_saved)
        clauses = policy_clauses(policy)
        vectors = await point_vectors(self._embedder, [c for _, c in clauses])
        head_id = policy_point_id(policy.policy_id)
        clause_ids = [clause_point_id(policy.policy_id, rule_id) for rule_id, _ in clauses]
        points = [qe.Point(head_id, {}, policy_to_payload(policy, self._last_saved))]
        points += [
            qe.Point(pid, v, clause_payload(policy.policy_id, rule_id, c))
            for pid, (rule_id, c), v in zip(clause_ids, clauses, vectors, strict=True)
        ]
        keep: set[qe.PointId] = {head_id, *clause_ids}
        # Upsert first, then drop clauses the new reading no longer has: never a window without clauses.
        stale = qe.Filter(
            must=[
                qe.FieldCondition("kind", match=qe.MatchValue(CLAUSE_KIND)),
                qe.FieldCondition("policy_id", match=qe.MatchValue(policy.policy_id)),
            ],
            must_not=[qe.HasIdCondition(keep)],
        )
        await self._col.write(
            [qe.UpdateOperation.upsert_points(points), qe.UpdateOperation.delete_points_by_filter(stale)]
        )

    async def get(self, policy_id: str) -> Policy | None:
        return await asyncio.to_thread(self._get, policy_id)  # reads run off the event loop

    def _get(self, policy_id: str) -> Policy | None:
        payloads = self._col.retrieve_payloads([policy_point_id(policy_id)])
        return payload_to_policy(payloads[0]) if payloads else None

    async def search_clauses(self, text: str, policy_id: str | None, limit: int) -> list[ClauseHit]:
        if limit <= 0:
            return []
        conds: list[Condition] = [Equals("kind", CLAUSE_KIND)]
        if policy_id is not None:
            conds.append(Equals("policy_id", policy_id))
        # Several rules can quote one clause: over-fetch, then keep each clause text once.
        request = await text_request(self._embedder, text, to_filter(conds), limit * 3)
        if request is None:
            return []
        points = await asyncio.to_thread(self._col.query, request)
        return best_clause_hits(((p.payload, float(p.score)) for p in points if p.payload), limit)

    async def latest(self) -> Policy | None:
        if self._latest_known:
            return self._latest
        saves = self._saves
        policy = await asyncio.to_thread(self._read_latest)
        if saves == self._saves:
            self._latest, self._latest_known = policy, True
        return policy

    def _read_latest(self) -> Policy | None:
        points = self._col.query(
            qe.QueryRequest(
                limit=1,
                query=qe.OrderBy("saved_at", qe.Direction.Desc),
                filter=to_filter([Equals("kind", POLICY_KIND)]),
                with_payload=True,
                with_vector=False,
            )
        )
        return payload_to_policy(points[0].payload) if points and points[0].payload else None

    async def close(self) -> None:
        await asyncio.to_thread(self._col.close)

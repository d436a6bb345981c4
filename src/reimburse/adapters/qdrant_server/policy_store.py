"""PolicyStore on a Qdrant server: one point per policy plus one per rule clause (BM25 over clauses)."""

from __future__ import annotations

from datetime import datetime

from qdrant_client import AsyncQdrantClient, models

from reimburse.adapters.qdrant_server.collection import IN_MEMORY, QdrantConnection, ServerCollection
from reimburse.adapters.qdrant_server.filters import to_filter
from reimburse.adapters.qdrant_server.retrieval import point_vectors, text_query
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


class QdrantServerPolicyStore:
    def __init__(
        self,
        connection: QdrantConnection | AsyncQdrantClient = IN_MEMORY,
        *,
        embedder: Embedder | None = None,
        collection: str = POLICIES,
    ) -> None:
        self._embedder = embedder
        dense = embedder.dimension if embedder is not None else None
        self._col = ServerCollection.open(collection, POLICY_INDEXES, dense, connection)
        self._last_saved: datetime | None = None

    async def save(self, policy: Policy) -> None:
        await self._col.ensure()
        self._last_saved = saved_at_now(self._last_saved)
        clauses = policy_clauses(policy)
        vectors = await point_vectors(self._embedder, [c for _, c in clauses], self._col.has_dense)
        head_id = policy_point_id(policy.policy_id)
        clause_ids = [clause_point_id(policy.policy_id, rule_id) for rule_id, _ in clauses]
        points = [
            models.PointStruct(id=head_id, vector={}, payload=policy_to_payload(policy, self._last_saved))
        ]
        points += [
            models.PointStruct(id=pid, vector=v, payload=clause_payload(policy.policy_id, rule_id, c))
            for pid, (rule_id, c), v in zip(clause_ids, clauses, vectors, strict=True)
        ]
        await self._col.upsert(points)
        # Only after the new clauses are in: drop the ones this reading no longer has.
        stale = models.Filter(
            must=[
                models.FieldCondition(key="kind", match=models.MatchValue(value=CLAUSE_KIND)),
                models.FieldCondition(key="policy_id", match=models.MatchValue(value=policy.policy_id)),
            ],
            must_not=[models.HasIdCondition(has_id=[head_id, *clause_ids])],
        )
        await self._col.delete(stale)

    async def get(self, policy_id: str) -> Policy | None:
        payloads = await self._col.retrieve_payloads([policy_point_id(policy_id)])
        return payload_to_policy(payloads[0]) if payloads else None

    async def search_clauses(self, text: str, policy_id: str | None, limit: int) -> list[ClauseHit]:
        if limit <= 0:
            return []
        await self._col.ensure()
        conds: list[Condition] = [Equals("kind", CLAUSE_KIND)]
        if policy_id is not None:
            conds.append(Equals("policy_id", policy_id))
        kwargs = await text_query(self._embedder, text, to_filter(conds), limit * 3, self._col.has_dense)
        if kwargs is None:
            return []
        points = await self._col.query(**kwargs)
        return best_clause_hits(((p.payload, float(p.score)) for p in points if p.payload), limit)

    async def latest(self) -> Policy | None:
        points = await self._col.query(
            query=models.OrderByQuery(
                order_by=models.OrderBy(key="saved_at", direction=models.Direction.DESC)
            ),
            query_filter=to_filter([Equals("kind", POLICY_KIND)]),
            limit=1,
            with_payload=True,
        )
        return payload_to_policy(points[0].payload) if points and points[0].payload else None

    async def close(self) -> None:
        await self._col.close()

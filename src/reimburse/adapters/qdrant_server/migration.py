"""StoreMigration from the embedded store (DATA_DIR) into a Qdrant server, through ServerCollection.

Collection by collection, in batches of points with their ids, vectors and payloads unchanged.
Point ids are deterministic, so copying a point twice overwrites it: a second run duplicates
nothing. After each batch a checkpoint (DATA_DIR/.migration-<target>.json) records the next
offset, so a run after a crash resumes there instead of starting over. At the end the counts of
every collection must match, and a random sample of points is compared field by field.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import time
from pathlib import Path
from typing import Any

from qdrant_client import AsyncQdrantClient, models

from reimburse.adapters.qdrant_edge.export import EdgeCollectionExport, ExportedPoint, collection_names
from reimburse.adapters.qdrant_server.collection import ServerCollection
from reimburse.adapters.qdrant_shared.codec import (
    CHAT_INDEXES,
    CHAT_MESSAGES,
    DENSE_VECTOR,
    HISTORY_INDEXES,
    INVOICE_HISTORY,
    INVOICE_INDEXES,
    INVOICES,
    POLICIES,
    POLICY_INDEXES,
    IndexType,
)
from reimburse.ports.store_migration import CollectionMigrated, MigrationFailed, MigrationReport

INDEXES: dict[str, dict[str, IndexType]] = {
    INVOICES: INVOICE_INDEXES,
    POLICIES: POLICY_INDEXES,
    CHAT_MESSAGES: CHAT_INDEXES,
    INVOICE_HISTORY: HISTORY_INDEXES,
}


def _to_point(p: ExportedPoint) -> models.PointStruct:
    vector: dict[str, Any] = {}
    for name, vec in p.vectors.items():
        if isinstance(vec, tuple):
            vector[name] = models.SparseVector(indices=vec[0], values=vec[1])
        else:
            vector[name] = vec
    return models.PointStruct(id=p.id, vector=vector, payload=p.payload)


def _sparse(vec: Any) -> dict[int, float]:
    if isinstance(vec, tuple):
        return dict(zip(vec[0], vec[1], strict=True))
    if isinstance(vec, models.SparseVector):
        return dict(zip(vec.indices, vec.values, strict=True))
    return {}


def _same_vectors(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if set(a) != set(b):
        return False
    for name, va in a.items():
        vb = b[name]
        if isinstance(va, tuple) or isinstance(vb, models.SparseVector):
            sa, sb = _sparse(va), _sparse(vb)
            if set(sa) != set(sb) or any(abs(sa[i] - sb[i]) > 1e-5 for i in sa):
                return False
        elif len(va) != len(vb) or any(abs(x - y) > 1e-4 for x, y in zip(va, vb, strict=True)):
            return False  # the server may normalise cosine vectors: a loose bound
    return True


class Checkpoint:
    def __init__(self, path: Path, target: str) -> None:
        self.path = path
        self.state: dict[str, Any] = {"target": target, "collections": {}}
        if path.is_file():
            loaded = json.loads(path.read_text("utf-8"))
            if loaded.get("target") == target:
                self.state = loaded

    def of(self, name: str) -> dict[str, Any]:
        entry: dict[str, Any] = self.state["collections"].setdefault(
            name, {"next_offset": None, "copied": 0, "done": False}
        )
        return entry

    def save(self) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.state, indent=2), "utf-8")
        os.replace(tmp, self.path)


class EdgeToServerMigration:
    """`client` is the target (a server, or qdrant-client's local mode in tests); `target` names it
    in the checkpoint and the report (the URL, never the API key)."""

    def __init__(self, data_dir: str | Path, client: AsyncQdrantClient, target: str, seed: int = 0) -> None:
        self._data_dir = Path(data_dir)
        self._client = client
        self._target = target
        self._rng = random.Random(seed)
        digest = hashlib.sha256(target.encode()).hexdigest()[:16]
        self.checkpoint_path = self._data_dir / f".migration-{digest}.json"

    async def migrate(self, *, batch_size: int = 512, sample: int = 50) -> MigrationReport:
        started = time.perf_counter()
        checkpoint = Checkpoint(self.checkpoint_path, self._target)
        results: list[CollectionMigrated] = []
        sampled = 0
        # Every collection's lock first: a running server is reported before anything is copied.
        sources: list[EdgeCollectionExport] = []
        try:
            for name in collection_names(self._data_dir):
                sources.append(EdgeCollectionExport(self._data_dir, name))
            for source in sources:
                moved, checked = await self._collection(source, checkpoint, batch_size, sample)
                results.append(moved)
                sampled += checked
        finally:
            for source in sources:
                source.close()
        return MigrationReport(
            target=self._target,
            collections=tuple(results),
            sampled=sampled,
            seconds=time.perf_counter() - started,
        )

    async def close(self) -> None:
        await self._client.close()

    async def _collection(
        self, source: EdgeCollectionExport, checkpoint: Checkpoint, batch_size: int, sample: int
    ) -> tuple[CollectionMigrated, int]:
        state = checkpoint.of(source.name)
        resumed = bool(state["done"] or state["next_offset"] or state["copied"])
        target = await self._target_collection(source.name, source.retrieve(source.ids()[:1]))
        copied = 0
        expected = source.count()
        for _ in range(2):
            from_start = state["next_offset"] is None and not state["done"]
            if not state["done"]:
                copied += await self._copy(source, target, state, checkpoint, batch_size)
            actual = await target.count(None)
            if actual == expected:
                break
            # The store changed since a finished run, or the target holds other points: copy again
            # from the start once; if the counts still differ, stop and say so.
            state.update(next_offset=None, done=False)
            checkpoint.save()
            if from_start:
                raise MigrationFailed(
                    f"{source.name}: {expected} points in the embedded store, {actual} on {self._target}"
                )
        checked = await self._compare_sample(source, target, sample)
        moved = CollectionMigrated(
            name=source.name,
            source_points=expected,
            target_points=actual,
            copied_this_run=copied,
            resumed=resumed,
        )
        return moved, checked

    @staticmethod
    async def _copy(
        source: EdgeCollectionExport,
        target: ServerCollection,
        state: dict[str, Any],
        checkpoint: Checkpoint,
        batch_size: int,
    ) -> int:
        copied = 0
        for page, next_offset in source.batches(state["next_offset"], batch_size):
            await target.upsert([_to_point(p) for p in page])
            copied += len(page)
            state["copied"] += len(page)
            state["next_offset"] = next_offset
            state["done"] = next_offset is None
            checkpoint.save()
        return copied

    async def _target_collection(self, name: str, first_page: list[ExportedPoint]) -> ServerCollection:
        dense = next((p.vectors[DENSE_VECTOR] for p in first_page if DENSE_VECTOR in p.vectors), None)
        col = ServerCollection.open(
            name, INDEXES.get(name, {}), len(dense) if isinstance(dense, list) else None, self._client
        )
        await col.ensure()
        return col

    async def _compare_sample(self, source: EdgeCollectionExport, target: ServerCollection, n: int) -> int:
        ids = source.ids()
        chosen = self._rng.sample(ids, min(n, len(ids)))
        if not chosen:
            return 0
        mine = {p.id: p for p in source.retrieve(chosen)}
        records = await target.call(
            self._client.retrieve(target.name, ids=chosen, with_payload=True, with_vectors=True)
        )
        theirs = {str(r.id): r for r in records}
        for point_id, point in mine.items():
            other = theirs.get(point_id)
            if other is None:
                raise MigrationFailed(f"{source.name}: point {point_id} is missing on {self._target}")
            vectors = other.vector if isinstance(other.vector, dict) else {}
            if other.payload != point.payload or not _same_vectors(point.vectors, vectors):
                raise MigrationFailed(f"{source.name}: point {point_id} differs on {self._target}")
        return len(mine)

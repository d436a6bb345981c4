"""Reads an embedded collection point by point (ids, vectors, payloads), for migration.

Holds the collection's directory lock while open: the serving process must be stopped, or
export from a restored backup instead (see docs/operations.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import qdrant_edge as qe

from reimburse.adapters.qdrant_edge.lock import DirectoryLock
from reimburse.adapters.qdrant_edge.snapshot import STORE_ROOT, data_trees


class ExportedPoint:
    __slots__ = ("id", "payload", "vectors")

    def __init__(self, point_id: str, vectors: dict[str, Any], payload: dict[str, Any]) -> None:
        self.id = point_id
        self.vectors = vectors  # name -> list[float] | (indices, values)
        self.payload = payload


def _vectors(raw: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, vec in (raw or {}).items():
        if isinstance(vec, qe.SparseVector):
            out[name] = (list(vec.indices), list(vec.values))
        else:
            out[name] = list(vec)
    return out


def collection_names(data_dir: str | Path) -> list[str]:
    return [t.split("/", 1)[1] for t in data_trees(Path(data_dir)) if t.startswith(f"{STORE_ROOT}/")]


class EdgeCollectionExport:
    def __init__(self, data_dir: str | Path, name: str) -> None:
        root = Path(data_dir) / STORE_ROOT
        self.name = name
        self._lock = DirectoryLock(root / f"{name}.lock", root / name)
        self._lock.acquire()
        try:
            self._shard = qe.EdgeShard.load(str(root / name))
        except BaseException:
            self._lock.release()
            raise

    def count(self) -> int:
        return int(self._shard.count(qe.CountRequest(exact=True)))

    def batches(self, offset: str | None, size: int) -> Iterator[tuple[list[ExportedPoint], str | None]]:
        """Pages of points in id order from `offset`, each with the offset of the next page."""
        start: qe.PointId | None = offset
        while True:
            request = qe.ScrollRequest(offset=start, limit=size, with_payload=True, with_vector=True)
            records, nxt = self._shard.scroll(request)
            page = [ExportedPoint(str(r.id), _vectors(r.vector), r.payload or {}) for r in records]
            start = nxt
            yield page, None if nxt is None else str(nxt)
            if nxt is None:
                return

    def ids(self) -> list[str]:
        out: list[str] = []
        start: qe.PointId | None = None
        while True:
            request = qe.ScrollRequest(offset=start, limit=4096, with_payload=False, with_vector=False)
            records, start = self._shard.scroll(request)
            out += [str(r.id) for r in records]
            if start is None:
                return out

    def retrieve(self, ids: list[str]) -> list[ExportedPoint]:
        records = self._shard.retrieve(list(ids), True, True)
        return [ExportedPoint(str(r.id), _vectors(r.vector), r.payload or {}) for r in records]

    def close(self) -> None:
        try:
            self._shard.close()
        finally:
            self._lock.release()

"""A canonical dump of an embedded DATA_DIR: every point of every collection, ids sorted, JSON.

Two stores hold the same data exactly when their dumps are equal. Opens the shards directly,
so the store must not be open elsewhere.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from reimburse.adapters.qdrant_edge.export import EdgeCollectionExport, collection_names


def _vector(vec: Any) -> Any:
    if isinstance(vec, tuple):
        return {"indices": vec[0], "values": [round(v, 6) for v in vec[1]]}
    return [round(v, 6) for v in vec]


def canonical_dump(data_dir: Path) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for name in collection_names(data_dir):
        export = EdgeCollectionExport(data_dir, name)
        try:
            points = export.retrieve(export.ids())
        finally:
            export.close()
        out[name] = sorted(
            (
                {
                    "id": p.id,
                    "payload": json.loads(json.dumps(p.payload, sort_keys=True)),
                    "vectors": {k: _vector(v) for k, v in sorted(p.vectors.items())},
                }
                for p in points
            ),
            key=lambda d: d["id"],
        )
    return out


def tree_digest(root: Path) -> dict[str, str]:
    """Path -> SHA-256 of every file under `root` (what "nothing changed" is checked against)."""
    if not root.exists():
        return {}
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }

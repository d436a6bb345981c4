from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class Embedder(Protocol):
    """Dense text embeddings for hybrid retrieval. Optional: absent in the offline default."""

    dimension: int

    async def embed(self, texts: Sequence[str]) -> list[list[float]]: ...

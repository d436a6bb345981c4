"""A deterministic Embedder: hashed bag of words, L2-normalised. No model, no network.

`aliases` maps a word to another before hashing, so tests can make two different words
'mean' the same thing and prove retrieval used the dense vector (BM25 cannot see aliases).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Sequence

_WORD = re.compile(r"\w+")


class HashEmbedder:
    def __init__(self, dimension: int = 64, aliases: dict[str, str] | None = None) -> None:
        self.dimension = dimension
        self.aliases = {k.casefold(): v.casefold() for k, v in (aliases or {}).items()}
        self.calls = 0

    def _bucket(self, word: str) -> int:
        digest = hashlib.blake2b(word.encode(), digest_size=8).digest()
        return int.from_bytes(digest, "big") % self.dimension

    def vector(self, text: str) -> list[float]:
        vec = [0.0] * self.dimension
        for word in _WORD.findall(text.casefold()):
            vec[self._bucket(self.aliases.get(word, word))] += 1.0
        norm = math.sqrt(sum(v * v for v in vec))
        if norm == 0:
            vec[0] = 1.0  # cosine needs a non-zero vector
            return vec
        return [v / norm for v in vec]

    async def embed(self, texts: Sequence[str]) -> list[list[float]]:
        self.calls += 1
        return [self.vector(t) for t in texts]

"""GeminiEmbedder: dense vectors through batchEmbedContents, at most 100 texts per request."""

from __future__ import annotations

from collections.abc import Sequence

from google.genai import types

from reimburse.adapters.gemini.client import GeminiGateway
from reimburse.adapters.gemini.resilience import GeminiUnavailable

BATCH_LIMIT = 100  # the API's per-request maximum


class EmbeddingError(GeminiUnavailable):
    """Gemini answered, but not with one vector of the configured size per text."""


class GeminiEmbedder:
    def __init__(
        self, gateway: GeminiGateway, dimension: int | None = None, batch_size: int = BATCH_LIMIT
    ) -> None:
        self._gateway = gateway
        self.dimension = dimension or gateway.embedding_dimension
        self._batch = max(1, min(batch_size, BATCH_LIMIT))

    async def embed(self, texts: Sequence[str]) -> list[list[float]]:
        vectors: list[list[float]] = []
        for start in range(0, len(texts), self._batch):
            vectors += await self._embed_batch(list(texts[start : start + self._batch]))
        return vectors

    async def _embed_batch(self, batch: list[str]) -> list[list[float]]:
        # An empty string is rejected by the API; a single space embeds as "nothing".
        contents: list[types.ContentUnion] = [t if t.strip() else " " for t in batch]
        config = types.EmbedContentConfig(output_dimensionality=self.dimension)

        async def once() -> types.EmbedContentResponse:
            return await self._gateway.client.aio.models.embed_content(
                model=self._gateway.embedding_model,
                contents=contents,
                config=config,
            )

        response = await self._gateway.resilience.call(once)
        embeddings = response.embeddings or []
        if len(embeddings) != len(batch):
            raise EmbeddingError(f"asked for {len(batch)} embeddings, got {len(embeddings)}")
        vectors = [list(e.values or []) for e in embeddings]
        if any(len(v) != self.dimension for v in vectors):
            raise EmbeddingError(f"expected {self.dimension}-dimensional vectors")
        return vectors

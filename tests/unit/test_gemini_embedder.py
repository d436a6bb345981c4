"""GeminiEmbedder over the fake server: batchEmbedContents, at most 100 texts per request."""

from __future__ import annotations

import pytest

from reimburse.adapters.gemini.client import GeminiGateway
from reimburse.adapters.gemini.embedder import EmbeddingError, GeminiEmbedder
from reimburse.adapters.gemini.resilience import GeminiUnavailable
from tests.fakes.fake_gemini_server import EMBED, FakeGeminiServer, Reply, hashed_vector


async def test_batches_of_at_most_100_in_order(server: FakeGeminiServer, gateway: GeminiGateway) -> None:
    texts = [f"invoice {i}" for i in range(250)]
    embedder = GeminiEmbedder(gateway, dimension=16)

    vectors = await embedder.embed(texts)

    assert embedder.dimension == 16
    assert [len(r.embed_texts) for r in server.requests] == [100, 100, 50]
    assert all(
        r.action == EMBED and r.path.endswith("gemini-embedding-001:batchEmbedContents")
        for r in server.requests
    )
    first = server.requests[0].body["requests"][0]
    assert first["outputDimensionality"] == 16 and first["model"] == "models/gemini-embedding-001"
    assert vectors == [pytest.approx(hashed_vector(t, 16)) for t in texts]  # one vector per text, same order


async def test_empty_input_makes_no_call(server: FakeGeminiServer, gateway: GeminiGateway) -> None:
    assert await GeminiEmbedder(gateway).embed([]) == []
    assert server.requests == []


async def test_a_short_answer_is_an_error(server: FakeGeminiServer, gateway: GeminiGateway) -> None:
    server.script(Reply.embeddings([[0.1] * 16]))

    with pytest.raises(EmbeddingError, match="asked for 2"):
        await GeminiEmbedder(gateway, dimension=16).embed(["a", "b"])


async def test_wrong_dimension_is_an_error(server: FakeGeminiServer, gateway: GeminiGateway) -> None:
    server.script(Reply.embeddings([[0.1] * 8]))

    with pytest.raises(EmbeddingError, match="16-dimensional"):
        await GeminiEmbedder(gateway, dimension=16).embed(["a"])


async def test_failures_are_retried_then_reported(server: FakeGeminiServer, gateway: GeminiGateway) -> None:
    server.script(Reply.error(429, retry_after=0), Reply.error(503), Reply.error(503))

    with pytest.raises(GeminiUnavailable):
        await GeminiEmbedder(gateway, dimension=16).embed(["a"])
    assert len(server.requests) == 2  # 1 + max_retries=1

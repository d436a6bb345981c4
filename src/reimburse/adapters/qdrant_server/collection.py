"""One collection on a Qdrant server (or qdrant-client's local mode), created on first use.

Every write waits for the server to apply it (wait=True). Client errors surface as StoreUnavailable.
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections.abc import AsyncIterator, Awaitable
from typing import Any, TypeVar

import msgspec
from qdrant_client import AsyncQdrantClient, models

from reimburse.adapters.qdrant_shared.codec import DENSE_VECTOR, SPARSE_VECTOR, IndexType
from reimburse.domain.errors import StoreUnavailable

log = logging.getLogger(__name__)
T = TypeVar("T")

_SCHEMA = {
    IndexType.KEYWORD: models.PayloadSchemaType.KEYWORD,
    IndexType.FLOAT: models.PayloadSchemaType.FLOAT,
    IndexType.DATETIME: models.PayloadSchemaType.DATETIME,
}

SCROLL_PAGE = 512


class QdrantConnection(msgspec.Struct, frozen=True, kw_only=True):
    """Where the server stores keep their data: a server at `url` (+ `api_key`), or qdrant-client's
    local mode (location=':memory:' or a `path`), which stands in for a server in tests and benches."""

    url: str | None = None
    api_key: str | None = None
    timeout: int = 10  # seconds a server request may take
    location: str | None = None
    path: str | None = None

    def client(self) -> AsyncQdrantClient:
        if self.url:
            # No version probe at construction: it is blocking I/O and a down server must not stop startup.
            return AsyncQdrantClient(
                url=self.url, api_key=self.api_key or None, timeout=self.timeout, check_compatibility=False
            )
        if self.path:
            return AsyncQdrantClient(path=self.path)
        return AsyncQdrantClient(location=self.location or ":memory:")


IN_MEMORY = QdrantConnection(location=":memory:")


class ServerCollection:
    @classmethod
    def open(
        cls,
        name: str,
        indexes: dict[str, IndexType],
        dense_size: int | None,
        on: QdrantConnection | AsyncQdrantClient,
    ) -> ServerCollection:
        """On a shared client (which the caller closes), or on one of its own that a connection opens."""
        if isinstance(on, QdrantConnection):
            return cls(on.client(), name, indexes, dense_size, owns_client=True)
        return cls(on, name, indexes, dense_size, owns_client=False)

    def __init__(
        self,
        client: AsyncQdrantClient,
        name: str,
        indexes: dict[str, IndexType],
        dense_size: int | None,
        *,
        owns_client: bool,
    ) -> None:
        self.client = client
        self.name = name
        self._indexes = indexes
        self._dense_size = dense_size
        self.has_dense = False
        self._owns_client = owns_client
        self._ready = False
        self._init_lock = asyncio.Lock()

    async def call(self, op: Awaitable[T]) -> T:
        await self.ensure()
        return await self._guard(op)

    async def _guard(self, op: Awaitable[T]) -> T:
        try:
            return await op
        except StoreUnavailable:
            raise
        except Exception as exc:
            raise StoreUnavailable(f"Qdrant collection '{self.name}' is unavailable: {exc}") from exc

    async def ensure(self) -> None:
        if self._ready:
            return
        async with self._init_lock:
            if self._ready:
                return
            await self._guard(self._create_or_inspect())
            self._ready = True

    async def _create_or_inspect(self) -> None:
        if not await self.client.collection_exists(self.name):
            dense = (
                {DENSE_VECTOR: models.VectorParams(size=self._dense_size, distance=models.Distance.COSINE)}
                if self._dense_size is not None
                else {}
            )
            sparse = {SPARSE_VECTOR: models.SparseVectorParams(modifier=models.Modifier.IDF)}
            try:
                await self.client.create_collection(
                    self.name, vectors_config=dense, sparse_vectors_config=sparse
                )
            except Exception:
                # Another worker may have created it in between; anything else re-raises below.
                if not await self.client.collection_exists(self.name):
                    raise
        info = await self.client.get_collection(self.name)
        vectors = info.config.params.vectors
        self.has_dense = isinstance(vectors, dict) and DENSE_VECTOR in vectors
        if self._dense_size is not None and not self.has_dense:
            log.warning("collection %s has no dense vector; searching it with BM25 only", self.name)
        present = set(info.payload_schema or {})
        with warnings.catch_warnings():
            # Local mode ignores payload indexes and warns; the server needs them for filters/order_by.
            warnings.simplefilter("ignore", UserWarning)
            for key, kind in self._indexes.items():
                if key not in present:
                    await self.client.create_payload_index(self.name, key, _SCHEMA[kind], wait=True)

    async def upsert(self, points: list[models.PointStruct]) -> None:
        if points:
            await self.call(self.client.upsert(self.name, points=points, wait=True))

    async def delete(self, flt: models.Filter) -> None:
        await self.call(
            self.client.delete(self.name, points_selector=models.FilterSelector(filter=flt), wait=True)
        )

    async def count(self, flt: models.Filter | None) -> int:
        result = await self.call(self.client.count(self.name, count_filter=flt, exact=True))
        return result.count

    async def query(self, **kwargs: Any) -> list[models.ScoredPoint]:
        response = await self.call(self.client.query_points(self.name, **kwargs))
        return response.points

    async def retrieve_payloads(self, ids: list[str]) -> list[dict[str, Any]]:
        records = await self.call(self.client.retrieve(self.name, ids=ids, with_payload=True))
        return [r.payload for r in records if r.payload is not None]

    async def scroll_payloads(
        self, flt: models.Filter | None, page: int = SCROLL_PAGE, keys: list[str] | None = None
    ) -> AsyncIterator[dict[str, Any]]:
        """Every matching payload (all keys, or only `keys`)."""
        offset: Any = None
        selector: bool | list[str] = True if keys is None else keys
        while True:
            records, offset = await self.call(
                self.client.scroll(
                    self.name, scroll_filter=flt, limit=page, offset=offset, with_payload=selector
                )
            )
            for rec in records:
                if rec.payload is not None:
                    yield rec.payload
            if offset is None:
                return

    async def facet(self, key: str, limit: int) -> list[tuple[Any, int]]:
        response = await self.call(self.client.facet(self.name, key, limit=limit, exact=True))
        return [(hit.value, hit.count) for hit in response.hits]

    async def ping(self) -> None:
        self._ready = False  # re-check the collection: the server may have restarted empty
        await self.ensure()

    async def close(self) -> None:
        if self._owns_client:
            await self.client.close()

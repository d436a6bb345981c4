"""DocumentStore on S3-compatible object storage (DOCUMENTS_URL=s3://bucket/prefix), through obstore.

Objects are named <prefix>/<2 hex>/<64 hex>. A PUT of one object is atomic on S3 (readers see the
old state or the whole new object), and the same bytes always land under the same name, so several
service machines may write the same document concurrently. Credentials and region come from the
standard AWS_* environment variables; `endpoint` points at MinIO, Ceph, R2 or a test server.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import obstore
from obstore.exceptions import NotFoundError
from obstore.store import S3Store

from reimburse.domain.documents import document_key, require_key


def parse_s3_url(url: str) -> tuple[str, str]:
    """s3://bucket/some/prefix -> ("bucket", "some/prefix")."""
    parts = urlsplit(url)
    if parts.scheme != "s3" or not parts.netloc:
        raise ValueError(f"not an s3://bucket[/prefix] URL: {url!r}")
    return parts.netloc, parts.path.strip("/")


class S3DocumentStore:
    def __init__(
        self,
        url: str,
        *,
        endpoint: str | None = None,
        region: str | None = None,
        access_key_id: str | None = None,
        secret_access_key: str | None = None,
    ) -> None:
        bucket, self._prefix = parse_s3_url(url)
        config: dict[str, str] = {}
        if endpoint:
            config["endpoint"] = endpoint
        if region:
            config["region"] = region
        if access_key_id and secret_access_key:
            config["access_key_id"] = access_key_id
            config["secret_access_key"] = secret_access_key
        allow_http = bool(endpoint and endpoint.startswith("http://"))
        self._store = S3Store(
            bucket,
            config=config,  # type: ignore[arg-type]  # a TypedDict of optional keys
            client_options={"allow_http": allow_http, "timeout": "60s", "connect_timeout": "10s"},
        )

    def _name(self, sha256: str) -> str:
        key = require_key(sha256)
        path = f"{key[:2]}/{key}"
        return f"{self._prefix}/{path}" if self._prefix else path

    async def put(self, data: bytes) -> str:
        key = document_key(data)
        if not await self.exists(key):
            await obstore.put_async(self._store, self._name(key), data)
        return key

    async def get(self, sha256: str) -> bytes | None:
        try:
            result = await obstore.get_async(self._store, self._name(sha256))
            return bytes(await result.bytes_async())
        except (NotFoundError, FileNotFoundError):
            return None

    async def exists(self, sha256: str) -> bool:
        try:
            await obstore.head_async(self._store, self._name(sha256))
        except (NotFoundError, FileNotFoundError):
            return False
        return True

    async def delete(self, sha256: str) -> bool:
        name = self._name(sha256)
        if not await self.exists(sha256):
            return False
        await obstore.delete_async(self._store, name)
        return True

    async def close(self) -> None:
        return None

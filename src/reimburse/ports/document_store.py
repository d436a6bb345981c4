from __future__ import annotations

from typing import Protocol


class DocumentStore(Protocol):
    """Original files, content-addressed: the key of a file is the SHA-256 of its bytes (lowercase hex).

    The same bytes are stored once however many invoices refer to them. Writes are durable on return.
    Keys that are not 64 lowercase hex digits raise ValueError (they never reach a path or a URL).
    """

    async def put(self, data: bytes) -> str:
        """Stores the bytes (idempotent) and returns their SHA-256."""
        ...

    async def get(self, sha256: str) -> bytes | None: ...

    async def exists(self, sha256: str) -> bool: ...

    async def delete(self, sha256: str) -> bool:
        """Removes the file; False when it was not there."""
        ...

    async def close(self) -> None: ...

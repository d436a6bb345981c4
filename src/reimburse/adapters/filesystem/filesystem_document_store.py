"""DocumentStore on the local disk: DATA_DIR/documents/<2 hex>/<64 hex>, written atomically.

A file is written to a temporary name in the same directory tree, fsynced, renamed into place and
its directory fsynced: a crash leaves either the whole file or none, never a torn one under its key.
Content addressing makes writes idempotent and concurrent writers of the same bytes harmless.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
from pathlib import Path

from reimburse.adapters.fsync import fsync_path
from reimburse.domain.documents import document_key, require_key

DOCUMENTS = "documents"


class FilesystemDocumentStore:
    def __init__(self, data_dir: str | Path) -> None:
        self.root = Path(data_dir) / DOCUMENTS
        self._tmp = self.root / "tmp"
        self._tmp.mkdir(parents=True, exist_ok=True)
        # Leftovers of writes a crash interrupted: never under a key, so safe to drop.
        for stale in self._tmp.iterdir():
            with contextlib.suppress(OSError):
                stale.unlink()

    def _path(self, sha256: str) -> Path:
        key = require_key(sha256)
        return self.root / key[:2] / key

    def _write(self, key: str, data: bytes) -> None:
        final = self._path(key)
        if final.exists():
            return
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = self._tmp / f"{key}.{secrets.token_hex(6)}"
        try:
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, final)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        fsync_path(final.parent)

    async def put(self, data: bytes) -> str:
        key = document_key(data)
        await asyncio.to_thread(self._write, key, data)
        return key

    async def get(self, sha256: str) -> bytes | None:
        path = self._path(sha256)
        try:
            return await asyncio.to_thread(path.read_bytes)
        except FileNotFoundError:
            return None

    async def exists(self, sha256: str) -> bool:
        return self._path(sha256).is_file()

    async def delete(self, sha256: str) -> bool:
        path = self._path(sha256)

        def remove() -> bool:
            try:
                path.unlink()
            except FileNotFoundError:
                return False
            fsync_path(path.parent)
            return True

        return await asyncio.to_thread(remove)

    async def close(self) -> None:
        return None

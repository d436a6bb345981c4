"""StoreBackup for a Qdrant server: one collection snapshot per collection, in the same file format.

The server makes each snapshot consistent on its own (POST /collections/{c}/snapshots); it is
downloaded, then deleted from the server, and archived with its SHA-256 in the manifest. Restore
verifies the file, then uploads each snapshot with priority=snapshot, which replaces the collection.
Every collection on the server is included: give the service its own Qdrant (or cluster).

Counts are read just before each snapshot, so take server backups when no batch is running: a
write landing between count and snapshot makes the restored count differ, which restore reports
as an error after the upload (hashes, unlike counts, are checked before anything is replaced).
Tested only against a real server (`pytest -m server` with QDRANT_URL); local mode has no snapshots.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx
import msgspec

from reimburse import __version__
from reimburse.adapters.backup_archive import describe_file, read_archive, write_archive
from reimburse.adapters.fsync import fsync_path
from reimburse.adapters.qdrant_server.collection import QdrantConnection
from reimburse.ports.store_backup import BackupManifest, BackupRefused, BackupReport, RestoreReport

SNAPSHOTS = "snapshots"


class QdrantServerSnapshotBackup:
    def __init__(self, connection: QdrantConnection, timeout: int = 600) -> None:
        # A snapshot of a large collection takes far longer than a store's request may.
        self._url = (connection.url or "").rstrip("/")
        self._connection = msgspec.structs.replace(connection, url=self._url, timeout=timeout)
        self._api_key = connection.api_key or ""
        self._timeout = timeout

    def _http(self) -> httpx.AsyncClient:
        headers = {"api-key": self._api_key} if self._api_key else {}
        return httpx.AsyncClient(base_url=self._url, headers=headers, timeout=self._timeout)

    async def backup(self, dest: Path) -> BackupReport:
        started = time.perf_counter()
        dest = Path(dest)
        if dest.is_dir():
            dest = dest / f"reimburse-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.tar"
        dest.parent.mkdir(parents=True, exist_ok=True)
        client = self._connection.client()
        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=dest.parent))
        partial = dest.parent / f".{dest.name}.partial"
        try:
            created_at = datetime.now(UTC)
            names = sorted(c.name for c in (await client.get_collections()).collections)
            counts: dict[str, int] = {}
            async with self._http() as http:
                for name in names:
                    counts[name] = (await client.count(name, exact=True)).count
                    snap = await client.create_snapshot(name, wait=True)
                    if snap is None:
                        raise BackupRefused(f"the server made no snapshot of {name}")
                    target = staging / SNAPSHOTS / f"{name}.snapshot"
                    target.parent.mkdir(parents=True, exist_ok=True)
                    async with http.stream("GET", f"/collections/{name}/snapshots/{snap.name}") as resp:
                        resp.raise_for_status()
                        with target.open("wb") as fh:
                            async for chunk in resp.aiter_bytes(1 << 20):
                                fh.write(chunk)
                    await client.delete_snapshot(name, snap.name, wait=True)
            trees = tuple(f"{SNAPSHOTS}/{n}.snapshot" for n in names)
            files = tuple(describe_file(staging / t, t) for t in trees)
            manifest = BackupManifest(
                app_version=__version__,
                created_at=created_at,
                store="qdrant_server",
                collections=counts,
                trees=trees,
                files=files,
            )
            await asyncio.to_thread(write_archive, partial, staging, manifest)
            partial.replace(dest)
            fsync_path(dest.parent)
        finally:
            await client.close()
            shutil.rmtree(staging, ignore_errors=True)
            partial.unlink(missing_ok=True)
        return BackupReport(
            path=str(dest),
            manifest=manifest,
            size_bytes=dest.stat().st_size,
            seconds=time.perf_counter() - started,
            writes_paused_seconds=0.0,
        )

    async def verify(self, src: Path) -> BackupManifest:
        return await asyncio.to_thread(read_archive, Path(src), None)

    async def restore(self, src: Path, *, force: bool) -> RestoreReport:
        started = time.perf_counter()
        manifest = await self.verify(src)
        if manifest.store != "qdrant_server":
            raise BackupRefused(
                f"{src} is a {manifest.store} backup; restore it with QDRANT_URL unset, "
                "then `reimburse migrate --to` the server"
            )
        client = self._connection.client()
        try:
            existing = [
                n
                for n in manifest.collections
                if await client.collection_exists(n) and (await client.count(n, exact=True)).count
            ]
            if existing and not force:
                raise BackupRefused(
                    f"collections {', '.join(existing)} on {self._url} hold data; pass --force to replace them"
                )
            with tempfile.TemporaryDirectory(prefix="reimburse-restore-") as tmp:
                await asyncio.to_thread(read_archive, Path(src), Path(tmp))
                async with self._http() as http:
                    for name in manifest.collections:
                        path = Path(tmp) / SNAPSHOTS / f"{name}.snapshot"
                        with path.open("rb") as fh:
                            resp = await http.post(
                                f"/collections/{name}/snapshots/upload",
                                params={"priority": "snapshot", "wait": "true"},
                                files={"snapshot": (path.name, fh, "application/octet-stream")},
                            )
                        resp.raise_for_status()
            for name, expected in manifest.collections.items():
                actual = (await client.count(name, exact=True)).count
                if actual != expected:
                    raise BackupRefused(f"restored {name} has {actual} points, the manifest says {expected}")
        finally:
            await client.close()
        return RestoreReport(
            manifest=manifest, seconds=time.perf_counter() - started, replaced_existing=bool(existing)
        )

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Protocol

import msgspec

from reimburse.domain.errors import DomainError

BACKUP_FORMAT = "reimburse-backup"
BACKUP_FORMAT_VERSION = 1


class BackupFile(msgspec.Struct, frozen=True):
    path: str  # relative to DATA_DIR, '/'-separated
    size: int  # the file's length
    stored: int  # bytes kept in the backup: a trailing hole (preallocated, never written) is not stored
    sha256: str  # of the stored bytes


class BackupManifest(msgspec.Struct, frozen=True, kw_only=True):
    """What a backup holds. `collections` maps each collection to its point count; `trees` are the
    DATA_DIR subtrees it replaces on restore (a collection's directory, `documents`, ...)."""

    format: str = BACKUP_FORMAT
    format_version: int = BACKUP_FORMAT_VERSION
    app_version: str
    created_at: datetime
    store: str  # "qdrant_edge" | "qdrant_server"
    collections: dict[str, int]
    trees: tuple[str, ...]
    files: tuple[BackupFile, ...]


class BackupReport(msgspec.Struct, frozen=True, kw_only=True):
    path: str
    manifest: BackupManifest
    size_bytes: int
    seconds: float
    writes_paused_seconds: float  # how long writers waited (embedded: the copy under the gate)


class RestoreReport(msgspec.Struct, frozen=True, kw_only=True):
    manifest: BackupManifest
    seconds: float
    replaced_existing: bool


class BackupRefused(DomainError):
    """A backup or restore was refused: damaged or partial file, non-empty target, running server."""

    code = "BackupRefused"


class StoreBackup(Protocol):
    """Backups of everything the service keeps: a single file with a manifest of hashes and counts."""

    async def backup(self, dest: Path) -> BackupReport:
        """Writes the backup to `dest` (a file, or a directory to create a dated file in)."""
        ...

    async def verify(self, src: Path) -> BackupManifest:
        """Checks every file's size and SHA-256 against the manifest; raises BackupRefused."""
        ...

    async def restore(self, src: Path, *, force: bool) -> RestoreReport:
        """Verifies `src`, then replaces the store with it; nothing changes when it is refused."""
        ...

from __future__ import annotations

from typing import Protocol

import msgspec

from reimburse.domain.errors import DomainError


class CollectionMigrated(msgspec.Struct, frozen=True, kw_only=True):
    name: str
    source_points: int
    target_points: int
    copied_this_run: int
    resumed: bool  # this run continued where an interrupted one stopped


class MigrationReport(msgspec.Struct, frozen=True, kw_only=True):
    target: str
    collections: tuple[CollectionMigrated, ...]
    sampled: int  # records compared one by one, source against target
    seconds: float


class MigrationFailed(DomainError):
    """Counts or sampled records differ between the source and the target after copying."""

    code = "MigrationFailed"


class StoreMigration(Protocol):
    """Copies every collection of one store into another, in batches; safe to run again."""

    async def migrate(self, *, batch_size: int, sample: int) -> MigrationReport: ...

    async def close(self) -> None: ...

"""StoreBackup for the embedded store: a consistent copy of DATA_DIR in one tar file.

Qdrant Edge can *load* a server's shard snapshot (unpack_snapshot, update_from_snapshot) but has
no call that *makes* one, so a backup is a copy of the shard directories taken while the write
gate is held exclusive: every write that was acknowledged is on disk (its WAL fsynced; Qdrant replays
the WAL when the copy is opened), and none is half-applied, nor is a checkpoint flush.
Writers wait only for the copy (copy_file_range, no hashing); hashing, counting and archiving
happen afterwards on the private copy. The serving process keeps its shards open throughout.

The file format is backup_archive's: `manifest.json`, then every file under `data/<path>`.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import ctypes.util
import errno
import fcntl
import os
import shutil
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import qdrant_edge as qe

from reimburse import __version__
from reimburse.adapters.backup_archive import CHUNK, describe_file, read_archive, write_archive
from reimburse.adapters.fsync import fsync_path
from reimburse.adapters.qdrant_edge.write_gate import GATE_FILE, INTENT_FILE, WriteGate
from reimburse.ports.store_backup import (
    BackupManifest,
    BackupRefused,
    BackupReport,
    RestoreReport,
)

STORE_ROOT = "qdrant"  # one directory per collection below it
DOCUMENTS = "documents"  # the original documents (FilesystemDocumentStore)
TEMP_DIR = "tmp"  # documents/tmp: writes in flight, never data
STAGING_PREFIX = ".restore-"
# Entries of DATA_DIR that are not data: they never make a directory "non-empty".
CONTROL_ENTRIES = {GATE_FILE, INTENT_FILE, "lost+found"}


def _sparse_copy(src: str, dst: str) -> None:
    """Copies the data extents only and keeps the holes: a copy of a mostly-empty shard is small
    and fast, which is what keeps the writers' pause short."""
    fd_in = os.open(src, os.O_RDONLY)
    try:
        size = os.fstat(fd_in).st_size
        fd_out = os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            pos = 0
            while pos < size:
                try:
                    start = os.lseek(fd_in, pos, os.SEEK_DATA)
                    stop = os.lseek(fd_in, start, os.SEEK_HOLE)
                except OSError as exc:
                    if exc.errno == errno.ENXIO:
                        break  # only a hole is left
                    start, stop = pos, size  # no SEEK_DATA on this file system: copy the rest
                _copy_range(fd_in, fd_out, start, stop)
                pos = stop
            os.ftruncate(fd_out, size)
        finally:
            os.close(fd_out)
    finally:
        os.close(fd_in)
    shutil.copystat(src, dst)


def _copy_documents(src: Path, dst: Path) -> None:
    """The originals are written outside the gate (temp file, then rename; an invoice only after
    its original), so a write or an erasure may be under way: temp files are skipped, and a file
    that disappears between listing and copying is simply not in the backup."""

    def copy_if_present(a: str, b: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            _sparse_copy(a, b)

    shutil.copytree(src, dst, copy_function=copy_if_present, ignore=_skip_temp(src))


def _skip_temp(root: Path) -> Callable[[str, list[str]], set[str]]:
    def ignore(directory: str, names: list[str]) -> set[str]:
        return {TEMP_DIR} & set(names) if Path(directory) == root else set()

    return ignore


def _copy_range(fd_in: int, fd_out: int, start: int, stop: int) -> None:
    while start < stop:
        try:
            n = os.copy_file_range(fd_in, fd_out, stop - start, start, start)
        except OSError:
            block = os.pread(fd_in, min(CHUNK, stop - start), start)
            n = os.pwrite(fd_out, block, start)
        if n <= 0:
            raise OSError(f"short copy at offset {start}")
        start += n


def _count_points(shard_dir: Path) -> int:
    shard = qe.EdgeShard.load(str(shard_dir))
    try:
        return int(shard.count(qe.CountRequest(exact=True)))
    finally:
        shard.close()


def data_trees(data_dir: Path) -> list[str]:
    """What a backup holds: every collection directory under qdrant/, and documents/ when present.
    A collection or tree added later is picked up without changing this code."""
    trees: list[str] = []
    store = data_dir / STORE_ROOT
    if store.is_dir():
        trees += [f"{STORE_ROOT}/{p.name}" for p in sorted(store.iterdir()) if p.is_dir()]
    if (data_dir / DOCUMENTS).is_dir():
        trees.append(DOCUMENTS)
    return trees


def _is_collection(tree: str) -> bool:
    return tree.startswith(f"{STORE_ROOT}/")


def _files_under(root: Path, trees: list[str]) -> Iterator[Path]:
    for tree in trees:
        base = root / tree
        for path in sorted(base.rglob("*")):
            if path.is_file() and not path.is_symlink():
                yield path


class EdgeStoreBackup:
    """StoreBackup over DATA_DIR; works whether or not `reimburse serve` is running on it."""

    def __init__(self, data_dir: str | Path) -> None:
        self.data_dir = Path(data_dir)

    # ----------------------------------------------------------------------------------- backup

    async def backup(self, dest: Path) -> BackupReport:
        return await asyncio.to_thread(self._backup, Path(dest))

    def _backup(self, dest: Path) -> BackupReport:
        started = time.perf_counter()
        if dest.is_dir():
            dest = dest / f"reimburse-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.tar"
        dest.parent.mkdir(parents=True, exist_ok=True)
        staging = dest.parent / f".{dest.name}.staging-{os.getpid()}"
        partial = dest.parent / f".{dest.name}.partial-{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        try:
            created_at = datetime.now(UTC)
            with WriteGate(self.data_dir).exclusive():
                paused_from = time.perf_counter()
                trees = data_trees(self.data_dir)
                for tree in trees:
                    if _is_collection(tree):
                        shutil.copytree(self.data_dir / tree, staging / tree, copy_function=_sparse_copy)
                    else:
                        _copy_documents(self.data_dir / tree, staging / tree)
                paused = time.perf_counter() - paused_from
            collections = {
                tree.split("/", 1)[1]: _count_points(staging / tree) for tree in trees if _is_collection(tree)
            }
            files = tuple(
                describe_file(p, p.relative_to(staging).as_posix()) for p in _files_under(staging, trees)
            )
            manifest = BackupManifest(
                app_version=__version__,
                created_at=created_at,
                store="qdrant_edge",
                collections=collections,
                trees=tuple(trees),
                files=files,
            )
            write_archive(partial, staging, manifest)
            partial.replace(dest)
            fsync_path(dest.parent)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
            partial.unlink(missing_ok=True)
        return BackupReport(
            path=str(dest),
            manifest=manifest,
            size_bytes=dest.stat().st_size,
            seconds=time.perf_counter() - started,
            writes_paused_seconds=paused,
        )

    # ----------------------------------------------------------------------------------- verify

    async def verify(self, src: Path) -> BackupManifest:
        return await asyncio.to_thread(read_archive, Path(src), None)

    # ---------------------------------------------------------------------------------- restore

    async def restore(self, src: Path, *, force: bool) -> RestoreReport:
        return await asyncio.to_thread(self._restore, Path(src), force)

    def _restore(self, src: Path, force: bool) -> RestoreReport:
        started = time.perf_counter()
        manifest = read_archive(src, None)  # first pass: nothing is written before the file checks out
        self._refuse_if_in_use()
        existing = self._data_entries()
        if existing and not force:
            shown = ", ".join(sorted(existing)[:5])
            raise BackupRefused(
                f"DATA_DIR {self.data_dir} is not empty ({shown}); restore into an empty directory, "
                "or pass --force to replace what is there"
            )
        self.data_dir.mkdir(parents=True, exist_ok=True)
        staging = self.data_dir / f"{STAGING_PREFIX}{os.getpid()}-{time.time_ns()}"
        try:
            with WriteGate(self.data_dir).exclusive():
                staged = read_archive(src, staging)  # second pass writes, hashing again as it goes
                if staged != manifest:
                    raise BackupRefused(f"backup {src} changed while it was being restored")
                _check_counts(staging, manifest)
                _swap_in(self.data_dir, staging, manifest, existing)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return RestoreReport(
            manifest=manifest, seconds=time.perf_counter() - started, replaced_existing=bool(existing)
        )

    def _data_entries(self) -> set[str]:
        """Top-level entries holding data (an empty qdrant/ or one with only lock files holds none)."""
        if not self.data_dir.is_dir():
            return set()
        found: set[str] = set()
        for entry in self.data_dir.iterdir():
            if entry.name in CONTROL_ENTRIES or entry.name.startswith(STAGING_PREFIX):
                continue
            empty_store = entry.name == STORE_ROOT and entry.is_dir()
            if empty_store and not any(p.is_dir() for p in entry.iterdir()):
                continue
            found.add(entry.name)
        return found

    def _refuse_if_in_use(self) -> None:
        store = self.data_dir / STORE_ROOT
        for lock in sorted(store.glob("*.lock")) if store.is_dir() else []:
            fd = os.open(lock, os.O_RDWR)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.flock(fd, fcntl.LOCK_UN)
            except BlockingIOError:
                raise BackupRefused(
                    f"{lock.stem} is open in a running process (see {lock}); stop `reimburse serve` "
                    "before restoring"
                ) from None
            finally:
                os.close(fd)


def _check_counts(staging: Path, manifest: BackupManifest) -> None:
    """Opens every restored collection and counts its points against the manifest."""
    for tree in manifest.trees:
        if not _is_collection(tree):
            (staging / tree).mkdir(parents=True, exist_ok=True)  # an empty tree has no files
            continue
        name = tree.split("/", 1)[1]
        try:
            points = _count_points(staging / tree)
        except Exception as exc:
            raise BackupRefused(f"restored collection {name} does not open: {exc}") from exc
        if points != manifest.collections.get(name):
            raise BackupRefused(
                f"restored collection {name} has {points} points, the manifest says "
                f"{manifest.collections.get(name)}"
            )


def _swap_in(data_dir: Path, staging: Path, manifest: BackupManifest, existing: set[str]) -> None:
    """Moves each top-level entry of the restored tree into DATA_DIR with one rename each.

    Today the whole store is one entry (qdrant/), so the store switches in a single atomic step;
    the previous entries end up in `staging`, which the caller deletes. An entry the backup does
    not have (say documents/ kept after the backup was taken) is moved out too: after a restore,
    DATA_DIR holds exactly the backup."""
    tops = sorted({tree.split("/", 1)[0] for tree in manifest.trees})
    old = staging / ".replaced"
    old.mkdir()
    for name in sorted(existing - set(tops)):
        (data_dir / name).rename(old / name)
    for name in tops:
        new, target = staging / name, data_dir / name
        if not new.exists():
            new.mkdir(parents=True)
        if target.exists():
            _exchange(new, target)  # target now holds the backup; `new` holds what was there
        else:
            new.rename(target)
    fsync_path(data_dir)


_libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> None:
    """renameat2(RENAME_EXCHANGE): both paths always exist; falls back to two renames elsewhere."""
    renameat2 = getattr(_libc, "renameat2", None)
    if renameat2 is not None:
        rc = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
        if rc == 0:
            return
        err = ctypes.get_errno()
        if err not in (errno.ENOSYS, errno.EINVAL):
            raise OSError(err, os.strerror(err), str(b))
    aside = a.with_name(a.name + ".old")
    b.rename(aside)
    a.rename(b)
    aside.rename(a)

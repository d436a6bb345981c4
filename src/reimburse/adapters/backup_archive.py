"""The backup file format, shared by the embedded and server backups.

One uncompressed tar: `manifest.json` first (version, time, counts per collection, size and
SHA-256 of every file), then each file under `data/<path>`. Reading checks every byte against the
manifest, so a damaged, truncated or tampered file is refused before anything is written.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import os
import tarfile
import time
from pathlib import Path, PurePosixPath
from typing import IO

import msgspec

from reimburse.ports.store_backup import (
    BACKUP_FORMAT,
    BACKUP_FORMAT_VERSION,
    BackupFile,
    BackupManifest,
    BackupRefused,
)

MANIFEST_NAME = "manifest.json"
DATA_PREFIX = "data/"
CHUNK = 1 << 20


def _data_end(fd: int, size: int) -> int:
    """Where the file's last written extent ends: the rest is a hole that reads as zeros.
    Qdrant preallocates its mmap files (32 MiB pages, WAL segments) and most of each stays a hole."""
    end = 0
    pos = 0
    while pos < size:
        try:
            start = os.lseek(fd, pos, os.SEEK_DATA)
        except OSError as exc:
            if exc.errno == errno.ENXIO:
                return end  # no data after pos
            return size  # SEEK_DATA unsupported here: keep the whole file
        pos = os.lseek(fd, start, os.SEEK_HOLE)
        end = pos
    return min(end, size)


def describe_file(path: Path, rel: str) -> BackupFile:
    """Size, stored length (up to the trailing hole) and SHA-256 of the stored bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        stored = _data_end(fh.fileno(), size)
        fh.seek(0)  # lseek above moved the descriptor's offset
        left = stored
        while left > 0 and (block := fh.read(min(CHUNK, left))):
            digest.update(block)
            left -= len(block)
    return BackupFile(rel, size, stored, digest.hexdigest())


def write_archive(path: Path, root: Path, manifest: BackupManifest) -> None:
    with path.open("wb") as raw:
        with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
            body = msgspec.json.format(msgspec.json.encode(manifest), indent=2)
            info = tarfile.TarInfo(MANIFEST_NAME)
            info.size = len(body)
            info.mtime = int(time.time())
            tar.addfile(info, io.BytesIO(body))
            for entry in manifest.files:
                member = tarfile.TarInfo(DATA_PREFIX + entry.path)
                member.size = entry.stored
                member.mtime = int(time.time())
                with (root / entry.path).open("rb") as fh:
                    tar.addfile(member, fh)  # reads exactly `stored` bytes
        raw.flush()
        os.fsync(raw.fileno())


def read_archive(src: Path, extract_to: Path | None) -> BackupManifest:
    """Checks the whole file against its manifest; writes the files under `extract_to` if given."""
    if not src.is_file():
        raise BackupRefused(f"backup {src} does not exist or is not a file")
    try:
        with tarfile.open(src, mode="r:*") as tar:
            return check_members(tar, extract_to)
    except BackupRefused:
        raise
    except (tarfile.TarError, OSError, EOFError, ValueError, msgspec.MsgspecError) as exc:
        raise BackupRefused(f"backup {src} is damaged or partial: {exc}") from exc


def _safe_relative(name: str) -> str:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise BackupRefused(f"backup holds an unsafe path: {name!r}")
    return path.as_posix()


def check_members(tar: tarfile.TarFile, extract_to: Path | None) -> BackupManifest:
    first = tar.next()
    if first is None or first.name != MANIFEST_NAME or not first.isfile():
        raise BackupRefused("not a reimburse backup: it does not start with manifest.json")
    fh = tar.extractfile(first)
    assert fh is not None
    manifest = msgspec.json.decode(fh.read(), type=BackupManifest)
    if manifest.format != BACKUP_FORMAT or manifest.format_version != BACKUP_FORMAT_VERSION:
        raise BackupRefused(f"unsupported backup format {manifest.format} v{manifest.format_version}")
    expected = {f.path: f for f in manifest.files}
    if len(expected) != len(manifest.files):
        raise BackupRefused("backup is damaged: its manifest lists a file twice")
    seen: set[str] = set()
    for member in tar:
        if member is first:
            continue
        if not member.name.startswith(DATA_PREFIX) or not member.isfile():
            raise BackupRefused(f"backup is damaged: it holds an unexpected entry {member.name!r}")
        rel = _safe_relative(member.name[len(DATA_PREFIX) :])
        entry = expected.get(rel)
        if entry is None or rel in seen:
            raise BackupRefused(f"backup is damaged: {rel} is not in its manifest, or is there twice")
        seen.add(rel)
        source = tar.extractfile(member)
        assert source is not None
        target = None if extract_to is None else extract_to / rel
        stored, digest = _copy_hashing(source, target, entry.size)
        if stored != entry.stored or digest != entry.sha256 or entry.stored > entry.size:
            raise BackupRefused(f"backup is damaged: {rel} does not match its SHA-256 in the manifest")
    missing = sorted(set(expected) - seen)
    if missing:
        raise BackupRefused(f"backup is partial: {len(missing)} file(s) missing, e.g. {missing[0]}")
    for tree in manifest.trees:
        _safe_relative(tree)
    return manifest


def _copy_hashing(source: IO[bytes], target: Path | None, size_on_disk: int) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    with contextlib.ExitStack() as stack:
        out = None
        if target is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
            out = stack.enter_context(target.open("wb"))
        while block := source.read(CHUNK):
            digest.update(block)
            size += len(block)
            if out is not None:
                out.write(block)
        if out is not None:
            out.flush()
            os.ftruncate(out.fileno(), max(size_on_disk, size))  # the trailing hole comes back as a hole
            os.fsync(out.fileno())
    return size, digest.hexdigest()

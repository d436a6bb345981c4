"""Safe reading of an uploaded ZIP of invoices.

Nothing is ever extracted to disk by entry name (no zip slip). Entry names only become display
names, unique within the batch; an entry whose path is absolute or climbs out with `..` (or is a
symlink) is still refused, since only a crafted archive holds one. Limits on entry count,
per-entry size, total uncompressed size and compression ratio are enforced both on the declared
sizes and while reading, since declared sizes can lie.
"""

from __future__ import annotations

import posixpath
import re
import stat
import unicodedata
import zipfile
from pathlib import Path
from typing import IO

import msgspec

from reimburse.domain.errors import ArchiveError, UnsupportedFile

NESTED_ARCHIVES = (".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".jar")
READ_CHUNK = 1 << 16
_DRIVE = re.compile(r"^[A-Za-z]:")


class ArchiveLimits(msgspec.Struct, frozen=True):
    max_entries: int = 1000
    max_entry_size: int = 20 * 1024 * 1024
    max_total_size: int = 2 * 1024 * 1024 * 1024
    max_ratio: int = 200
    allowed_extensions: tuple[str, ...] = (".pdf",)


class ArchiveEntry(msgspec.Struct, frozen=True):
    index: int
    filename: str
    declared_size: int
    compressed_size: int
    problem: str | None = None  # a per-file error decided from the directory alone


def display_name(raw: str) -> str:
    """A safe, readable name: no directories above the root, no control characters."""
    text = unicodedata.normalize("NFC", raw.replace("\\", "/"))
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    parts = [p for p in text.split("/") if p not in ("", ".", "..")]
    name = "/".join(parts)[-255:]
    return name or "unnamed"


def _unique(name: str, taken: set[str]) -> str:
    """`name`, or `name (2).pdf`, `name (3).pdf`... when an earlier entry already shows as `name`."""
    stem, ext = posixpath.splitext(name)
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem} ({n}){ext}"
    taken.add(candidate)
    return candidate


def _escapes(raw: str) -> bool:
    """Absolute (/x, C:x, \\\\host) or climbing out with '..': what a zip-slip entry looks like."""
    name = raw.replace("\\", "/")
    return name.startswith("/") or bool(_DRIVE.match(name)) or ".." in name.split("/")


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return info.create_system == 3 and stat.S_ISLNK(info.external_attr >> 16)


def _skipped(info: zipfile.ZipInfo) -> bool:
    name = info.filename.replace("\\", "/")
    base = posixpath.basename(name.rstrip("/"))
    return info.is_dir() or name.startswith("__MACOSX/") or "/__MACOSX/" in name or base.startswith(".")


class SafeArchive:
    def __init__(self, source: Path | IO[bytes], limits: ArchiveLimits) -> None:
        self._limits = limits
        try:
            self._zip = zipfile.ZipFile(source)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise ArchiveError("invoices_zip is not a readable ZIP archive") from exc
        self._infos = self._zip.infolist()
        self.entries = self._list_entries()

    def _list_entries(self) -> list[ArchiveEntry]:
        limits = self._limits
        kept = [(i, info) for i, info in enumerate(self._infos) if not _skipped(info)]
        if not kept:
            raise ArchiveError("the ZIP contains no invoice files")
        if len(kept) > limits.max_entries:
            raise ArchiveError(f"the ZIP holds {len(kept)} files; the limit is {limits.max_entries}")
        declared_total = sum(info.file_size for _, info in kept)
        if declared_total > limits.max_total_size:
            raise ArchiveError(
                f"the ZIP declares {declared_total} bytes uncompressed; the limit is {limits.max_total_size}"
            )
        taken: set[str] = set()
        return [
            ArchiveEntry(
                i,
                _unique(display_name(info.filename), taken),
                info.file_size,
                info.compress_size,
                self._problem(info),
            )
            for i, info in kept
        ]

    def _problem(self, info: zipfile.ZipInfo) -> str | None:
        if _escapes(info.filename):
            return "the entry's path is absolute or leads out of the ZIP with '..'; it was not read"
        if _is_symlink(info):
            return "the entry is a symbolic link; links are not followed"
        name = info.filename.lower()
        if name.endswith(NESTED_ARCHIVES):
            return "nested archives are not supported; put the PDFs directly in the ZIP"
        if not name.endswith(tuple(e.lower() for e in self._limits.allowed_extensions)):
            allowed = ", ".join(self._limits.allowed_extensions)
            return f"only {allowed} files are analysed"
        if info.flag_bits & 0x1:
            return "the ZIP entry is password-protected"
        if info.file_size > self._limits.max_entry_size:
            return f"the file is {info.file_size} bytes; the limit is {self._limits.max_entry_size}"
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1024 * 1024 and ratio > self._limits.max_ratio:
            return f"suspicious compression ratio ({ratio:.0f}:1); the file was not unpacked"
        return None

    def read(self, entry: ArchiveEntry) -> bytes:
        """The entry's bytes, reading at most the size limit whatever the directory declares."""
        if entry.problem:
            raise UnsupportedFile(entry.problem)
        info = self._infos[entry.index]
        limit = self._limits.max_entry_size
        chunks: list[bytes] = []
        size = 0
        try:
            with self._zip.open(info) as handle:
                while chunk := handle.read(READ_CHUNK):
                    size += len(chunk)
                    if size > limit:
                        raise UnsupportedFile(f"the file unpacks to more than {limit} bytes")
                    if size > 1024 * 1024 and size > self._limits.max_ratio * max(info.compress_size, 1):
                        raise UnsupportedFile("suspicious compression ratio; the file was not unpacked")
                    chunks.append(chunk)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError, RuntimeError) as exc:
            raise UnsupportedFile(f"the ZIP entry could not be unpacked ({exc.__class__.__name__})") from exc
        return b"".join(chunks)

    def close(self) -> None:
        self._zip.close()

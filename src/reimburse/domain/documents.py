"""Keys and media types of original documents (pure: the bytes and the file name decide)."""

from __future__ import annotations

import hashlib
import re

_SHA256 = re.compile(r"[0-9a-f]{64}")

_BY_EXTENSION = {
    ".pdf": "application/pdf",
    ".xml": "application/xml",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
    ".heic": "image/heic",
    ".heif": "image/heif",
}


def document_key(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def require_key(sha256: str) -> str:
    """The key itself, or ValueError: a key becomes a path or an object name, so nothing else passes."""
    if not _SHA256.fullmatch(sha256):
        raise ValueError("a document key is 64 lowercase hex digits")
    return sha256


def media_type(data: bytes, filename: str) -> str:
    """The file's own type from its first bytes (what it is), else from its extension (what it claims)."""
    head = data[:64]
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"heif"):
        return "image/heic" if head[8:12] in (b"heic", b"heix") else "image/heif"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<"):
        return "application/xml"
    dot = filename.rfind(".")
    return (
        _BY_EXTENSION.get(filename[dot:].lower(), "application/octet-stream")
        if dot >= 0
        else ("application/octet-stream")
    )

"""A cap on how many bytes pdfminer may decompress while reading one document.

pdfminer decodes every stream in full (zlib.decompress, LZW, RunLength) and keeps the result, with
no limit of its own: a 70 KB PDF can hold a content stream that inflates to gigabytes (a "flate
bomb"), and the file-size limits never see it. So pdfminer's three expanding decoders are replaced,
in pdfminer's namespace only, by versions that charge every output byte to the budget of the
document being read and stop as soon as it runs out. Outside `limited()` they behave as before.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from io import BytesIO
from typing import Any

import pdfminer.pdftypes
from pdfminer.lzw import LZWDecoder


class DecodeBudgetExceeded(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(f"streams decompress to more than {limit} bytes")
        self.limit = limit


class _Budget:
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.left = limit

    def charge(self, size: int) -> None:
        self.left -= size
        if self.left < 0:
            raise DecodeBudgetExceeded(self.limit)


_current: ContextVar[_Budget | None] = ContextVar("pdf_decode_budget", default=None)


@contextmanager
def limited(max_bytes: int) -> Iterator[None]:
    """Everything pdfminer decodes inside this block counts against `max_bytes`."""
    token = _current.set(_Budget(max_bytes))
    try:
        yield
    finally:
        _current.reset(token)


def _charge(size: int) -> None:
    budget = _current.get()
    if budget is not None:
        budget.charge(size)


class _BoundedDecompressor:
    """zlib's decompressor, asked for at most one byte more than the budget has left."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        budget = _current.get()
        if budget is None:
            return bytes(self._inner.decompress(data, max_length))
        room = max(budget.left, 0) + 1
        out = bytes(self._inner.decompress(data, room if max_length <= 0 else min(max_length, room)))
        budget.charge(len(out))
        return out

    def flush(self, *args: int) -> bytes:
        out = bytes(self._inner.flush(*args))
        _charge(len(out))
        return out

    def __getattr__(self, name: str) -> Any:  # eof, unused_data, unconsumed_tail
        return getattr(self._inner, name)


class _BoundedZlib:
    """Stands in for the zlib module inside pdfminer.pdftypes."""

    error = zlib.error
    MAX_WBITS = zlib.MAX_WBITS

    @staticmethod
    def decompressobj(*args: Any, **kwargs: Any) -> _BoundedDecompressor:
        return _BoundedDecompressor(zlib.decompressobj(*args, **kwargs))

    @staticmethod
    def decompress(data: bytes, wbits: int = zlib.MAX_WBITS, bufsize: int = zlib.DEF_BUF_SIZE) -> bytes:
        if _current.get() is None:
            return zlib.decompress(data, wbits, bufsize)
        inflater = _BoundedDecompressor(zlib.decompressobj(wbits))
        out = inflater.decompress(data)
        if not inflater.eof:  # what zlib.decompress says, so pdfminer's fallback still applies
            raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)


def _lzwdecode(data: bytes) -> bytes:
    out = bytearray()
    for piece in LZWDecoder(BytesIO(data)).run():
        _charge(len(piece))
        out += piece
    return bytes(out)


def _rldecode(data: bytes) -> bytes:
    """RunLengthDecode (PDF 1.7, 7.4.5): a length byte, then a literal run or one repeated byte."""
    out = bytearray()
    i, end = 0, len(data)
    while i < end:
        length = data[i]
        i += 1
        if length == 128:
            break
        if length < 128:
            run = data[i : i + length + 1]
            if len(run) < length + 1:
                raise ValueError("RunLengthDecode data ends inside a literal run")
            i += length + 1
        else:
            if i >= end:
                raise ValueError("RunLengthDecode data ends inside a repeated run")
            run = data[i : i + 1] * (257 - length)
            i += 1
        _charge(len(run))
        out += run
    return bytes(out)


def install() -> None:
    """Idempotent; affects pdfminer's stream decoding only."""
    module: Any = pdfminer.pdftypes
    if not isinstance(module.zlib, _BoundedZlib):
        module.zlib = _BoundedZlib()
    module.lzwdecode = _lzwdecode
    module.rldecode = _rldecode

"""A document's text as read from a file: what the extractors work from."""

from __future__ import annotations

import msgspec


class Document(msgspec.Struct, frozen=True):
    filename: str
    sha256: str
    text: str
    pages: tuple[str, ...] = ()

    @property
    def page_count(self) -> int:
        return len(self.pages)

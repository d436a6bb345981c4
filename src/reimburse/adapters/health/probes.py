"""Probes for the vector store, the PDF parser, disk space under DATA_DIR and the LLM service."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Callable
from pathlib import Path

from reimburse.domain.errors import DomainError
from reimburse.ports.document_reader import DocumentReader
from reimburse.ports.health_probe import ProbeResult
from reimburse.ports.invoice_store import InvoiceStore

# A one-page PDF whose text layer says "health check 2024". Parsed in-process: a real end-to-end read.
_TINY_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]/Contents 4 0 R"
    b"/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
    b"4 0 obj<</Length 47>>stream\nBT /F1 12 Tf 20 50 Td (health check 2024) Tj ET\nendstream endobj\n"
    b"5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


class VectorStoreProbe:
    name = "vector_store"

    def __init__(self, store: InvoiceStore, description: str) -> None:
        self._store = store
        self._description = description

    async def check(self) -> ProbeResult:
        try:
            await self._store.ping()
        except DomainError as exc:
            return ProbeResult("unhealthy", str(exc))
        return ProbeResult("healthy", self._description)


class PdfParserProbe:
    name = "pdf_parser"

    def __init__(self, reader: DocumentReader) -> None:
        self._reader = reader

    async def check(self) -> ProbeResult:
        try:
            document = await asyncio.to_thread(self._reader.read, _TINY_PDF, "health.pdf")
        except DomainError as exc:
            return ProbeResult("unhealthy", f"could not read a known-good PDF: {exc}")
        if "health" not in document.text:
            return ProbeResult("degraded", "a known-good PDF read back without its text")
        return ProbeResult("healthy", "pdfplumber")


class OcrProbe:
    """Which OCR engine reads photos and scans, and whether its models are on disk (no OCR run:
    a health check must stay cheap)."""

    name = "ocr"

    def __init__(self, describe: Callable[[], tuple[bool, str]]) -> None:
        self._describe = describe

    async def check(self) -> ProbeResult:
        ready, detail = await asyncio.to_thread(self._describe)
        return ProbeResult("healthy" if ready else "degraded", detail)


class DiskSpaceProbe:
    name = "disk"

    def __init__(self, path: str, min_free: int = 100 * 2**20, warn_free: int = 1024 * 2**20) -> None:
        self._path = Path(path)
        self._min_free = min_free
        self._warn_free = warn_free

    async def check(self) -> ProbeResult:
        target = self._path if self._path.exists() else self._path.parent
        free = shutil.disk_usage(target).free
        detail = f"{free / 2**30:.1f} GiB free under {self._path}"
        if free < self._min_free:
            return ProbeResult("unhealthy", detail)
        if free < self._warn_free:
            return ProbeResult("degraded", detail)
        return ProbeResult("healthy", detail)


class LlmProbe:
    """ "offline" when no LLM is configured; otherwise what the client's circuit breaker reports."""

    name = "llm_service"

    def __init__(self, state: Callable[[], tuple[str, str]] | None = None) -> None:
        self._state = state

    async def check(self) -> ProbeResult:
        if self._state is None:
            return ProbeResult("healthy", "offline (heuristic engine, no API key configured)")
        status, detail = self._state()
        return ProbeResult(status, detail)

from __future__ import annotations

from typing import Protocol

import msgspec


class ProbeResult(msgspec.Struct, frozen=True):
    status: str  # "healthy" | "degraded" | "unhealthy"
    detail: str


class HealthProbe(Protocol):
    """One dependency's health, e.g. the vector store or the LLM service."""

    name: str

    async def check(self) -> ProbeResult: ...

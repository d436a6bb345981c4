"""GET /health (each dependency, timed) and GET /health/quick (liveness, no I/O)."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import msgspec
from litestar import Controller, Response, get
from litestar.di import NamedDependency
from litestar.openapi import ResponseSpec

from reimburse import __version__
from reimburse.application.check_health import CheckHealth, ServiceHealth

STARTED = time.monotonic()


class QuickHealth(msgspec.Struct, frozen=True):
    status: str
    timestamp: datetime
    uptime: float


class FullHealth(msgspec.Struct, frozen=True):
    status: str
    version: str
    timestamp: datetime
    uptime_seconds: float
    services: tuple[ServiceHealth, ...]


def _uptime() -> float:
    return round(time.monotonic() - STARTED, 3)


class HealthController(Controller):
    path = "/health"
    tags = ["health"]

    @get("/quick", summary="Liveness: answers without touching any dependency")
    async def quick(self) -> QuickHealth:
        return QuickHealth("ok", datetime.now(UTC), _uptime())

    @get(
        "/",
        summary="Readiness: each dependency checked, with timings",
        # no auth, no rate limit: the only error is an unhealthy dependency, told in the same body
        responses={
            503: ResponseSpec(
                FullHealth,
                description="A dependency is unhealthy (same body as 200)",
                generate_examples=False,
            )
        },
    )
    async def full(self, check_health: NamedDependency[CheckHealth]) -> Response[FullHealth]:
        report = await check_health()
        body = FullHealth(report.status, __version__, datetime.now(UTC), _uptime(), report.services)
        return Response(body, status_code=503 if report.status == "unhealthy" else 200)

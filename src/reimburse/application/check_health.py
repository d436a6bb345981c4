"""Health: each dependency checked with a timing; the worst status wins."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence

import msgspec

from reimburse.ports.health_probe import HealthProbe, ProbeResult

_RANK = {"healthy": 0, "degraded": 1, "unhealthy": 2}


class ServiceHealth(msgspec.Struct, frozen=True):
    name: str
    status: str
    response_time_ms: float
    detail: str


class HealthReport(msgspec.Struct, frozen=True):
    status: str
    services: tuple[ServiceHealth, ...]


class CheckHealth:
    def __init__(self, probes: Sequence[HealthProbe], timeout: float = 2.0) -> None:
        self._probes = list(probes)
        self._timeout = timeout

    async def _run(self, probe: HealthProbe) -> ServiceHealth:
        started = time.perf_counter()
        try:
            result = await asyncio.wait_for(probe.check(), self._timeout)
        except TimeoutError:
            result = ProbeResult("unhealthy", f"no answer within {self._timeout:g} s")
        except Exception as exc:  # a probe must never take /health down with it
            result = ProbeResult("unhealthy", f"{exc.__class__.__name__}: {exc}")
        elapsed = round((time.perf_counter() - started) * 1000, 2)
        return ServiceHealth(probe.name, result.status, elapsed, result.detail)

    async def __call__(self) -> HealthReport:
        services = await asyncio.gather(*(self._run(p) for p in self._probes))
        worst = max((_RANK.get(s.status, 2) for s in services), default=0)
        status = next(k for k, v in _RANK.items() if v == worst)
        return HealthReport(status, tuple(services))

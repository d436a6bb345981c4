"""Helpers to drive the Gemini adapters through the real SDK against FakeGeminiServer."""

from __future__ import annotations

from typing import Any

import msgspec

from reimburse.adapters.gemini.client import GeminiGateway, build_client
from reimburse.adapters.gemini.resilience import Resilience, ResilienceConfig
from tests.fakes.fake_gemini_server import FakeGeminiServer

FAST = ResilienceConfig(base_delay=0.01, max_delay=0.05, timeout_seconds=5.0, budget_seconds=20.0)


def fast_config(**overrides: Any) -> ResilienceConfig:
    """Short waits so fault tests run in milliseconds; override what a test is about."""
    return msgspec.structs.replace(FAST, **overrides)


class RecordingSleep:
    """An injectable sleep that records the waits instead of (or as well as) waiting."""

    def __init__(self, clock: ManualClock | None = None) -> None:
        self.waits: list[float] = []
        self._clock = clock

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        if self._clock is not None:
            self._clock.advance(seconds)


class ManualClock:
    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def make_gateway(
    server: FakeGeminiServer,
    *,
    resilience: Resilience | None = None,
    model: str = "gemini-2.5-flash",
    **config: Any,
) -> GeminiGateway:
    settings = fast_config(**config)
    client = build_client("test-key", server.base_url, settings.timeout_seconds)
    return GeminiGateway(
        client,
        model=model,
        embedding_model="gemini-embedding-001",
        embedding_dimension=16,
        resilience=resilience or Resilience(settings),
    )

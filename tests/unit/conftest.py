"""Fixtures of the Gemini adapters' unit tests: the fake Gemini HTTP server on 127.0.0.1, and a
gateway to it through the real google-genai SDK."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from reimburse.adapters.gemini.client import GeminiGateway
from tests.fakes.fake_gemini_server import FakeGeminiServer
from tests.fakes.gemini_kit import make_gateway


@pytest.fixture
def server() -> Iterator[FakeGeminiServer]:
    with FakeGeminiServer() as fake:
        yield fake


@pytest.fixture
async def gateway(server: FakeGeminiServer, request: pytest.FixtureRequest) -> AsyncIterator[GeminiGateway]:
    # A module whose faults need another number of retries says so in GEMINI_MAX_RETRIES.
    gw = make_gateway(server, max_retries=getattr(request.module, "GEMINI_MAX_RETRIES", 1))
    yield gw
    await gw.aclose()

"""GeminiGateway from Settings, and the rule that the offline path never needs google-genai."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from google.genai import errors as genai_errors
from google.genai import types

from reimburse.adapters.gemini.client import GeminiGateway
from reimburse.config import load_settings
from tests.fakes.fake_gemini_server import FakeGeminiServer, Reply

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "reimburse"


async def test_settings_drive_the_client(tmp_path: Path) -> None:
    with FakeGeminiServer() as server:
        settings = load_settings(
            environ={
                "GOOGLE_API_KEY": "key-from-env",
                "GEMINI_BASE_URL": server.base_url,
                "GEMINI_MODEL": "gemini-test-model",
                "GEMINI_CONCURRENCY": "3",
                "GEMINI_TIMEOUT_SECONDS": "7",
            },
            env_file=tmp_path / "none.env",
        )
        gateway = GeminiGateway.from_settings(settings)
        server.script("pong")

        response = await gateway.client.aio.models.generate_content(model=gateway.model, contents="ping")

        assert response.text == "pong"
        (request,) = server.requests
        assert request.path == "/v1beta/models/gemini-test-model:generateContent"
        assert request.headers["x-goog-api-key"] == "key-from-env"
        assert request.headers["x-server-timeout"] == "12"  # ms backstop = (7 + 5) s
        assert gateway.resilience.config.concurrency == 3
        assert gateway.resilience.config.timeout_seconds == 7
        options = gateway.client._api_client._http_options
        assert isinstance(options, types.HttpOptions) and options.retry_options is not None
        assert options.retry_options.attempts == 1  # the SDK never retries on its own
        status, detail = gateway.health()
        assert status == "healthy" and "gemini-test-model" in detail
        await gateway.aclose()


async def test_sdk_does_not_retry_behind_our_back(tmp_path: Path) -> None:
    with FakeGeminiServer() as server:
        settings = load_settings(
            environ={"GOOGLE_API_KEY": "k", "GEMINI_BASE_URL": server.base_url},
            env_file=tmp_path / "none.env",
        )
        gateway = GeminiGateway.from_settings(settings)
        server.respond_with(lambda _: Reply.error(503))
        with pytest.raises(genai_errors.ServerError, match="503"):
            await gateway.client.aio.models.generate_content(model=gateway.model, contents="x")
        assert len(server.requests) == 1
        await gateway.aclose()


def _module_level_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in tree.body:  # top level only: imports inside factories are lazy by design
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_only_the_gemini_adapters_import_google_genai_eagerly() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[:2] == ("adapters", "gemini"):
            continue
        for name in _module_level_imports(path):
            if name.startswith(("google", "reimburse.adapters.gemini")):
                offenders.append(f"{rel}: {name}")
    assert not offenders, offenders

"""Each API handler declares its error responses next to it; a handler that forgets fails here."""

from __future__ import annotations

from typing import Any

from litestar.testing import TestClient

COMMON = {"400", "401", "403", "429", "503"}


def _operations(client: TestClient[Any]) -> list[tuple[str, str, dict[str, Any]]]:
    schema = client.get("/schema/openapi.json").json()
    return [
        (path, method, operation)
        for path, item in schema["paths"].items()
        if path.startswith("/api/v1/")
        for method, operation in item.items()
        if method in {"get", "post", "put", "delete", "patch"}
    ]


def test_every_api_operation_declares_its_errors_with_the_error_body(client: TestClient[Any]) -> None:
    missing = []
    for path, method, operation in _operations(client):
        if path.startswith("/api/v1/health"):
            continue  # no auth, no rate limit
        expected = set(COMMON)
        if "{" in path:
            expected.add("404")
        if method in {"post", "put", "patch"}:
            expected |= {"413", "415"}
        if path.startswith("/api/v1/analyze-invoices"):
            expected |= {"422", "507"}
        responses = operation["responses"]
        missing += [f"{method.upper()} {path}: {status}" for status in sorted(expected - responses.keys())]
        for status in expected & responses.keys():
            schema = responses[status]["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/ErrorBody"}, (path, status)
    assert not missing, missing


def test_readiness_documents_its_503_with_the_health_body(client: TestClient[Any]) -> None:
    health = next(op for path, method, op in _operations(client) if path == "/api/v1/health")
    assert health["responses"]["503"]["content"] == health["responses"]["200"]["content"]


def test_streams_and_forms_are_documented(client: TestClient[Any]) -> None:
    operations = {(path, method): op for path, method, op in _operations(client)}
    for path in ("/api/v1/analyze-invoices-stream", "/api/v1/chat/stream"):
        assert "text/event-stream" in operations[(path, "post")]["responses"]["200"]["content"]
    for path in ("/api/v1/analyze-invoices", "/api/v1/analyze-invoices-stream"):
        assert "multipart/form-data" in operations[(path, "post")]["requestBody"]["content"]

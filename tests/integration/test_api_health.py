from __future__ import annotations

from typing import Any

from litestar.testing import TestClient


def test_quick_health_is_liveness_only(client: TestClient[Any]) -> None:
    body = client.get("/api/v1/health/quick").json()
    assert body["status"] == "ok"
    assert body["uptime"] >= 0
    assert "timestamp" in body


def test_full_health_reports_each_dependency_with_timing(client: TestClient[Any]) -> None:
    response = client.get("/api/v1/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "healthy"
    assert {"status", "version", "timestamp", "uptime_seconds", "services"} <= body.keys()
    services = {s["name"]: s for s in body["services"]}
    assert set(services) == {"vector_store", "llm_service", "pdf_parser", "ocr", "disk"}
    assert services["ocr"]["status"] == "healthy" and "rapidocr" in services["ocr"]["detail"]
    assert services["llm_service"]["detail"].startswith("offline")
    assert all(s["response_time_ms"] >= 0 for s in services.values())


def test_unhealthy_store_gives_503(client: TestClient[Any], container: Any) -> None:
    from reimburse.domain.errors import StoreUnavailable

    store = container.invoice_store()

    async def broken_ping() -> None:
        raise StoreUnavailable("disk unplugged")

    store.ping = broken_ping
    response = client.get("/api/v1/health")
    assert response.status_code == 503
    assert response.json()["status"] == "unhealthy"

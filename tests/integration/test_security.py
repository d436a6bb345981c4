"""Auth, scoping, security headers, CORS, rate limits, metrics and log redaction over the real app."""

from __future__ import annotations

import asyncio
import base64
import json
import logging
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import jwt
import pytest
from litestar.testing import TestClient

from reimburse.adapters.jwt.token_service import JwtTokenService
from reimburse.domain.access import Role
from reimburse.http.app import create_app
from reimburse.http.client_address import behind_proxies, client_host
from tests.conftest import analysis_files, make_settings, offline_container

SECRET = "k" * 48
FORM = {"employee_name": "Rani Sharma", "submitted_on": "2024-12-31"}


def bearer(
    sub: str, role: Role, ttl: timedelta = timedelta(minutes=5), secret: str = SECRET
) -> dict[str, str]:
    return {"Authorization": f"Bearer {JwtTokenService(secret).mint(sub, role, ttl)}"}


# Minted when the module is collected, possibly long before a test uses them in a full run.
DAY = timedelta(hours=24)
RANI = bearer("Rani Sharma", Role.EMPLOYEE, ttl=DAY)
HARDIK = bearer("Hardik Patel", Role.EMPLOYEE, ttl=DAY)
REVIEWER = bearer("hr-1", Role.REVIEWER, ttl=DAY)


@pytest.fixture
def secure(tmp_path: Path) -> Iterator[TestClient[Any]]:
    settings = make_settings(
        tmp_path,
        auth_enabled=True,
        secret_key=SECRET,
        allowed_hosts=("https://hr.example",),
        rate_limit_per_minute=1000,
    )
    with TestClient(create_app(offline_container(settings))) as client:
        yield client


def _none_token() -> str:
    def b64(d: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(d).encode()).rstrip(b"=").decode()

    return f"{b64({'alg': 'none', 'typ': 'JWT'})}.{b64({'sub': 'x', 'role': 'admin', 'exp': 4102444800})}."


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Basic dXNlcjpwYXNz"},
        bearer("Rani Sharma", Role.ADMIN, secret="w" * 48),
        bearer("Rani Sharma", Role.ADMIN, ttl=timedelta(seconds=-5)),
        {"Authorization": f"Bearer {_none_token()}"},
        {"Authorization": "Bearer " + jwt.encode({"sub": "x", "role": "root", "exp": 4102444800}, SECRET)},
    ],
    ids=["missing", "basic", "bad-signature", "expired", "alg-none", "unknown-role"],
)
def test_bypass_attempts_are_401(secure: TestClient[Any], headers: dict[str, str]) -> None:
    for method, path in (
        ("GET", "/api/v1/invoices"),
        ("GET", "/api/v1/invoices/x"),
        ("GET", "/api/v1/policies/p"),
    ):
        response = secure.request(method, path, headers=headers)
        assert response.status_code == 401, (path, response.text)
        assert response.json()["error"] == "Unauthorized"
        assert response.headers["www-authenticate"].startswith("Bearer")


def test_health_needs_no_token(secure: TestClient[Any]) -> None:
    assert secure.get("/api/v1/health/quick").status_code == 200
    assert secure.get("/api/v1/health").status_code == 200
    assert secure.get("/metrics").status_code == 200


def test_employees_see_only_their_own_invoices(secure: TestClient[Any]) -> None:
    assert (
        secure.post(
            "/api/v1/analyze-invoices",
            data={"employee_name": "Rani Sharma"},
            files=analysis_files(),
            headers=RANI,
        ).status_code
        == 200
    )
    mine = secure.get("/api/v1/invoices", headers=RANI).json()
    assert mine["total"] == 3
    theirs = secure.get("/api/v1/invoices", headers=HARDIK).json()
    assert theirs["total"] == 0
    # asking for someone else by name does not widen the scope
    assert (
        secure.get("/api/v1/invoices", params={"employee_name": "Rani Sharma"}, headers=HARDIK).json()[
            "total"
        ]
        == 0
    )
    some_id = mine["items"][0]["invoice_id"]
    assert secure.get(f"/api/v1/invoices/{some_id}", headers=HARDIK).status_code == 404
    assert secure.get(f"/api/v1/invoices/{some_id}", headers=RANI).status_code == 200
    assert secure.get("/api/v1/invoices", headers=REVIEWER).json()["total"] == 3


def test_employee_cannot_analyse_for_someone_else(secure: TestClient[Any]) -> None:
    response = secure.post("/api/v1/analyze-invoices", data=FORM, files=analysis_files(), headers=HARDIK)
    assert response.status_code == 403
    assert response.json()["error"] == "Forbidden"
    stream = secure.post("/api/v1/analyze-invoices-stream", data=FORM, files=analysis_files(), headers=HARDIK)
    assert stream.status_code == 403
    assert secure.get("/api/v1/invoices", headers=REVIEWER).json()["total"] == 0


@pytest.mark.parametrize("path", ["/api/v1/health/quick", "/api/v1/nowhere", "/api/v1/invoices"])
def test_security_headers_on_every_response(secure: TestClient[Any], path: str) -> None:
    response = secure.get(path)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert "strict-transport-security" not in response.headers  # only in production


def test_cors_allows_only_configured_origins(secure: TestClient[Any]) -> None:
    preflight = {"Access-Control-Request-Method": "GET"}
    ok = secure.options("/api/v1/invoices", headers={"Origin": "https://hr.example", **preflight})
    assert ok.headers.get("access-control-allow-origin") == "https://hr.example"
    bad = secure.options("/api/v1/invoices", headers={"Origin": "https://evil.example", **preflight})
    assert bad.headers.get("access-control-allow-origin") != "https://evil.example"


def test_rate_limit_answers_429_with_retry_after(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, rate_limit_per_minute=3)
    with TestClient(create_app(offline_container(settings))) as client:
        codes = [client.get("/api/v1/invoices").status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        limited = client.get("/api/v1/invoices")
        assert int(limited.headers["retry-after"]) >= 1
        assert limited.json()["error"] == "RateLimitExceeded"
        assert all(client.get("/api/v1/health/quick").status_code == 200 for _ in range(5))


class ClientAddress:
    """The client address the app behind `behind_proxies` sees for a peer and its X-Forwarded-For."""

    def __init__(self, trusted_proxies: list[str]) -> None:
        self._trusted = trusted_proxies

    def of(self, scope: dict[str, Any]) -> str:
        seen: list[str] = []

        async def app(inner: Any, receive: Any, send: Any) -> None:
            seen.append(client_host(inner))

        asyncio.run(behind_proxies(app, self._trusted)({"type": "http", **scope}, None, None))
        return seen[0]


def test_forwarded_for_is_trusted_only_from_proxies() -> None:
    def scope(peer: str, xff: str) -> dict[str, Any]:
        return {"client": (peer, 1), "headers": [(b"x-forwarded-for", xff.encode())]}

    addresses = ClientAddress(["10.0.0.0/8"])
    assert addresses.of(scope("10.1.2.3", "203.0.113.9")) == "203.0.113.9"
    assert addresses.of(scope("10.1.2.3", "198.51.100.1, 203.0.113.9, 10.0.0.7")) == "203.0.113.9"
    assert addresses.of(scope("192.0.2.50", "203.0.113.9")) == "192.0.2.50"  # spoofing peer ignored
    assert ClientAddress([]).of(scope("10.1.2.3", "203.0.113.9")) == "10.1.2.3"


def test_clients_behind_a_trusted_proxy_have_their_own_rate_limit(tmp_path: Path) -> None:
    # the test client's peer is "testclient": trusted here, as a proxy's address would be
    settings = make_settings(tmp_path, rate_limit_per_minute=1, trusted_proxies=("testclient",))
    with TestClient(create_app(offline_container(settings))) as client:

        def status(forwarded_for: str) -> int:
            return client.get("/api/v1/invoices", headers={"X-Forwarded-For": forwarded_for}).status_code

        assert [status("203.0.113.9"), status("203.0.113.9"), status("198.51.100.1")] == [200, 429, 200]


def test_metrics_count_requests_and_verdicts(tmp_path: Path) -> None:
    with TestClient(create_app(offline_container(make_settings(tmp_path)))) as client:
        client.post("/api/v1/analyze-invoices", data=FORM, files=analysis_files())
        text = client.get("/metrics").text
    assert 'http_requests_total{method="POST",route="/api/v1/analyze-invoices",status="200"} 1.0' in text
    assert 'invoices_analysed_total{status="fully_reimbursed"} 1.0' in text
    assert 'invoices_analysed_total{status="processing_error"} 1.0' in text
    assert "http_request_duration_seconds_bucket" in text


def test_logs_are_json_with_request_id_and_no_secrets(tmp_path: Path) -> None:
    from reimburse.logging_setup import configure_logging

    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    configure_logging("INFO", str(tmp_path / "logs"))
    try:
        with TestClient(create_app(offline_container(make_settings(tmp_path)))) as client:
            token = JwtTokenService(SECRET).mint("Rani", Role.EMPLOYEE, timedelta(minutes=1))
            client.get(
                "/api/v1/invoices", headers={"Authorization": f"Bearer {token}", "X-Request-ID": "rq-42"}
            )
            logging.getLogger("reimburse").info(
                "calling with api_key=AIzaSyDUMMYDUMMYDUMMYDUMMY12 and %s", token
            )
    finally:
        for handler in list(root.handlers):
            handler.close()
            root.removeHandler(handler)
        for handler in saved[0]:
            root.addHandler(handler)
        root.setLevel(saved[1])
    (log_file,) = (tmp_path / "logs").glob("app_*.log")
    lines = [json.loads(line) for line in log_file.read_text().splitlines()]
    access = [
        line for line in lines if line.get("event") == "request" and line.get("path") == "/api/v1/invoices"
    ]
    assert access and access[0]["request_id"] == "rq-42"
    text = log_file.read_text()
    assert token not in text and "AIzaSyDUMMY" not in text
    assert "[REDACTED]" in text


def test_employees_cannot_backdate_to_dodge_the_deadline(secure: TestClient[Any]) -> None:
    backdated = {"employee_name": "Rani Sharma", "submitted_on": "2024-01-01"}
    response = secure.post("/api/v1/analyze-invoices", data=backdated, files=analysis_files(), headers=RANI)
    assert response.status_code == 403
    assert "submitted_on" in response.json()["message"]
    assert (
        secure.post(
            "/api/v1/analyze-invoices", data=backdated, files=analysis_files(), headers=REVIEWER
        ).status_code
        == 200
    )

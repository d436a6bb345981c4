"""Every rejection uses the contract's error body, the right status and echoes X-Request-ID."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from dependency_injector import providers
from litestar.testing import TestClient

from reimburse.container import Container
from reimburse.domain.errors import InterpreterUnavailable
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import Policy
from reimburse.http.app import create_app
from tests.conftest import analysis_files, make_settings, make_zip, offline_container, policy_pdf

ERROR_FIELDS = {"success", "error", "message", "details", "request_id", "timestamp"}


def _assert_error(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert body.keys() == ERROR_FIELDS
    assert body["success"] is False
    assert body["request_id"] == response.headers["x-request-id"]
    assert "Traceback" not in response.text
    return body


def test_unknown_route_is_a_contract_404(client: TestClient[Any]) -> None:
    body = _assert_error(client.get("/api/v1/nope"), 404)
    assert body["error"] == "NotFound"


def test_wrong_method_is_a_contract_405(client: TestClient[Any]) -> None:
    _assert_error(client.delete("/api/v1/invoices"), 405)


def test_request_id_is_echoed_or_created(client: TestClient[Any]) -> None:
    sent = client.get("/api/v1/health/quick", headers={"X-Request-ID": "abc-123"})
    assert sent.headers["x-request-id"] == "abc-123"
    made = client.get("/api/v1/health/quick")
    assert made.headers["x-request-id"].startswith("req_")
    error = client.get("/api/v1/invoices/missing", headers={"X-Request-ID": "trace-9"})
    assert _assert_error(error, 404)["request_id"] == "trace-9"


@pytest.mark.parametrize(
    ("data", "files", "status", "field"),
    [
        ({}, "default", 400, "employee_name"),
        (
            {"employee_name": "Rani"},
            {"policy_file": ("p.pdf", policy_pdf(), "application/pdf")},
            400,
            "invoices_zip",
        ),
        ({"employee_name": "Rani", "submitted_on": "31/12/2024"}, "default", 400, "submitted_on"),
        ({"employee_name": "R\x07ni"}, "default", 400, "employee_name"),
        ({"employee_name": "x" * 101}, "default", 400, "employee_name"),
        (
            {"employee_name": "Rani"},
            {
                "policy_file": ("p.pdf", b"not a pdf", "application/pdf"),
                "invoices_zip": ("z.zip", b"PK..", "x"),
            },
            415,
            "policy_file",
        ),
        (
            {"employee_name": "Rani"},
            {
                "policy_file": ("p.pdf", policy_pdf(), "application/pdf"),
                "invoices_zip": ("z.zip", b"plain", "x"),
            },
            415,
            "invoices_zip",
        ),
    ],
)
def test_bad_forms_are_rejected_with_the_field(
    client: TestClient[Any], data: dict[str, str], files: Any, status: int, field: str
) -> None:
    files = analysis_files() if files == "default" else files
    body = _assert_error(client.post("/api/v1/analyze-invoices", data=data, files=files), status)
    assert body["details"][0]["field"] == field


def test_json_body_is_unsupported_media_type(client: TestClient[Any]) -> None:
    _assert_error(client.post("/api/v1/analyze-invoices", json={"employee_name": "Rani"}), 415)


def test_corrupt_zip_and_empty_zip_are_unprocessable(client: TestClient[Any]) -> None:
    for archive in (b"PK\x03\x04 truncated", make_zip({})):
        response = client.post(
            "/api/v1/analyze-invoices", data={"employee_name": "Rani"}, files=analysis_files(archive)
        )
        assert _assert_error(response, 422)["details"][0]["field"] == "invoices_zip"


def test_policy_without_rules_is_unprocessable(client: TestClient[Any]) -> None:
    from tests import pdf_factory

    empty_policy = pdf_factory.text_pdf("Welcome to Acme.", "We value our people.")
    response = client.post(
        "/api/v1/analyze-invoices", data={"employee_name": "Rani"}, files=analysis_files(policy=empty_policy)
    )
    _assert_error(response, 422)


class DownInterpreter:
    """A PolicyInterpreter whose language model cannot be reached."""

    name = "down"

    async def interpret(self, document: Document) -> Policy:
        raise InterpreterUnavailable(f"{document.filename}: the model did not answer")


def test_an_unavailable_interpreter_is_a_503_to_retry(container: Container) -> None:
    container.interpreter.override(providers.Object(DownInterpreter()))
    with TestClient(create_app(container)) as client:
        response = client.post(
            "/api/v1/analyze-invoices", data={"employee_name": "Rani"}, files=analysis_files()
        )
    body = _assert_error(response, 503)
    assert body["error"] == "ServiceUnavailable"
    assert "retry" in body["message"].lower()
    assert int(response.headers["retry-after"]) > 0


def test_too_large_upload_is_413_before_analysis(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, max_zip_size=2000, max_file_size=50_000)
    with TestClient(create_app(offline_container(settings))) as client:
        big = make_zip({f"{i}.pdf": os.urandom(4000) for i in range(3)})
        response = client.post(
            "/api/v1/analyze-invoices", data={"employee_name": "R"}, files=analysis_files(big)
        )
        _assert_error(response, 413)


def test_invalid_query_parameters_are_400(client: TestClient[Any]) -> None:
    _assert_error(client.get("/api/v1/invoices", params={"status": "approved-ish"}), 400)
    _assert_error(client.get("/api/v1/invoices", params={"limit": "0"}), 400)
    _assert_error(client.get("/api/v1/invoices", params={"date_from": "yesterday"}), 400)

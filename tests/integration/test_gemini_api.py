"""The service with GOOGLE_API_KEY set, talking to the fake Gemini server through the real SDK."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from dependency_injector import providers
from litestar.testing import TestClient

from reimburse.http.app import create_app
from tests.conftest import POLICY_LINES, analysis_files, make_settings, offline_container
from tests.fakes.fake_gemini_server import GENERATE, FakeGeminiServer, RecordedRequest, Reply
from tests.fakes.gemini_kit import make_gateway

POLICY_READING = {
    "title": POLICY_LINES[0],
    "currency": "INR",
    "categories": [
        {"name": "meals", "synonyms": ["restaurant", "food"], "clause": POLICY_LINES[1]},
        {"name": "cab", "synonyms": ["taxi", "uber", "ola", "trip"], "clause": POLICY_LINES[2]},
        {"name": "hotel", "synonyms": ["accommodation"], "clause": POLICY_LINES[3]},
    ],
    "caps": [
        {"category": "meals", "amount": "1000", "currency": "INR", "unit": "meal", "clause": POLICY_LINES[1]},
        {"category": "cab", "amount": "500", "currency": "INR", "unit": "ride", "clause": POLICY_LINES[2]},
        {
            "category": "hotel",
            "amount": "3000",
            "currency": "INR",
            "unit": "night",
            "clause": POLICY_LINES[3],
        },
    ],
    "exclusions": [
        {"name": "alcohol", "keywords": ["beer", "wine"], "categories": [], "clause": POLICY_LINES[4]}
    ],
    "deadline": {"days": 30, "clause": POLICY_LINES[5]},
}


def _find(pattern: str, text: str, group: int = 1) -> str:
    found = re.search(pattern, text, re.S)
    assert found is not None, pattern
    return found.group(group)


def correct_model(request: RecordedRequest) -> str:
    """Reads the fixtures of tests/conftest.py the way a correct model would."""
    if "reimbursement policy" in request.prompt_text:
        return json.dumps(POLICY_READING)
    text = request.user_text
    lines = _find(r"BEGIN DOCUMENT (\w+)\n(.*)\nEND DOCUMENT \1", text, 2).splitlines()
    day, month, year = _find(r"Date: (\d\d/\d\d/\d{4})", text).split("/")
    total = _find(r"Total: INR ([\d.]+)", text)
    number = _find(r"(?:Invoice|Bill) No: (\S+)", text)
    items = [
        {"description": m.group(1), "amount": m.group(2)}
        for line in lines
        if (m := re.fullmatch(r"([A-Za-z][A-Za-z ]+?) (\d+\.\d\d)", line))
    ]
    return json.dumps(
        {
            "total": total,
            "currency": "INR",
            "vendor": lines[0],
            "invoice_number": number,
            "invoice_date": f"{year}-{month}-{day}",
            "category": "meals" if "Restaurant" in lines[0] else "cab",
            "line_items": items,
            "names": [n] if (n := next((x[7:] for x in lines if x.startswith("Rider: ")), None)) else [],
        }
    )


@pytest.fixture
def server() -> Iterator[FakeGeminiServer]:
    with FakeGeminiServer(responder=correct_model) as fake:
        yield fake


@pytest.fixture
def api(server: FakeGeminiServer, tmp_path: Path) -> Iterator[tuple[TestClient[Any], Any]]:
    settings = make_settings(tmp_path, google_api_key="test-key", gemini_base_url=server.base_url)
    container = offline_container(settings)
    container.gemini.override(providers.Object(make_gateway(server, max_retries=1)))
    with TestClient(create_app(container)) as client:
        yield client, container


def _analyse(client: TestClient[Any]) -> dict[str, Any]:
    data = {"employee_name": "Rani Sharma", "submitted_on": "2024-12-31"}
    response = client.post("/api/v1/analyze-invoices", data=data, files=analysis_files())
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _amounts(body: dict[str, Any]) -> dict[str, Decimal]:
    """Reimbursable amount per file (cab capped per ride, beer excluded from the dinner)."""
    return {r["filename"]: Decimal(str(r["reimbursement_amount"])) for r in body["results"]}


def test_gemini_reads_and_the_engine_decides(
    api: tuple[TestClient[Any], Any], server: FakeGeminiServer
) -> None:
    client, _ = api
    body = _analyse(client)

    results = {r["filename"]: r for r in body["results"]}
    assert results["cab-01.pdf"]["status"] == "fully_reimbursed"
    assert _amounts(body) == {
        "cab-01.pdf": Decimal(233),
        "cab-02.pdf": Decimal(500),
        "dinner.pdf": Decimal(600),
    }
    assert all(f["code"] != "extractor_fallback" for r in body["results"] for f in r["flags"])
    assert [e["filename"] for e in body["processing_errors"]] == ["scan.pdf"]
    # one policy reading + one extraction per readable invoice, all through generateContent
    assert len(server.requests_for(GENERATE)) == 4

    services = {s["name"]: s for s in client.get("/api/v1/health").json()["services"]}
    assert services["llm_service"]["status"] == "healthy"


def test_gemini_down_falls_back_with_flags_and_health_says_so(
    api: tuple[TestClient[Any], Any], server: FakeGeminiServer
) -> None:
    client, _ = api
    server.respond_with(lambda _: Reply.error(503))

    body = _analyse(client)

    assert body["processed_invoices"] == 3
    for result in body["results"]:
        assert "extractor_fallback" in [f["code"] for f in result["flags"]]
        assert result["review_required"] is True
    assert _amounts(body) == {
        "cab-01.pdf": Decimal(233),
        "cab-02.pdf": Decimal(500),
        "dinner.pdf": Decimal(600),
    }
    health = client.get("/api/v1/health")
    services = {s["name"]: s for s in health.json()["services"]}
    assert services["llm_service"]["status"] == "unhealthy"
    assert "circuit open" in services["llm_service"]["detail"]

"""The app on in-memory stores with faults swapped in through the container, and SSE reading."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

from dependency_injector import providers
from litestar.testing import TestClient

from reimburse.config import Settings
from reimburse.container import Container
from reimburse.http.app import create_app
from tests.conftest import (
    analysis_files,
    cab_invoice,
    make_settings,
    make_zip,
    meal_invoice,
    offline_container,
)
from tests.fakes.memory_stores import InMemoryChatStore, InMemoryInvoiceStore, InMemoryPolicyStore

ANALYZE = "/api/v1/analyze-invoices"
ANALYZE_STREAM = "/api/v1/analyze-invoices-stream"
ERROR_FIELDS = {"success", "error", "message", "details", "request_id", "timestamp"}
FORM = {"employee_name": "Rani Sharma", "submitted_on": "2024-12-31"}
# what a correct reading of good_batch() gives: cab capped at 500 per ride, beer excluded from dinner
REIMBURSABLE = {
    "cab-01.pdf": Decimal("233.00"),
    "cab-02.pdf": Decimal("500.00"),
    "dinner.pdf": Decimal("600.00"),
    "cab-03.pdf": Decimal("120.50"),
}


def good_batch(count: int = 4) -> bytes:
    files = {
        "cab-01.pdf": cab_invoice("CAB-1", "233.00"),
        "cab-02.pdf": cab_invoice("CAB-2", "812.40"),
        "dinner.pdf": meal_invoice("M-77", "600.00", "400.00"),
        "cab-03.pdf": cab_invoice("CAB-3", "120.50"),
    }
    return make_zip(dict(list(files.items())[:count]))


def numbered_batch(count: int) -> bytes:
    return make_zip({f"cab-{i:03d}.pdf": cab_invoice(f"N-{i}", f"{100 + i}.00") for i in range(count)})


@contextmanager
def fault_client(
    tmp_path: Path,
    *,
    invoices: Any = None,
    policies: Any = None,
    extractor: Any = None,
    gemini: Any = None,
    **overrides: Any,
) -> Iterator[tuple[TestClient[Any], Container]]:
    settings: Settings = make_settings(tmp_path, rate_limit_per_minute=100_000, **overrides)
    container = offline_container(settings)
    container.invoice_store.override(providers.Object(invoices or InMemoryInvoiceStore()))
    container.policy_store.override(providers.Object(policies or InMemoryPolicyStore()))
    container.chat_store.override(providers.Object(InMemoryChatStore()))
    if gemini is not None:
        container.gemini.override(providers.Object(gemini))
    if extractor is not None:
        container.extractor.override(providers.Object(extractor))
    with TestClient(create_app(container)) as client:
        yield client, container


def post_batch(client: TestClient[Any], archive: bytes, *, stream: bool = False) -> Any:
    return client.post(ANALYZE_STREAM if stream else ANALYZE, data=FORM, files=analysis_files(archive))


def sse_events(text: str) -> list[dict[str, Any]]:
    return [json.loads(line[len("data: ") :]) for line in text.splitlines() if line.startswith("data: ")]


def assert_contract_error(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text[:500]
    body: dict[str, Any] = response.json()
    assert body.keys() == ERROR_FIELDS
    assert body["success"] is False and body["message"]
    assert body["request_id"] == response.headers["x-request-id"]
    assert "Traceback" not in response.text and 'File "' not in response.text
    return body


def amounts(results: list[dict[str, Any]]) -> dict[str, Decimal]:
    return {r["filename"]: Decimal(str(r["reimbursement_amount"])) for r in results}


def record_figures(name: str, figures: dict[str, Any]) -> None:
    """Prints the figures; also writes $RELIABILITY_FIGURES_DIR/<name>.json when that is set."""
    text = json.dumps(figures, indent=2, sort_keys=True, default=str)
    print(f"\n{name} figures:\n{text}")
    target = os.environ.get("RELIABILITY_FIGURES_DIR")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        (Path(target) / f"{name}.json").write_text(text + "\n", encoding="utf-8")

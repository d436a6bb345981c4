"""Schemathesis against /schema/openapi.json: no 5xx, and every response conforms to the schema.

The app runs in-process (ASGI) on the offline adapters with a seeded store, so listings return
real items (an empty list proves nothing about the item schema). Every operation is fuzzed,
the multipart analysis endpoints included: their form is declared in the schema, so generated
forms reach the server's own validation (which answers 4xx with the contract's error body).
Examples are bounded per operation so this runs in the normal test suite.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.python import asgi
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from reimburse.container import close_container
from reimburse.http.app import create_app
from tests.conftest import analysis_files, make_settings, offline_container
from tests.reliability.workload import record_figures

MAX_EXAMPLES = int(os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "25"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
FORM = {"employee_name": "Rani Sharma", "submitted_on": "2024-12-31"}
CALLS: defaultdict[str, Counter[int]] = defaultdict(Counter)  # operation -> status -> conforming answers


# Built at import, because schemathesis parametrizes at collection time (its fixture-based
# loader reads a node attribute pytest 9 removed). Nothing touches the disk here: the stores
# open on the first request, under a data dir made for this process and removed afterwards.
DATA_ROOT = Path(tempfile.gettempdir()) / f"reimburse-schemathesis-{os.getpid()}"
# a high limit: the fuzzer must reach the handlers, not the rate limiter (tested on its own)
CONTAINER = offline_container(make_settings(DATA_ROOT, rate_limit_per_minute=1_000_000))
APP = create_app(CONTAINER, manage_lifecycle=False)
schema = schemathesis.openapi.from_asgi("/schema/openapi.json", APP)


class Seeded(msgspec.Struct, frozen=True):
    invoice_id: str
    policy_id: str
    session_id: str
    batch_id: str = ""


@pytest.fixture(scope="module", autouse=True)
def seeded() -> Iterator[Seeded]:
    """Stores a batch and a chat first, so listings and lookups return real items."""
    try:
        with asgi.get_client(APP) as client:
            batch = client.post("/api/v1/analyze-invoices", data=FORM, files=analysis_files())
            assert batch.status_code == 200, batch.text
            first = batch.json()["results"][0]
            chat = client.post("/api/v1/chat", json={"query": "Which cab rides were reimbursed?"})
            assert chat.status_code == 200, chat.text
        yield Seeded(first["invoice_id"], first["policy_id"], chat.json()["session_id"], first["batch_id"])
        if CALLS:
            record_figures(
                "schemathesis",
                {
                    "operations": len(CALLS),
                    "max_examples": MAX_EXAMPLES,
                    "calls": sum(sum(c.values()) for c in CALLS.values()),
                    "statuses_per_operation": {
                        op: dict(sorted(c.items())) for op, c in sorted(CALLS.items())
                    },
                },
            )
    finally:
        asyncio.run(close_container(CONTAINER))
        shutil.rmtree(DATA_ROOT, ignore_errors=True)


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_api_conforms_to_its_schema(case: schemathesis.Case[Any]) -> None:
    response = case.call_and_validate(checks=CHECKS)
    CALLS[case.operation.label][response.status_code] += 1


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/v1/invoices/{invoice_id}"),
        ("GET", "/api/v1/policies/{policy_id}"),
        ("GET", "/api/v1/chat/history/{session_id}"),
        ("DELETE", "/api/v1/chat/history/{session_id}"),
        ("GET", "/api/v1/invoices/{invoice_id}/history"),
        ("GET", "/api/v1/invoices/{invoice_id}/document"),
        ("GET", "/api/v1/batches/{batch_id}"),
    ],
)
def test_stored_resources_conform_to_their_schema(seeded: Seeded, method: str, path: str) -> None:
    """The fuzzer rarely guesses a stored id; these 200s are checked against the schema directly."""
    operation = schema[path][method]
    ids = {
        "invoice_id": seeded.invoice_id,
        "policy_id": seeded.policy_id,
        "session_id": seeded.session_id,
        "batch_id": seeded.batch_id,
    }
    name = path.rsplit("{", 1)[1].split("}", 1)[0]
    case = operation.Case(path_parameters={name: ids[name]})
    response = case.call()
    assert response.status_code == 200, response.text
    case.validate_response(response, checks=CHECKS)


@pytest.mark.parametrize("path", ["/api/v1/analyze-invoices", "/api/v1/analyze-invoices-stream"])
def test_real_analyses_conform_to_their_schema(path: str) -> None:
    """Random bytes never pass the PDF/ZIP checks, so a real batch (with an unreadable scan,
    which gives a per-file error) is validated too: the summary, and each streamed event."""
    with asgi.get_client(APP) as client:
        response = client.post(path, data=FORM, files=analysis_files())
    assert response.status_code == 200, response.text
    schema[path]["POST"].Case().validate_response(response, checks=CHECKS)


@pytest.mark.parametrize("status", [401, 429])
def test_refusals_conform_to_their_schema(tmp_path: Path, status: int) -> None:
    """With auth on, and with the rate limit spent, every operation's refusal is documented."""
    limit = 1 if status == 429 else 1_000_000
    settings = make_settings(tmp_path, auth_enabled=True, secret_key="k" * 48, rate_limit_per_minute=limit)
    container = offline_container(settings)
    app = create_app(container, manage_lifecycle=False)
    checked = []
    try:
        with asgi.get_client(app) as client:
            if status == 429:
                client.get("/api/v1/invoices")  # spends the limit of one
            for result in schema.get_all_operations():
                assert isinstance(result, Ok), result
                operation = result.ok()
                if operation.path.startswith("/api/v1/health"):
                    continue  # no auth, no limit
                url = operation.path.format_map(defaultdict(lambda: "x"))  # every path parameter
                response = client.request(operation.method.upper(), url)
                assert response.status_code == status, (operation.label, response.text)
                assert response.json()["success"] is False
                operation.Case().validate_response(response, checks=CHECKS)
                checked.append(operation.label)
    finally:
        asyncio.run(close_container(container))
    every = [op.ok().label for op in schema.get_all_operations() if isinstance(op, Ok)]
    assert len(checked) == len([label for label in every if " /api/v1/health" not in label]) >= 10, checked

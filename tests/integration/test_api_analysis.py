"""The analysis endpoints through Litestar's test client, checked field by field against the contract."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import msgspec
from litestar.testing import TestClient

from tests.conftest import analysis_files, cab_invoice, make_zip

RESULT_FIELDS = {
    "invoice_id",
    "filename",
    "status",
    "reason",
    "total_amount",
    "reimbursement_amount",
    "currency",
    "categories",
    "policy_violations",
    "invoice_date",
    "invoice_number",
    "vendor",
    "review_required",
    "flags",
    "rules_applied",
    "amount_due",
    "extractor",
}
SUMMARY_FIELDS = {
    "success",
    "message",
    "employee_name",
    "batch_id",
    "policy_id",
    "total_invoices",
    "processed_invoices",
    "failed_invoices",
    "results",
    "processing_errors",
    "timestamp",
}


def _analyse(client: TestClient[Any], **form: str) -> Any:
    data = {"employee_name": "Rani Sharma", "submitted_on": "2024-12-31", **form}
    return client.post("/api/v1/analyze-invoices", data=data, files=analysis_files())


def test_analysis_returns_every_contract_field(client: TestClient[Any]) -> None:
    response = _analyse(client)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body.keys() >= SUMMARY_FIELDS
    assert body["total_invoices"] == 4
    assert body["processed_invoices"] == 3
    assert body["failed_invoices"] == 1
    by_name = {r["filename"]: r for r in body["results"]}
    for result in body["results"]:
        assert result.keys() >= RESULT_FIELDS
    cab1, cab2, dinner = by_name["cab-01.pdf"], by_name["cab-02.pdf"], by_name["dinner.pdf"]
    assert (cab1["status"], cab1["total_amount"], cab1["reimbursement_amount"]) == (
        "fully_reimbursed",
        233,
        233,
    )
    assert (cab2["status"], cab2["reimbursement_amount"]) == ("partially_reimbursed", 500)
    assert dinner["status"] == "partially_reimbursed"
    assert Decimal(str(dinner["reimbursement_amount"])) == Decimal("600")
    assert cab1["invoice_date"] == "2024-12-20"
    assert cab1["currency"] == "INR"
    assert cab1["extractor"] == "heuristic"
    assert cab1["rules_applied"][0].keys() == {"rule_id", "clause", "effect"}
    assert [e["filename"] for e in body["processing_errors"]] == ["scan.pdf"]
    assert body["processing_errors"][0]["error"] == "NoTextLayer"


def test_results_are_stored_and_listed_newest_first(client: TestClient[Any]) -> None:
    first = _analyse(client).json()
    listing = client.get("/api/v1/invoices").json()
    assert listing["total"] == 3
    assert {i["invoice_id"] for i in listing["items"]} == {r["invoice_id"] for r in first["results"]}
    stamps = [i["analyzed_at"] for i in listing["items"]]
    assert stamps == sorted(stamps, reverse=True)
    one = client.get(f"/api/v1/invoices/{first['results'][0]['invoice_id']}")
    assert one.status_code == 200
    assert one.json()["employee_name"] == "Rani Sharma"
    declined = client.get("/api/v1/invoices", params={"status": "partially_reimbursed"}).json()
    assert declined["total"] == 2
    assert client.get("/api/v1/invoices", params={"employee_name": "RANI sharma"}).json()["total"] == 3
    assert client.get("/api/v1/invoices", params={"employee_name": "Hardik"}).json()["total"] == 0


def test_reanalysis_updates_instead_of_duplicating(client: TestClient[Any]) -> None:
    first = _analyse(client).json()
    second = _analyse(client).json()
    assert {r["invoice_id"] for r in first["results"]} == {r["invoice_id"] for r in second["results"]}
    assert client.get("/api/v1/invoices").json()["total"] == 3
    # the second submission of the same files is flagged for review
    assert all(any(f["code"] == "duplicate" for f in r["flags"]) for r in second["results"])


def test_policy_is_readable_with_its_clauses(client: TestClient[Any]) -> None:
    policy_id = _analyse(client).json()["policy_id"]
    policy = client.get(f"/api/v1/policies/{policy_id}").json()
    assert policy["policy_id"] == policy_id
    effects = {r["effect"] for r in policy["rules"]}
    assert {"cap", "exclude", "deadline"} <= effects
    assert any("30 days" in r["clause"] for r in policy["rules"])


def test_stream_parsed_like_a_flutter_client(client: TestClient[Any]) -> None:
    data = {"employee_name": "Rani Sharma", "submitted_on": "2024-12-31"}
    with client.stream("POST", "/api/v1/analyze-invoices-stream", data=data, files=analysis_files()) as resp:
        assert resp.status_code == 200
        assert resp.headers["content-type"].startswith("text/event-stream")
        lines = [line for line in resp.iter_lines()]
    events = [msgspec.json.decode(line[len("data: ") :]) for line in lines if line.startswith("data: ")]
    assert all(e.keys() == {"type", "data", "timestamp"} for e in events)
    types = [e["type"] for e in events]
    assert types[0] == "metadata"
    assert events[0]["data"]["total_invoices"] == 4
    assert types[-1] == "done"
    assert types.count("result") == 3 and types.count("error") == 1
    assert "progress" in types
    done = events[-1]["data"]
    assert (done["processed_invoices"], done["failed_invoices"]) == (3, 1)
    streamed_ids = {e["data"]["invoice_id"] for e in events if e["type"] == "result"}
    assert streamed_ids == {r["invoice_id"] for r in done["results"]}
    # what the client saw is stored
    assert client.get("/api/v1/invoices").json()["total"] == 3


def test_one_failure_never_sinks_the_batch(client: TestClient[Any]) -> None:
    zip_bytes = make_zip(
        {"good.pdf": cab_invoice("G1", "100.00"), "broken.pdf": b"%PDF-1.4 garbage", "notes.txt": b"hello"}
    )
    body = client.post(
        "/api/v1/analyze-invoices",
        data={"employee_name": "Rani Sharma", "submitted_on": "2024-12-31"},
        files=analysis_files(zip_bytes),
    ).json()
    assert [r["filename"] for r in body["results"]] == ["good.pdf"]
    assert {e["filename"]: e["error"] for e in body["processing_errors"]} == {
        "broken.pdf": "CorruptDocument",
        "notes.txt": "UnsupportedFile",
    }

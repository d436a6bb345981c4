"""Policy-as-data (issue 19): an admin writes the rules in TOML, in place of the PDF or as the
correction of a policy read from one; every later analysis with that policy's hash uses them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import TestClient

from reimburse.domain.access import Role
from reimburse.http.app import create_app
from tests.conftest import (
    analysis_files,
    cab_invoice,
    make_settings,
    make_zip,
    meal_invoice,
    offline_container,
)
from tests.integration.test_security import SECRET, bearer

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "policy.toml"
FORM = {"employee_name": "Rani Sharma", "submitted_on": "2024-12-31"}
CAB_300 = """
currency = "INR"
[[categories]]
name = "cab"
[[caps]]
category = "cab"
amount = 300
unit = "ride"
clause = "Cabs up to INR 300 per ride."
"""


def _analyse(client: TestClient[Any], policy: tuple[str, bytes] | None, files: dict[str, bytes]) -> Any:
    sent = analysis_files(make_zip(files))
    if policy is not None:
        sent["policy_file"] = (policy[0], policy[1], "application/toml")
    response = client.post("/api/v1/analyze-invoices", data=FORM, files=sent)
    assert response.status_code == 200, response.text
    return response.json()


def test_the_example_file_in_place_of_the_pdf(client: TestClient[Any]) -> None:
    body = _analyse(
        client,
        ("policy.toml", EXAMPLE.read_bytes()),
        {"cab.pdf": cab_invoice("CAB-41", "750.00"), "dinner.pdf": meal_invoice("M-41", "600.00", "400.00")},
    )
    by_file = {r["filename"]: r for r in body["results"]}
    cab, dinner = by_file["cab.pdf"], by_file["dinner.pdf"]
    assert (cab["status"], cab["reimbursement_amount"]) == ("partially_reimbursed", 600)  # the file's cap
    assert dinner["status"] == "partially_reimbursed" and dinner["reimbursement_amount"] < 1000  # beer out
    policy = client.get(f"/api/v1/policies/{body['policy_id']}").json()
    assert (policy["interpreter"], policy["corrected"], policy["currency"]) == ("policy-as-data", True, "INR")
    assert {c["category"]: c["amount"] for c in policy["caps"]}["hotel"] == 4000
    assert policy["deadline"]["days"] == 30


def test_a_file_that_breaks_the_schema_is_refused_with_the_reason(client: TestClient[Any]) -> None:
    sent = analysis_files(make_zip({"cab.pdf": cab_invoice("CAB-42", "100.00")}))
    sent["policy_file"] = (
        "policy.toml",
        CAB_300.replace("amount = 300", "amont = 300").encode(),
        "text/plain",
    )
    response = client.post("/api/v1/analyze-invoices", data=FORM, files=sent)
    assert response.status_code == 422, response.text
    assert "amont" in response.json()["message"] or "amount" in response.json()["message"]
    # A non-PDF under another name is still refused as no PDF.
    sent["policy_file"] = ("policy.txt", CAB_300.encode(), "text/plain")
    assert client.post("/api/v1/analyze-invoices", data=FORM, files=sent).status_code == 415


def test_an_uploaded_file_corrects_a_read_policy_for_every_later_analysis(client: TestClient[Any]) -> None:
    first = _analyse(client, None, {"cab.pdf": cab_invoice("CAB-43", "450.00")})
    policy_id = first["policy_id"]
    before = first["results"][0]
    assert (before["status"], before["policy_version"]) == ("fully_reimbursed", 1)

    response = client.put(
        f"/api/v1/policies/{policy_id}/data", content=CAB_300, headers={"Content-Type": "application/toml"}
    )
    assert response.status_code == 200, response.text
    assert (response.json()["version"], response.json()["corrected"]) == (2, True)

    after = _analyse(client, None, {"cab.pdf": cab_invoice("CAB-44", "450.00")})["results"][0]
    assert (after["status"], after["reimbursement_amount"], after["policy_version"]) == (
        "partially_reimbursed",
        300,
        2,
    )
    old = client.get(f"/api/v1/invoices/{before['invoice_id']}").json()
    assert (old["policy_version"], old["reimbursement_amount"]) == (1, 450)
    assert client.get(f"/api/v1/policies/{policy_id}@v1").json()["interpreter"].startswith("heuristic")

    bad = client.put(f"/api/v1/policies/{policy_id}/data", content=b"currency = ")
    assert bad.status_code == 422
    unknown = client.put("/api/v1/policies/pol_0000000000000000/data", content=CAB_300)
    assert unknown.status_code == 404


@pytest.fixture
def secure(tmp_path: Path) -> Iterator[TestClient[Any]]:
    settings = make_settings(tmp_path, auth_enabled=True, secret_key=SECRET, rate_limit_per_minute=1000)
    with TestClient(create_app(offline_container(settings))) as client:
        yield client


def test_only_admins_write_rules(secure: TestClient[Any]) -> None:
    rani = bearer("Rani Sharma", Role.EMPLOYEE)
    sent = analysis_files(make_zip({"cab.pdf": cab_invoice("CAB-45", "100.00")}))
    sent["policy_file"] = ("policy.toml", CAB_300.encode(), "application/toml")
    assert secure.post("/api/v1/analyze-invoices", data=FORM, files=sent, headers=rani).status_code == 403
    reviewer = bearer("hr-1", Role.REVIEWER)
    assert secure.put("/api/v1/policies/pol_x/data", content=CAB_300, headers=reviewer).status_code == 403
    admin = bearer("hr-admin", Role.ADMIN)
    ok = secure.post("/api/v1/analyze-invoices", data=FORM, files=sent, headers=admin)
    assert ok.status_code == 200, ok.text
    assert ok.json()["results"][0]["reimbursement_amount"] == 100

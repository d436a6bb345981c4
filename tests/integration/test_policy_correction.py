"""An admin corrects a policy's rules (issue 19): the next verdict uses the correction, the earlier
verdict keeps the version it was judged under, and the replaced version stays readable."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from litestar.testing import TestClient

from reimburse.application.correct_policy import CorrectPolicy, RuleCorrection
from reimburse.container import Container
from reimburse.domain.access import AccessDenied, Role, Viewer
from tests.conftest import analysis_files, cab_invoice, make_zip


def _analyse(client: TestClient[Any], number: str) -> Any:
    data = {"employee_name": "Rani Sharma", "submitted_on": "2024-12-31"}
    files = analysis_files(make_zip({"cab.pdf": cab_invoice(number, "450.00")}))
    response = client.post("/api/v1/analyze-invoices", data=data, files=files)
    assert response.status_code == 200, response.text
    return response.json()


def test_a_correction_changes_the_next_verdict_and_keeps_the_old_one(client: TestClient[Any]) -> None:
    first = _analyse(client, "CAB-21")
    policy_id = first["policy_id"]
    before = first["results"][0]
    assert (before["status"], before["policy_version"]) == ("fully_reimbursed", 1)

    policy = client.get(f"/api/v1/policies/{policy_id}").json()
    caps = [{**c, "amount": "300"} if c["category"] == "cab" else c for c in policy["caps"]]
    response = client.put(f"/api/v1/policies/{policy_id}/rules", json={"caps": caps})
    assert response.status_code == 200, response.text
    assert response.json()["version"] == 2

    after = _analyse(client, "CAB-22")["results"][0]
    assert (after["status"], after["reimbursement_amount"]) == ("partially_reimbursed", 300)
    assert after["policy_version"] == 2
    old = client.get(f"/api/v1/invoices/{before['invoice_id']}").json()
    assert (old["policy_version"], old["reimbursement_amount"]) == (1, 450)
    replaced = client.get(f"/api/v1/policies/{policy_id}@v1").json()
    assert next(c for c in replaced["caps"] if c["category"] == "cab")["amount"] == 500


def test_an_invalid_correction_is_refused(client: TestClient[Any]) -> None:
    policy_id = _analyse(client, "CAB-23")["policy_id"]
    cap = {
        "rule_id": "cap:x",
        "category": "spaceflight",
        "amount": "10",
        "currency": "INR",
        "unit": "trip",
        "clause": "x",
    }
    response = client.put(f"/api/v1/policies/{policy_id}/rules", json={"caps": [cap]})
    assert response.status_code == 422
    assert client.put("/api/v1/policies/pol_0000000000000000/rules", json={}).status_code == 404


def test_only_an_admin_may_correct(container: Container) -> None:
    correct = CorrectPolicy(container.policy_store())
    with pytest.raises(AccessDenied):
        asyncio.run(correct(Viewer("Rani", Role.REVIEWER), "pol_x", RuleCorrection()))

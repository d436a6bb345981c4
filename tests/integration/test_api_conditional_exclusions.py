"""Conditional exclusions over the API (issue 19): GET /policies/{id} lists an exclusion's
condition, a matching invoice is reviewed rather than cut, and a correction can set a condition."""

from __future__ import annotations

from typing import Any

from litestar.testing import TestClient

from tests.conftest import analysis_files, make_zip, meal_invoice

FORM = {"employee_name": "Rani Sharma", "submitted_on": "2024-12-31"}
CONDITION = "except at dinners the department hosts"
POLICY = f"""
currency = "INR"
[[categories]]
name = "meals"
[[exclusions]]
name = "alcohol"
keywords = ["beer"]
clause = "Alcohol, {CONDITION}."
condition = "{CONDITION}"
"""


def _analyse(client: TestClient[Any]) -> Any:
    sent = analysis_files(make_zip({"dinner.pdf": meal_invoice("M-90", "600.00", "400.00")}))
    sent["policy_file"] = ("policy.toml", POLICY.encode(), "application/toml")
    response = client.post("/api/v1/analyze-invoices", data=FORM, files=sent)
    assert response.status_code == 200, response.text
    return response.json()


def _exclusion_rows(policy: Any) -> list[Any]:
    return [r for r in policy["rules"] if r["type"] == "exclusion"]


def test_the_policy_shows_the_condition_and_the_invoice_goes_to_review(client: TestClient[Any]) -> None:
    body = _analyse(client)
    result = body["results"][0]
    assert (result["status"], result["reimbursement_amount"]) == ("fully_reimbursed", 1000)
    assert result["review_required"] is True
    assert any(f["code"] == "missing_fact" and CONDITION in f["message"] for f in result["flags"])

    policy = client.get(f"/api/v1/policies/{body['policy_id']}").json()
    (row,) = _exclusion_rows(policy)
    assert (row["rule_id"], row["condition"], row["needs_review"]) == ("exclude:alcohol", CONDITION, True)
    assert policy["exclusions"][0]["condition"] == CONDITION


def test_a_correction_sets_and_clears_the_condition(client: TestClient[Any]) -> None:
    policy_id = _analyse(client)["policy_id"]
    rule = {"rule_id": "exclude:alcohol", "name": "alcohol", "keywords": ["beer"], "clause": "No alcohol."}
    response = client.put(f"/api/v1/policies/{policy_id}/rules", json={"exclusions": [rule]})
    assert response.status_code == 200, response.text
    (row,) = _exclusion_rows(response.json())
    assert (row["condition"], row["needs_review"]) == (None, False)  # refused outright again

    conditional = dict(rule, condition="if the trip is under five days")
    response = client.put(f"/api/v1/policies/{policy_id}/rules", json={"exclusions": [conditional]})
    assert response.status_code == 200, response.text
    shown = client.get(f"/api/v1/policies/{policy_id}").json()
    assert [r["condition"] for r in _exclusion_rows(shown)] == ["if the trip is under five days"]

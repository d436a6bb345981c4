"""Per-meal limits over the API (issue 19): the policy view names each row's meal (the engine's
lowest-row rule is in tests/unit/test_heuristic_policy_phrasings.py)."""

from __future__ import annotations

from typing import Any

from litestar.testing import TestClient

from tests import pdf_factory
from tests.conftest import analysis_files, cab_invoice, make_zip

MEAL_POLICY = (
    "Travel Reimbursement Policy",
    "Meals are reimbursed up to the following limits per person: Breakfast $15, Lunch $20, Dinner $40.",
    "Taxi fares are reimbursed up to $50 per ride.",
    "Claims must be submitted within 30 days of the expense.",
)


def test_the_policy_view_names_the_meal_of_each_per_meal_limit(client: TestClient[Any]) -> None:
    data = {"employee_name": "Rani Sharma", "submitted_on": "2024-12-31"}
    files = analysis_files(
        make_zip({"cab.pdf": cab_invoice("CAB-21", "23.00")}), pdf_factory.text_pdf(*MEAL_POLICY)
    )
    policy_id = client.post("/api/v1/analyze-invoices", data=data, files=files).json()["policy_id"]
    policy = client.get(f"/api/v1/policies/{policy_id}").json()
    meals = {c["meal"]: c["amount"] for c in policy["caps"] if c["category"] == "meals"}
    assert meals == {"breakfast": 15, "lunch": 20, "dinner": 40}
    rows = {r["condition"] for r in policy["rules"] if r["type"] == "limit"}
    assert {"breakfast", "lunch", "dinner"} <= rows

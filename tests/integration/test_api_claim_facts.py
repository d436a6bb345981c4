"""employee_grade and location on the analysis form (issue 19): a limit table by city class picks the
row of the claim's location, a claim without it goes to review, and results carry both facts."""

from __future__ import annotations

from typing import Any

from litestar.testing import TestClient

from tests import pdf_factory
from tests.conftest import analysis_files, cab_invoice, make_zip

CITY_POLICY = (
    "Travel Reimbursement Policy",
    "Taxi fares are reimbursed up to the following limits per ride:",
    "Tier 1 cities: INR 500 per ride; Tier 2 cities: INR 200 per ride.",
    "Claims must be submitted within 30 days of the expense.",
)


def _analyse(client: TestClient[Any], number: str = "CAB-9", **form: str) -> Any:
    data = {"employee_name": "Rani Sharma", "submitted_on": "2024-12-31", **form}
    # A new invoice number each time: a resubmitted file is flagged as a duplicate.
    invoices = make_zip({"cab.pdf": cab_invoice(number, "233.00")})
    files = analysis_files(invoices, pdf_factory.text_pdf(*CITY_POLICY))
    response = client.post("/api/v1/analyze-invoices", data=data, files=files)
    assert response.status_code == 200, response.text
    return response.json()["results"][0]


def test_the_row_of_the_claims_location_is_applied(client: TestClient[Any]) -> None:
    tier2 = _analyse(client, location="Tier 2", employee_grade="B")
    assert (tier2["status"], tier2["reimbursement_amount"]) == ("partially_reimbursed", 200)
    assert (tier2["location"], tier2["employee_grade"], tier2["policy_version"]) == ("Tier 2", "B", 1)
    tier1 = _analyse(client, "CAB-10", location="tier 1")
    assert (tier1["status"], tier1["reimbursement_amount"]) == ("fully_reimbursed", 233)
    assert not tier1["review_required"]


def test_without_the_location_the_invoice_goes_to_review_naming_it(client: TestClient[Any]) -> None:
    result = _analyse(client)
    assert result["review_required"]
    assert any(f["code"] == "missing_fact" and "location" in f["message"] for f in result["flags"])
    assert result["reimbursement_amount"] <= 200
    assert result["location"] is None


def test_a_control_character_in_a_fact_is_refused(client: TestClient[Any]) -> None:
    data = {"employee_name": "Rani Sharma", "location": "Tier\x001"}
    response = client.post("/api/v1/analyze-invoices", data=data, files=analysis_files())
    assert response.status_code == 400


def test_the_policy_shows_each_rule_with_its_type_and_condition(client: TestClient[Any]) -> None:
    data = {"employee_name": "Rani Sharma", "submitted_on": "2024-12-31"}
    files = analysis_files(
        make_zip({"cab.pdf": cab_invoice("CAB-11", "233.00")}), pdf_factory.text_pdf(*CITY_POLICY)
    )
    policy_id = client.post("/api/v1/analyze-invoices", data=data, files=files).json()["policy_id"]
    policy = client.get(f"/api/v1/policies/{policy_id}").json()
    limits = {r["condition"]: r for r in policy["rules"] if r["type"] == "limit"}
    assert set(limits) == {"location Tier 1 cities", "location Tier 2 cities"}
    assert all("Tier" in r["clause"] and 0 < r["confidence"] <= 1 for r in limits.values())
    assert {r["type"] for r in policy["rules"]} >= {"category", "limit", "deadline"}
    assert policy["version"] == 1


def test_an_excluded_thing_the_reader_does_not_know_is_listed_for_review(client: TestClient[Any]) -> None:
    lines = (
        *CITY_POLICY,
        "Alcohol is not reimbursable.",
        "The company will not reimburse pet boarding.",
        "The company will not reimburse limousine services.",
    )
    data = {"employee_name": "Rani Sharma", "submitted_on": "2024-12-31"}
    files = analysis_files(
        make_zip({"cab.pdf": cab_invoice("CAB-12", "233.00")}), pdf_factory.text_pdf(*lines)
    )
    policy_id = client.post("/api/v1/analyze-invoices", data=data, files=files).json()["policy_id"]
    rules = {r["rule_id"]: r for r in client.get(f"/api/v1/policies/{policy_id}").json()["rules"]}
    # known kinds become exclusions the engine checks on every bill line
    assert not rules["exclude:alcohol"]["needs_review"]
    assert not rules["exclude:pet-care"]["needs_review"]
    # a thing no lexicon entry names gives no keyword (it could match anything); a person checks it
    unknown = rules["process:excluded-limousine-services"]
    assert unknown["type"] == "process" and unknown["needs_review"]
    assert not any(rule_id.startswith("exclude:limousine") for rule_id in rules)

"""Reviewers decide, through the API: queue, decisions (approve/adjust/reject), history, originals,
batches, policies and the CSV export; roles and scoping with auth on; durability across a restart."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import timedelta
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
    policy_pdf,
)
from tests.integration.test_security import SECRET, bearer

API = "/api/v1"
# minted at import: long enough for a slow shared machine to reach the last test
TTL = timedelta(hours=3)
RANI = bearer("Rani Sharma", Role.EMPLOYEE, TTL)
HARDIK = bearer("Hardik Patel", Role.EMPLOYEE, TTL)
REVIEWER = bearer("hr-1", Role.REVIEWER, TTL)
ADMIN = bearer("root", Role.ADMIN, TTL)

CAB = cab_invoice("CAB-1", "233.00")
FLAGGED = cab_invoice("CAB-7", "300.00", rider="Somebody Else")  # another person's name: review
DINNER = meal_invoice("M-77", "600.00", "400.00")
XML = b"""<?xml version="1.0"?><Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>"""


def _settings(tmp_path: Path) -> Any:
    return make_settings(tmp_path, auth_enabled=True, secret_key=SECRET, rate_limit_per_minute=100_000)


@pytest.fixture
def api(tmp_path: Path) -> Iterator[TestClient[Any]]:
    with TestClient(create_app(offline_container(_settings(tmp_path)))) as client:
        yield client


def analyse(
    client: TestClient[Any], employee: str, files: dict[str, bytes], headers: dict[str, str] = REVIEWER
) -> dict[str, Any]:
    form = {"employee_name": employee}
    if headers not in (RANI, HARDIK):  # employees submit on today's date
        form["submitted_on"] = "2024-12-31"
    response = client.post(
        f"{API}/analyze-invoices", data=form, files=analysis_files(make_zip(files)), headers=headers
    )
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def by_name(summary: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["filename"]: r for r in summary["results"]}


def decide(
    client: TestClient[Any], invoice_id: str, body: dict[str, Any], headers: dict[str, str] = REVIEWER
) -> Any:
    return client.post(f"{API}/invoices/{invoice_id}/review", json=body, headers=headers)


# --- every item carries final_status, final_amount and version --------------------------------


def test_items_carry_final_fields_equal_to_the_verdict_until_a_decision(api: TestClient[Any]) -> None:
    results = by_name(analyse(api, "Rani Sharma", {"cab.pdf": CAB, "dinner.pdf": DINNER}))
    for item in results.values():
        assert item["final_status"] == item["status"]
        assert item["final_amount"] == item["reimbursement_amount"]
        assert item["version"] == 1 and item["review"] is None
    listed = api.get(f"{API}/invoices", headers=REVIEWER).json()["items"]
    assert {i["final_amount"] for i in listed} == {r["reimbursement_amount"] for r in results.values()}


# --- decisions -----------------------------------------------------------------------------------


def test_adjust_keeps_the_verdict_and_adds_the_decision(api: TestClient[Any]) -> None:
    dinner = by_name(analyse(api, "Rani Sharma", {"dinner.pdf": DINNER}))["dinner.pdf"]
    response = decide(
        api, dinner["invoice_id"], {"action": "adjust", "amount": 450.5, "note": "tip", "version": 1}
    )
    assert response.status_code == 200, response.text
    item = response.json()
    assert (item["status"], item["reimbursement_amount"]) == (
        dinner["status"],
        dinner["reimbursement_amount"],
    )
    assert item["final_amount"] == 450.5 and item["final_status"] == "partially_reimbursed"
    assert item["review"]["action"] == "adjust" and item["review"]["reviewer"] == "hr-1"
    assert item["review"]["note"] == "tip" and item["review"]["amount"] == 450.5
    assert item["version"] == 2
    again = api.get(f"{API}/invoices/{dinner['invoice_id']}", headers=RANI).json()
    assert again["final_amount"] == 450.5 and again["review"]["decided_at"]


def test_approve_keeps_the_engine_amount_and_reject_pays_nothing(api: TestClient[Any]) -> None:
    cab = by_name(analyse(api, "Rani Sharma", {"cab.pdf": CAB}))["cab.pdf"]
    approved = decide(api, cab["invoice_id"], {"action": "approve"}).json()
    assert (approved["final_status"], approved["final_amount"]) == (
        cab["status"],
        cab["reimbursement_amount"],
    )
    rejected = decide(api, cab["invoice_id"], {"action": "reject", "note": "personal trip"}, ADMIN).json()
    assert (rejected["final_status"], rejected["final_amount"]) == ("declined", 0)
    assert rejected["status"] == cab["status"] and rejected["version"] == 3


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"action": "adjust", "amount": 10}, "note"),
        ({"action": "adjust", "note": "x"}, "amount"),
        ({"action": "adjust", "amount": -1, "note": "x"}, "amount"),
        ({"action": "adjust", "amount": 233.01, "note": "x"}, "amount"),
        ({"action": "reject"}, "note"),
        ({"action": "reject", "note": "   "}, "note"),
        ({"action": "pay-double"}, "action"),
    ],
)
def test_bad_decisions_are_422(api: TestClient[Any], body: dict[str, Any], field: str) -> None:
    cab = by_name(analyse(api, "Rani Sharma", {"cab.pdf": CAB}))["cab.pdf"]
    response = decide(api, cab["invoice_id"], body)
    assert response.status_code == 422, response.text
    assert response.json()["details"][0]["field"] == field
    assert api.get(f"{API}/invoices/{cab['invoice_id']}", headers=REVIEWER).json()["version"] == 1


def test_adjust_to_exactly_zero_or_the_total_is_allowed(api: TestClient[Any]) -> None:
    cab = by_name(analyse(api, "Rani Sharma", {"cab.pdf": CAB}))["cab.pdf"]
    assert (
        decide(api, cab["invoice_id"], {"action": "adjust", "amount": 0, "note": "n"}).json()["final_status"]
        == "declined"
    )
    full = decide(api, cab["invoice_id"], {"action": "adjust", "amount": 233, "note": "n"}).json()
    assert (full["final_status"], full["final_amount"]) == ("fully_reimbursed", 233)


def test_a_stale_version_is_409_and_changes_nothing(api: TestClient[Any]) -> None:
    cab = by_name(analyse(api, "Rani Sharma", {"cab.pdf": CAB}))["cab.pdf"]
    assert decide(api, cab["invoice_id"], {"action": "approve", "version": 1}).status_code == 200
    stale = decide(api, cab["invoice_id"], {"action": "reject", "note": "late", "version": 1})
    assert stale.status_code == 409 and stale.json()["error"] == "Conflict"
    assert (
        api.get(f"{API}/invoices/{cab['invoice_id']}", headers=REVIEWER).json()["review"]["action"]
        == "approve"
    )


def test_employees_may_not_decide_and_unknown_ids_are_404(api: TestClient[Any]) -> None:
    cab = by_name(analyse(api, "Rani Sharma", {"cab.pdf": CAB}, RANI))["cab.pdf"]
    assert decide(api, cab["invoice_id"], {"action": "approve"}, RANI).status_code == 403
    assert decide(api, "inv_000000000000000000000000", {"action": "approve"}).status_code == 404
    assert api.get(f"{API}/invoices/{cab['invoice_id']}", headers=RANI).json()["review"] is None


# --- history ---------------------------------------------------------------------------------


def test_history_records_analysis_decisions_and_reanalysis_oldest_first(api: TestClient[Any]) -> None:
    cab = by_name(analyse(api, "Rani Sharma", {"cab.pdf": CAB}))["cab.pdf"]
    decide(api, cab["invoice_id"], {"action": "adjust", "amount": 200, "note": "first"})
    decide(api, cab["invoice_id"], {"action": "reject", "note": "second"}, ADMIN)
    analyse(api, "Rani Sharma", {"cab.pdf": CAB})  # the same file again: a re-analysis
    events = api.get(f"{API}/invoices/{cab['invoice_id']}/history", headers=REVIEWER).json()
    assert [e["event"] for e in events] == ["analysed", "reviewed", "reviewed", "reanalysed"]
    assert [e["actor"] for e in events[1:3]] == ["hr-1", "root"]
    assert [e.get("note") for e in events[1:3]] == ["first", "second"]
    assert events[1]["before"]["amount"] == 233 and events[1]["after"]["amount"] == 200
    assert events[2]["amount"] == 0 and events[2]["status"] == "declined"
    assert events[1]["at"] <= events[2]["at"] <= events[3]["at"]


def test_history_is_for_reviewers_and_404_for_unknown(api: TestClient[Any]) -> None:
    cab = by_name(analyse(api, "Rani Sharma", {"cab.pdf": CAB}, RANI))["cab.pdf"]
    assert api.get(f"{API}/invoices/{cab['invoice_id']}/history", headers=RANI).status_code == 403
    assert api.get(f"{API}/invoices/inv_nope/history", headers=REVIEWER).status_code == 404


def test_reanalysis_keeps_a_decision_on_an_unchanged_verdict(api: TestClient[Any]) -> None:
    cab = by_name(analyse(api, "Rani Sharma", {"cab.pdf": CAB}))["cab.pdf"]
    decide(api, cab["invoice_id"], {"action": "adjust", "amount": 100, "note": "n"})
    again = by_name(analyse(api, "Rani Sharma", {"cab.pdf": CAB}))["cab.pdf"]
    # a re-upload is flagged as a duplicate (the verdict changes), so the decision is dropped
    if again["status"] == cab["status"] and again["reimbursement_amount"] == cab["reimbursement_amount"]:
        assert again["review"] is not None and again["final_amount"] == 100
    else:
        assert again["review"] is None and again["final_amount"] == again["reimbursement_amount"]
    assert again["version"] == 3


# --- originals ---------------------------------------------------------------------------------


def test_the_original_is_served_inline_with_its_type_and_scoped_like_the_invoice(
    api: TestClient[Any],
) -> None:
    cab = by_name(analyse(api, "Rani Sharma", {"ride (1).pdf": CAB}, RANI))["ride (1).pdf"]
    url = f"{API}/invoices/{cab['invoice_id']}/document"
    own = api.get(url, headers=RANI)
    assert own.status_code == 200 and own.content == CAB
    assert own.headers["content-type"] == "application/pdf"
    assert own.headers["content-disposition"].startswith('inline; filename="ride (1).pdf"')
    assert api.get(url, headers=REVIEWER).content == CAB
    assert api.get(url, headers=HARDIK).status_code == 404
    assert api.get(f"{API}/invoices/inv_nope/document", headers=REVIEWER).status_code == 404


def test_content_disposition_never_breaks_out_of_its_quotes() -> None:
    from reimburse.http.controllers.review import content_disposition

    header = content_disposition('a";b\\c\u00e9.pdf')
    assert header.startswith('inline; filename="a__b_c_.pdf"; ')
    assert header.endswith("filename*=UTF-8''a%22%3Bb%5Cc%C3%A9.pdf")


# --- queue, batches, policies --------------------------------------------------------------------


def test_the_queue_holds_flagged_undecided_invoices_oldest_first(api: TestClient[Any]) -> None:
    first = by_name(analyse(api, "Rani Sharma", {"flagged-a.pdf": FLAGGED, "cab.pdf": CAB}))
    other = cab_invoice("CAB-8", "310.00", rider="Nobody Known")
    second = by_name(analyse(api, "Hardik Patel", {"flagged-b.pdf": other}))
    assert first["flagged-a.pdf"]["review_required"] and second["flagged-b.pdf"]["review_required"]
    assert not first["cab.pdf"]["review_required"]
    queue = api.get(f"{API}/review-queue", headers=REVIEWER).json()
    assert [i["filename"] for i in queue["items"]] == ["flagged-a.pdf", "flagged-b.pdf"]
    assert queue["total"] == 2
    page = api.get(f"{API}/review-queue?limit=1&offset=1", headers=REVIEWER).json()
    assert [i["filename"] for i in page["items"]] == ["flagged-b.pdf"] and page["total"] == 2
    only = api.get(f"{API}/review-queue?employee_name=hardik%20patel", headers=REVIEWER).json()
    assert [i["filename"] for i in only["items"]] == ["flagged-b.pdf"]
    decide(api, first["flagged-a.pdf"]["invoice_id"], {"action": "approve"})
    after = api.get(f"{API}/review-queue", headers=ADMIN).json()
    assert [i["filename"] for i in after["items"]] == ["flagged-b.pdf"]
    assert api.get(f"{API}/review-queue", headers=RANI).status_code == 403


def test_batches_count_and_sum_per_status_and_employees_see_their_own(api: TestClient[Any]) -> None:
    rani = analyse(api, "Rani Sharma", {"cab.pdf": CAB, "dinner.pdf": DINNER})
    hardik = analyse(api, "Hardik Patel", {"cab.pdf": cab_invoice("CAB-3", "120.00")})
    dinner = by_name(rani)["dinner.pdf"]
    decide(api, dinner["invoice_id"], {"action": "reject", "note": "alcohol"})
    batch = api.get(f"{API}/batches/{rani['batch_id']}", headers=RANI).json()
    assert batch["batch_id"] == rani["batch_id"] and batch["employee_name"] == "Rani Sharma"
    assert batch["policy_id"] == rani["policy_id"] and batch["invoice_count"] == 2
    assert batch["decided_count"] == 1 and batch["created_at"]
    engine = {s["status"]: s for s in batch["by_status"]}
    final = {s["status"]: s for s in batch["by_final_status"]}
    assert sum(s["count"] for s in engine.values()) == 2
    assert "declined" not in engine
    assert final["declined"]["count"] == 1 and final["declined"]["final_amount"] == 0
    assert sum(s["reimbursement_amount"] for s in engine.values()) == sum(
        r["reimbursement_amount"] for r in rani["results"]
    )
    assert api.get(f"{API}/batches/{rani['batch_id']}", headers=HARDIK).status_code == 404
    assert [b["batch_id"] for b in api.get(f"{API}/batches", headers=HARDIK).json()["items"]] == [
        hardik["batch_id"]
    ]
    everyone = api.get(f"{API}/batches", headers=REVIEWER).json()
    assert everyone["total"] == 2 and everyone["items"][0]["batch_id"] == hardik["batch_id"]  # newest first
    assert api.get(f"{API}/batches?employee_name=rani%20sharma", headers=REVIEWER).json()["total"] == 1
    assert api.get(f"{API}/batches/bat_nope", headers=REVIEWER).status_code == 404


def test_policies_lists_what_was_analysed(api: TestClient[Any]) -> None:
    summary = analyse(api, "Rani Sharma", {"cab.pdf": CAB})
    policies = api.get(f"{API}/policies", headers=REVIEWER).json()
    assert [p["policy_id"] for p in policies] == [summary["policy_id"]]
    assert policies[0]["filename"] == "policy.pdf" and policies[0]["first_seen"]
    assert policies[0]["category_count"] >= 2 and policies[0]["rule_count"] >= 2
    assert api.get(f"{API}/policies", headers=RANI).status_code == 403
    assert api.get(f"{API}/policies/{summary['policy_id']}", headers=REVIEWER).status_code == 200


# --- export --------------------------------------------------------------------------------------


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_export_has_the_contract_columns_and_the_decided_amount(api: TestClient[Any]) -> None:
    summary = analyse(api, "Rani Sharma", {"cab.pdf": CAB, "dinner.pdf": DINNER})
    dinner = by_name(summary)["dinner.pdf"]
    decide(api, dinner["invoice_id"], {"action": "adjust", "amount": 550, "note": "ok"})
    response = api.get(f"{API}/exports/invoices.csv", headers=REVIEWER)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    header = response.text.splitlines()[0]
    assert header == (
        "invoice_id,employee_name,filename,invoice_date,invoice_number,vendor,category,currency,"
        "total_amount,reimbursement_amount,status,review_required,final_status,final_amount,reviewer,"
        "decided_at,batch_id"
    )
    rows = {r["filename"]: r for r in read_csv(response.text)}
    assert rows["dinner.pdf"]["final_amount"] == "550.00" and rows["dinner.pdf"]["reviewer"] == "hr-1"
    assert rows["dinner.pdf"]["reimbursement_amount"] == "600.00"
    assert rows["cab.pdf"]["final_amount"] == rows["cab.pdf"]["reimbursement_amount"] == "233.00"
    assert rows["cab.pdf"]["reviewer"] == "" and rows["cab.pdf"]["batch_id"] == summary["batch_id"]
    decided = read_csv(api.get(f"{API}/exports/invoices.csv?decided=true", headers=ADMIN).text)
    assert [r["filename"] for r in decided] == ["dinner.pdf"]
    assert api.get(f"{API}/exports/invoices.csv", headers=RANI).status_code == 403
    assert api.get(f"{API}/exports/invoices.csv?status=nope", headers=REVIEWER).status_code == 400


def test_export_neutralises_formula_cells(api: TestClient[Any]) -> None:
    analyse(api, "Rani Sharma", {"=HYPERLINK(evil).pdf": CAB, "@SUM(1).pdf": DINNER, "+cmd.pdf": FLAGGED})
    rows = read_csv(api.get(f"{API}/exports/invoices.csv", headers=REVIEWER).text)
    assert sorted(r["filename"] for r in rows) == ["'+cmd.pdf", "'=HYPERLINK(evil).pdf", "'@SUM(1).pdf"]


# --- erasure removes originals ---------------------------------------------------------------


def test_erasure_removes_the_employees_documents_but_not_shared_ones(
    api: TestClient[Any], tmp_path: Path
) -> None:
    rani = by_name(analyse(api, "Rani Sharma", {"cab.pdf": CAB, "dinner.pdf": DINNER}))
    hardik = by_name(analyse(api, "Hardik Patel", {"same-dinner.pdf": DINNER}))
    docs = tmp_path / "data" / "documents"
    assert len([p for p in docs.rglob("*") if p.is_file()]) == 2
    report = api.delete(f"{API}/admin/employees/Rani%20Sharma", headers=ADMIN)
    assert report.status_code == 200, report.text
    assert report.json()["documents_removed"] == 1  # the shared dinner stays: Hardik's invoice uses it
    assert report.json()["history_events_removed"] == 2
    assert (
        api.get(f"{API}/invoices/{rani['cab.pdf']['invoice_id']}/document", headers=ADMIN).status_code == 404
    )
    shared = api.get(f"{API}/invoices/{hardik['same-dinner.pdf']['invoice_id']}/document", headers=ADMIN)
    assert shared.status_code == 200 and shared.content == DINNER
    assert [p.name for p in docs.rglob("*") if p.is_file()] == [shared_key(DINNER)]
    assert (
        api.get(f"{API}/invoices/{rani['cab.pdf']['invoice_id']}/history", headers=ADMIN).status_code == 404
    )
    api.delete(f"{API}/admin/employees/Hardik%20Patel", headers=ADMIN)
    assert [p for p in docs.rglob("*") if p.is_file()] == []


def shared_key(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


# --- restart -------------------------------------------------------------------------------------


def test_decisions_history_and_documents_survive_a_restart(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    with TestClient(create_app(offline_container(settings))) as client:
        cab = by_name(analyse(client, "Rani Sharma", {"cab.pdf": CAB}))["cab.pdf"]
        decided = decide(client, cab["invoice_id"], {"action": "adjust", "amount": 99, "note": "n"}).json()
        history = client.get(f"{API}/invoices/{cab['invoice_id']}/history", headers=REVIEWER).json()
    with TestClient(create_app(offline_container(settings))) as client:
        assert client.get(f"{API}/invoices/{cab['invoice_id']}", headers=REVIEWER).json() == decided
        assert client.get(f"{API}/invoices/{cab['invoice_id']}/history", headers=REVIEWER).json() == history
        assert client.get(f"{API}/invoices/{cab['invoice_id']}/document", headers=RANI).content == CAB
        stale = decide(client, cab["invoice_id"], {"action": "approve", "version": 1})
        assert stale.status_code == 409


def test_policy_pdf_is_not_kept_as_an_invoice_document(api: TestClient[Any], tmp_path: Path) -> None:
    analyse(api, "Rani Sharma", {"cab.pdf": CAB})
    files = [p.read_bytes() for p in (tmp_path / "data" / "documents").rglob("*") if p.is_file()]
    assert files == [CAB] and policy_pdf() not in files

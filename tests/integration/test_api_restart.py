"""Stop the app, start it again on the same DATA_DIR: everything reads back, re-uploads don't duplicate."""

from __future__ import annotations

from pathlib import Path

from litestar.testing import TestClient

from reimburse.http.app import create_app
from tests.conftest import analysis_files, make_settings, offline_container

FORM = {"employee_name": "Rani Sharma", "submitted_on": "2024-12-31"}


def test_results_survive_a_restart_without_duplicates(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    with TestClient(create_app(offline_container(settings))) as client:
        first = client.post("/api/v1/analyze-invoices", data=FORM, files=analysis_files()).json()
        before = client.get("/api/v1/invoices").json()
        policy_before = client.get(f"/api/v1/policies/{first['policy_id']}").json()

    with TestClient(create_app(offline_container(settings))) as client:
        after = client.get("/api/v1/invoices").json()
        assert after == before
        assert client.get(f"/api/v1/policies/{first['policy_id']}").json() == policy_before
        client.post("/api/v1/analyze-invoices", data=FORM, files=analysis_files())
        again = client.get("/api/v1/invoices").json()
        assert again["total"] == before["total"] == 3
        assert {i["invoice_id"] for i in again["items"]} == {i["invoice_id"] for i in before["items"]}

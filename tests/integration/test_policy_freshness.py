"""A stored policy read by an older reader version is read again (issue 19): the next verdict uses
the current reading, the older reading stays readable as its version, and admin-written rules
are never replaced by a re-read."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import msgspec
from litestar.testing import TestClient

from reimburse.application.analyze_batch import reusable
from reimburse.container import Container
from reimburse.domain.verdict.policy import Category, Policy
from tests.conftest import analysis_files, cab_invoice, make_zip


def _analyse(client: TestClient[Any], number: str) -> Any:
    data = {"employee_name": "Rani Sharma", "submitted_on": "2024-12-31"}
    files = analysis_files(make_zip({"cab.pdf": cab_invoice(number, "450.00")}))
    response = client.post("/api/v1/analyze-invoices", data=data, files=files)
    assert response.status_code == 200, response.text
    return response.json()


def _store_as(client: TestClient[Any], container: Container, policy_id: str, **changes: Any) -> None:
    """Rewrites the stored reading as if another reader had made it, with the cab cap at 100."""
    store = container.policy_store()
    with client.portal() as portal:
        current = portal.call(store.get, policy_id)
        assert current is not None
        caps = tuple(
            msgspec.structs.replace(c, amount=Decimal(100)) if c.category == "cab" else c
            for c in current.caps
        )
        portal.call(store.save, msgspec.structs.replace(current, caps=caps, **changes))


def test_a_policy_read_by_an_older_reader_is_read_again(
    client: TestClient[Any], container: Container
) -> None:
    first = _analyse(client, "CAB-31")
    policy_id = first["policy_id"]
    _store_as(client, container, policy_id, interpreter="heuristic")  # the name before reader versions

    again = _analyse(client, "CAB-32")["results"][0]
    # The current reading (cab cap 500) decides, not the stale one (100).
    assert (again["status"], again["reimbursement_amount"]) == ("fully_reimbursed", 450)
    assert again["policy_version"] == 2
    stored = client.get(f"/api/v1/policies/{policy_id}").json()
    assert stored["version"] == 2 and stored["interpreter"].startswith("heuristic/")
    older = client.get(f"/api/v1/policies/{policy_id}@v1").json()
    assert next(c for c in older["caps"] if c["category"] == "cab")["amount"] == 100

    # Read once per reader version: the third analysis reuses the second reading.
    third = _analyse(client, "CAB-33")["results"][0]
    assert third["policy_version"] == 2


def test_admin_written_rules_survive_a_reader_change(client: TestClient[Any], container: Container) -> None:
    policy_id = _analyse(client, "CAB-34")["policy_id"]
    _store_as(client, container, policy_id, interpreter="heuristic/1", corrected=True, version=2)

    again = _analyse(client, "CAB-35")["results"][0]
    assert (again["status"], again["reimbursement_amount"]) == ("partially_reimbursed", 100)
    assert again["policy_version"] == 2


def test_which_stored_readings_are_reused() -> None:
    read = Policy("pol_x", "INR", categories=(Category("cab"),), interpreter="heuristic/2")
    assert reusable(read, "heuristic/2")
    assert not reusable(read, "heuristic/3")
    assert not reusable(read, "gemini")
    assert reusable(msgspec.structs.replace(read, corrected=True), "heuristic/3")
    # Before reader versions only a correction raised a version: such a policy was corrected.
    legacy = msgspec.structs.replace(read, interpreter="heuristic", version=2)
    assert reusable(legacy, "heuristic/2")
    assert not reusable(msgspec.structs.replace(legacy, version=1), "heuristic/2")

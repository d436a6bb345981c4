"""A bill is paid once, through the API on the embedded store: a reissued copy (other bytes, same
vendor and number) pays 0 naming the original; a near match goes to review. Batches sent at once:
test_api_claim_concurrency.py."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from litestar.testing import TestClient

from tests import pdf_factory
from tests.conftest import analysis_files, cab_invoice, make_zip

FORM = {"employee_name": "Rani Sharma", "submitted_on": "2024-12-31"}
ANALYSE = "/api/v1/analyze-invoices"


def reissued_cab(number: str = "CAB-1", total: str = "233.00", vendor: str = "Uber India") -> bytes:
    """The same trip receipt printed again: other bytes (a reprint line), the same bill."""
    lines = [
        f"{vendor} Trip Receipt",
        f"Invoice No: {number}" if number else "",
        "Date: 20/12/2024",
        "Rider: Rani Sharma",
        "Trip fare from Airport to Office",
        f"Total: INR {total}",
        "Reprinted at the rider's request",
    ]
    return pdf_factory.text_pdf(*[line for line in lines if line])


def _analyse(client: TestClient[Any], files: dict[str, bytes]) -> list[dict[str, Any]]:
    response = client.post(ANALYSE, data=FORM, files=analysis_files(make_zip(files)))
    assert response.status_code == 200, response.text
    results: list[dict[str, Any]] = response.json()["results"]
    return results


def _paid(results: list[dict[str, Any]]) -> Decimal:
    return sum((Decimal(str(r["reimbursement_amount"])) for r in results), Decimal(0))


def test_a_reissued_copy_of_a_paid_bill_pays_nothing_and_names_the_original(client: TestClient[Any]) -> None:
    original_bytes, copy_bytes = cab_invoice("CAB-1", "233.00"), reissued_cab()
    assert original_bytes != copy_bytes
    [original] = _analyse(client, {"cab-01.pdf": original_bytes})
    assert original["reimbursement_amount"] == 233.0

    [copy] = _analyse(client, {"cab-01-reprint.pdf": copy_bytes})
    assert copy["invoice_id"] != original["invoice_id"]  # another file: another claim
    assert copy["status"] == "declined"
    assert copy["reimbursement_amount"] == 0
    assert original["invoice_id"] in copy["reason"]
    assert "claimed on 2024-12-31" in copy["reason"]
    assert [f["code"] for f in copy["flags"]].count("duplicate") == 1

    # The original is untouched; both are stored; the employee is paid once.
    listed = client.get("/api/v1/invoices", params={"employee_name": "Rani Sharma"}).json()["items"]
    assert _paid(listed) == Decimal("233.00")


def test_a_copy_in_the_same_batch_pays_once_whatever_the_zip_order(client: TestClient[Any]) -> None:
    results = _analyse(
        client, {"b-reprint.pdf": reissued_cab(), "a-original.pdf": cab_invoice("CAB-1", "233.00")}
    )
    assert _paid(results) == Decimal("233.00")
    declined = [r for r in results if r["status"] == "declined"]
    assert len(declined) == 1
    paid = next(r for r in results if r["status"] != "declined")
    assert paid["filename"] == "b-reprint.pdf"  # same date: the first in the ZIP is the one paid
    assert paid["invoice_id"] in declined[0]["reason"]


def test_a_near_match_is_flagged_for_review_not_declined(client: TestClient[Any]) -> None:
    _analyse(client, {"cab-01.pdf": cab_invoice("CAB-1", "233.00")})
    # Same day and amount, no number printed, the vendor spelled otherwise: maybe the same ride.
    [near] = _analyse(client, {"cab-photo.pdf": reissued_cab(number="", vendor="Uber Indya")})
    assert near["reimbursement_amount"] == 233.0
    assert near["status"] != "declined"
    assert near["review_required"] is True
    messages = [f["message"] for f in near["flags"] if f["code"] == "duplicate"]
    assert len(messages) == 1 and messages[0].startswith("Possibly the same bill")


def test_another_bill_of_the_same_vendor_is_paid(client: TestClient[Any]) -> None:
    _analyse(client, {"cab-01.pdf": cab_invoice("CAB-1", "233.00")})
    [other] = _analyse(client, {"cab-02.pdf": cab_invoice("CAB-2", "233.00")})
    assert other["reimbursement_amount"] == 233.0
    assert not any(f["code"] == "duplicate" for f in other["flags"])

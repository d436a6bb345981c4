"""Limits that span invoices, end to end through the API on the embedded store (issue 13): a policy
PDF with a per-day and a per-month limit, two batches of one employee, exact sums per period."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from dependency_injector import providers
from litestar.testing import TestClient

from reimburse.container import Container
from reimburse.domain.access import Role
from reimburse.http.app import create_app
from tests import pdf_factory
from tests.conftest import analysis_files, make_settings, make_zip, offline_container
from tests.fakes.fixed_clock import FixedClock
from tests.integration.test_security import SECRET, bearer

POLICY = pdf_factory.text_pdf(
    "Northwind Travel and Expense Policy",
    "1. Meals are reimbursed up to INR 600 per day in total, whatever the number of bills.",
    "2. Local cab rides (taxi, Uber, Ola) are reimbursed up to INR 1,000 per month.",
    "3. Claims must be submitted within 30 days of the invoice date.",
)


def meal(number: str, amount: str, when: str) -> bytes:
    return pdf_factory.text_pdf(
        "Spice Garden Restaurant",
        f"Bill No: {number}",
        f"Date: {when}",
        f"Paneer Tikka {amount}",
        f"Grand Total: INR {amount}",
    )


def cab(number: str, amount: str, when: str) -> bytes:
    return pdf_factory.text_pdf(
        "Uber India Trip Receipt",
        f"Invoice No: {number}",
        f"Date: {when}",
        "Rider: Rani Sharma",
        "Trip fare from Airport to Office",
        f"Total: INR {amount}",
    )


FIRST = {
    "meal-a.pdf": meal("M-1", "300.00", "03/03/2025"),
    "meal-b.pdf": meal("M-2", "420.00", "03/03/2025"),
    "meal-c.pdf": meal("M-3", "250.00", "04/03/2025"),
    "cab-1.pdf": cab("C-1", "400.00", "05/03/2025"),
    "cab-2.pdf": cab("C-2", "450.00", "10/03/2025"),
}
SECOND = {
    "meal-d.pdf": meal("M-4", "500.00", "04/03/2025"),
    "meal-e.pdf": meal("M-5", "100.00", "03/03/2025"),
    "cab-3.pdf": cab("C-3", "300.00", "12/03/2025"),
    "cab-4.pdf": cab("C-4", "300.00", "02/04/2025"),
}


def _analyse(client: TestClient[Any], files: dict[str, bytes], employee: str, on: str) -> dict[str, Any]:
    form = {"employee_name": employee, "submitted_on": on}
    response = client.post(
        "/api/v1/analyze-invoices", data=form, files=analysis_files(make_zip(files), POLICY)
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert not body["processing_errors"], body["processing_errors"]
    return body


def _paid(body: dict[str, Any]) -> dict[str, Decimal]:
    return {r["filename"]: Decimal(str(r["reimbursement_amount"])) for r in body["results"]}


def _per_period(bodies: list[dict[str, Any]]) -> dict[tuple[str, str], Decimal]:
    """Granted per category and period (meals per day, cabs per month)."""
    out: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for body in bodies:
        for r in body["results"]:
            category = r["categories"][0]
            period = r["invoice_date"] if category == "meals" else r["invoice_date"][:7]
            out[(category, period)] += Decimal(str(r["reimbursement_amount"]))
    return dict(out)


def test_two_batches_of_one_employee_share_the_day_and_month_limits(client: TestClient[Any]) -> None:
    first = _analyse(client, FIRST, "Rani Sharma", "2025-03-20")
    caps = client.get(f"/api/v1/policies/{first['policy_id']}").json()["caps"]
    assert {c["category"]: c["period"] for c in caps} == {"meals": "day", "cab": "month"}

    assert _paid(first) == {
        "meal-a.pdf": Decimal(300),
        "meal-b.pdf": Decimal(300),  # 300 of 420: the day's 600 is spent by meal-a and this one
        "meal-c.pdf": Decimal(250),
        "cab-1.pdf": Decimal(400),
        "cab-2.pdf": Decimal(450),
    }
    by_file = {r["filename"]: r for r in first["results"]}
    assert (
        "600 INR per day; 300.00 INR was already granted on 3 Mar 2025, so 300.00 of 420.00 INR"
        in (by_file["meal-b.pdf"]["reason"])
    )

    second = _analyse(client, SECOND, "Rani Sharma", "2025-04-02")
    assert _paid(second) == {
        "meal-d.pdf": Decimal(350),  # 4 Mar had 250 granted in the first batch
        "meal-e.pdf": Decimal(0),  # 3 Mar is at its limit
        "cab-3.pdf": Decimal(150),  # March had 850 of 1,000
        "cab-4.pdf": Decimal(300),  # April starts afresh
    }
    assert _per_period([first, second]) == {
        ("meals", "2025-03-03"): Decimal(600),
        ("meals", "2025-03-04"): Decimal(600),
        ("cab", "2025-03"): Decimal(1000),
        ("cab", "2025-04"): Decimal(300),
    }

    # The first batch again (same files): each invoice's own grant is replaced, not added to.
    again = _analyse(client, FIRST, "Rani Sharma", "2025-04-02")
    assert sum(_paid(again).values()) == sum(_paid(first).values())
    stored = client.get("/api/v1/invoices", params={"employee_name": "Rani Sharma", "limit": 50}).json()
    assert sum(Decimal(str(i["reimbursement_amount"])) for i in stored["items"]) == Decimal(2500)


def test_a_permuted_batch_grants_the_same_total_per_period(client: TestClient[Any]) -> None:
    files = {**FIRST, **SECOND}
    reversed_files = dict(reversed(list(files.items())))
    forward = _analyse(client, files, "Arjun Rao", "2025-04-02")
    backward = _analyse(client, reversed_files, "Meera Iyer", "2025-04-02")
    assert _per_period([forward]) == _per_period([backward])
    assert _per_period([forward])[("meals", "2025-03-03")] == Decimal(600)
    assert sum(_paid(forward).values()) == Decimal(2500)


def test_a_reviewers_adjustment_frees_the_rest_of_the_limit(client: TestClient[Any]) -> None:
    first = _analyse(client, {"meal-a.pdf": FIRST["meal-a.pdf"]}, "Kavya Nair", "2025-03-20")
    (result,) = first["results"]
    invoice = client.get(f"/api/v1/invoices/{result['invoice_id']}").json()
    decision = {"action": "adjust", "amount": 100, "note": "one guest only", "version": invoice["version"]}
    reviewed = client.post(f"/api/v1/invoices/{result['invoice_id']}/review", json=decision)
    assert reviewed.status_code in (200, 201), reviewed.text

    later = _analyse(client, {"meal-b.pdf": FIRST["meal-b.pdf"]}, "Kavya Nair", "2025-03-20")
    assert _paid(later) == {"meal-b.pdf": Decimal(420)}  # 600 - 100: the whole 420 fits
    assert "100.00 INR was already granted on 3 Mar 2025" in later["results"][0]["reason"]


def test_the_chat_says_how_much_of_an_allowance_is_left_this_month(container: Container) -> None:
    container.clock.override(providers.Object(FixedClock(date(2025, 3, 20))))
    with TestClient(create_app(container)) as client:
        _analyse(client, FIRST, "Rani Sharma", "2025-03-20")

        def ask(question: str) -> str:
            response = client.post("/api/v1/chat", json={"query": question})
            assert response.status_code == 200, response.text
            answer: str = response.json()["response"]
            return answer

        cabs = ask("How much of Rani Sharma's cab allowance is left this month?")
        assert "Cab: 1000 INR per month; in March 2025 850.00 INR was granted to Rani Sharma" in cabs
        assert "so 150.00 INR is left" in cabs
        meals = ask("How much of Rani Sharma's meal allowance is left on 4 March 2025?")
        assert (
            "on 4 Mar 2025 250.00 INR was granted to Rani Sharma (on 4 Mar 2025), so 350.00 INR is left"
            in meals
        )
        assert "Name one employee" in ask("How much of the meal allowance is left this month?")


def test_an_employee_asks_about_my_allowance(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, auth_enabled=True, secret_key=SECRET, rate_limit_per_minute=1000)
    container = offline_container(settings)
    container.clock.override(providers.Object(FixedClock(date(2025, 3, 20))))
    with TestClient(create_app(container)) as client:
        admin = bearer("hr-1", Role.ADMIN)
        form = {"employee_name": "Rani Sharma", "submitted_on": "2025-03-20"}
        sent = analysis_files(make_zip(FIRST), POLICY)
        assert (
            client.post("/api/v1/analyze-invoices", data=form, files=sent, headers=admin).status_code == 200
        )
        rani = bearer("Rani Sharma", Role.EMPLOYEE)
        question = {"query": "How much of my cab allowance is left this month?"}
        response = client.post("/api/v1/chat", json=question, headers=rani)
        assert response.status_code == 200, response.text
        assert "so 150.00 INR is left" in response.json()["response"]

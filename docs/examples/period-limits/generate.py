#!/usr/bin/env python3
"""Generate the period-limit example (issue 13): a policy with a per-day, a per-month and a
one-claim-a-month limit, two batches of invoices from one employee, and the ground truth.

    python docs/examples/period-limits/generate.py            # write next to this file
    python docs/examples/period-limits/generate.py --out DIR  # write somewhere else

Uses only reportlab and the standard library; the output is byte-for-byte reproducible.

The ground truth in expected.json is computed here from this file's own table and the limits as
the policy prints them, never by running the service: invoices are taken batch by batch, each batch
by invoice date then ZIP order; a limit per day or month is what is left of it after the grants
before (earlier batches included); "one bill a month" pays the first bill of each month only.
"""

from __future__ import annotations

import argparse
import io
import json
import zipfile
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

HERE = Path(__file__).resolve().parent
EMPLOYEE = "Vikram Menon"
ZIP_TIME = (2025, 4, 2, 9, 0, 0)

POLICY = [
    "Lakeside Analytics Pvt. Ltd.",
    "Travel and Local Expense Reimbursement Policy",
    "Effective 1 January 2025",
    "",
    "1. Purpose",
    "This policy sets out which business expenses are reimbursed and up to what limits.",
    "",
    "2. Scope",
    "It applies to every employee of Lakeside Analytics in India.",
    "",
    "3. Limits",
    "3.1 Meals are reimbursed up to INR 600 per day in total, whatever the number of bills.",
    "3.2 Local cab rides (taxi, Uber, Ola) are reimbursed up to INR 1,500 per month.",
    "3.3 One mobile phone bill a month is reimbursed, up to INR 800.",
    "",
    "4. Exclusions",
    "4.1 Alcoholic beverages such as beer and wine will not be reimbursed.",
    "",
    "5. Submission",
    "5.1 Claims must be submitted within 30 days of the invoice date.",
]

# category -> (limit, period, claims per period): as section 3 prints it.
LIMITS = {
    "meals": (Decimal(600), "day", 0),
    "cab": (Decimal(1500), "month", 0),
    "phone": (Decimal(800), "month", 1),
}


@dataclass(frozen=True)
class Bill:
    filename: str
    category: str
    vendor: str
    number: str
    day: date
    item: str
    amount: Decimal


BATCHES: dict[str, tuple[date, list[Bill]]] = {
    "batch-1": (
        date(2025, 3, 31),
        [
            Bill(
                "meal-01.pdf",
                "meals",
                "Spice Garden Restaurant",
                "SG-1041",
                date(2025, 3, 3),
                "Veg Thali",
                Decimal("350.00"),
            ),
            Bill(
                "meal-02.pdf",
                "meals",
                "Cafe Mocha",
                "CM-2208",
                date(2025, 3, 3),
                "Pasta Arrabiata",
                Decimal("420.00"),
            ),
            Bill(
                "meal-03.pdf",
                "meals",
                "Spice Garden Restaurant",
                "SG-1077",
                date(2025, 3, 4),
                "Paneer Tikka",
                Decimal("180.00"),
            ),
            Bill(
                "cab-01.pdf",
                "cab",
                "Uber India",
                "UB-55120",
                date(2025, 3, 5),
                "Trip fare from Airport to Office",
                Decimal("640.00"),
            ),
            Bill(
                "cab-02.pdf",
                "cab",
                "Ola Cabs",
                "OL-88213",
                date(2025, 3, 12),
                "Trip fare from Office to Client site",
                Decimal("700.00"),
            ),
            Bill(
                "phone-01.pdf",
                "phone",
                "Airtel",
                "AT-3301",
                date(2025, 3, 10),
                "Mobile postpaid plan March",
                Decimal("799.00"),
            ),
        ],
    ),
    "batch-2": (
        date(2025, 4, 2),
        [
            Bill(
                "meal-04.pdf",
                "meals",
                "Cafe Mocha",
                "CM-2291",
                date(2025, 3, 3),
                "Cold Coffee",
                Decimal("150.00"),
            ),
            Bill(
                "meal-05.pdf",
                "meals",
                "Spice Garden Restaurant",
                "SG-1102",
                date(2025, 3, 4),
                "Veg Biryani",
                Decimal("500.00"),
            ),
            Bill(
                "cab-03.pdf",
                "cab",
                "Uber India",
                "UB-56004",
                date(2025, 3, 20),
                "Trip fare from Office to Airport",
                Decimal("400.00"),
            ),
            Bill(
                "cab-04.pdf",
                "cab",
                "Ola Cabs",
                "OL-90117",
                date(2025, 4, 1),
                "Trip fare from Home to Office",
                Decimal("400.00"),
            ),
            Bill(
                "phone-02.pdf",
                "phone",
                "Jio",
                "JIO-7702",
                date(2025, 3, 28),
                "Mobile prepaid recharge",
                Decimal("499.00"),
            ),
            Bill(
                "phone-03.pdf",
                "phone",
                "Airtel",
                "AT-3417",
                date(2025, 4, 1),
                "Mobile postpaid plan April",
                Decimal("799.00"),
            ),
        ],
    ),
}


def pdf(lines: list[str]) -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, invariant=True)
    c.setFont("Helvetica", 11)
    y = 780.0
    for line in lines:
        c.drawString(72, y, line)
        y -= 16.5
    c.showPage()
    c.save()
    return buf.getvalue()


def bill_lines(b: Bill) -> list[str]:
    when = f"{b.day:%d/%m/%Y}"
    if b.category == "cab":
        return [
            f"{b.vendor} Trip Receipt",
            f"Invoice No: {b.number}",
            f"Date: {when}",
            f"Rider: {EMPLOYEE}",
            b.item,
            f"Total: INR {b.amount}",
        ]
    if b.category == "phone":
        return [
            f"{b.vendor} Mobile Bill",
            f"Bill No: {b.number}",
            f"Bill Date: {when}",
            f"Customer: {EMPLOYEE}",
            f"{b.item} {b.amount}",
            f"Amount Payable: INR {b.amount}",
        ]
    return [
        b.vendor,
        f"Bill No: {b.number}",
        f"Date: {when}",
        f"{b.item} {b.amount}",
        f"Grand Total: INR {b.amount}",
    ]


def zipped(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for name, data in files.items():
            zf.writestr(zipfile.ZipInfo(name, ZIP_TIME), data)
    return buf.getvalue()


def period_key(category: str, day: date) -> str:
    return day.isoformat() if LIMITS[category][1] == "day" else f"{day:%Y-%m}"


def ground_truth() -> dict[str, object]:
    """The expected grants, from the table above and section 3 alone."""
    used: dict[tuple[str, str], Decimal] = {}
    paid_claims: dict[tuple[str, str], int] = {}
    batches = []
    for name, (submitted_on, bills) in BATCHES.items():
        order = sorted(range(len(bills)), key=lambda i: (bills[i].day, i))
        results = {}
        for i in order:
            b = bills[i]
            limit, _, claims = LIMITS[b.category]
            key = (b.category, period_key(b.category, b.day))
            if claims:
                grant = Decimal(0) if paid_claims.get(key, 0) >= claims else min(b.amount, limit)
            else:
                grant = max(min(b.amount, limit - used.get(key, Decimal(0))), Decimal(0))
            used[key] = used.get(key, Decimal(0)) + grant
            paid_claims[key] = paid_claims.get(key, 0) + (1 if grant > 0 else 0)
            status = (
                "declined"
                if grant == 0
                else "fully_reimbursed"
                if grant == b.amount
                else "partially_reimbursed"
            )
            results[b.filename] = {
                "category": b.category,
                "invoice_date": b.day.isoformat(),
                "total": str(b.amount),
                "reimbursement_amount": str(grant.quantize(Decimal("0.01"))),
                "status": status,
            }
        batches.append(
            {
                "name": name,
                "zip": f"{name}.zip",
                "submitted_on": submitted_on.isoformat(),
                "invoices": {f: results[f] for f in (b.filename for b in bills)},
            }
        )
    per_period = {f"{c} {p}": str(v.quantize(Decimal("0.01"))) for (c, p), v in sorted(used.items())}
    return {
        "about": "Ground truth written by generate.py from its own table and section 3 of policy.pdf; "
        "never produced by running the service. Batches are analysed in this order, for one employee.",
        "employee_name": EMPLOYEE,
        "policy": "policy.pdf",
        "limits": {c: {"amount": str(a), "period": p, "claims": n} for c, (a, p, n) in LIMITS.items()},
        "batches": batches,
        "granted_per_period": per_period,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE)
    out: Path = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    (out / "policy.pdf").write_bytes(pdf(POLICY))
    for name, (_, bills) in BATCHES.items():
        (out / f"{name}.zip").write_bytes(zipped({b.filename: pdf(bill_lines(b)) for b in bills}))
    (out / "expected.json").write_text(json.dumps(ground_truth(), indent=2) + "\n")


if __name__ == "__main__":
    main()

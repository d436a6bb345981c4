"""A deterministic set of analysed invoices for chat tests and benchmarks (seeded random, 2024)."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from reimburse.domain.record import InvoiceRecord
from reimburse.domain.verdict.policy import CapRule, CapUnit, Category, Policy

EMPLOYEES = ("Rani Sharma", "Hardik Patel", "Ana María López", "John O'Brien", "Wei Chen", "Amit Sharma")
CATEGORIES = ("meals", "cab", "hotel", "flight", "train")
STATUSES = ("fully_reimbursed", "partially_reimbursed", "declined")
VENDORS = {
    "meals": ("Spice Garden", "Cafe Coffee Day", "Starbucks", "Barbeque Nation"),
    "cab": ("Uber India", "Ola Cabs", "Meru"),
    "hotel": ("Taj Hotels", "Marriott", "Holiday Inn"),
    "flight": ("IndiGo", "Air India", "Vistara"),
    "train": ("IRCTC",),
}
# Each employee mostly claims in one currency; a few foreign trips add others.
HOME_CURRENCY = {
    "Rani Sharma": "INR",
    "Hardik Patel": "INR",
    "Ana María López": "EUR",
    "John O'Brien": "USD",
    "Wei Chen": "INR",
    "Amit Sharma": "INR",
}
POLICY_ID = "pol_chat_dataset"
MEAL_CLAUSE = "1. Meals: restaurant bills are reimbursed up to INR 1,000 per meal."
CAB_CLAUSE = "2. Local cab rides (taxi, Uber, Ola) are reimbursed up to INR 500 per ride."
HOTEL_CLAUSE = "3. Hotel accommodation is reimbursed up to INR 3,000 per night."
ALCOHOL_CLAUSE = "4. Alcoholic beverages such as beer and wine will not be reimbursed."


def policy() -> Policy:
    return Policy(
        policy_id=POLICY_ID,
        currency="INR",
        categories=(
            Category("meals", ("food", "restaurant", "dinner", "lunch"), MEAL_CLAUSE),
            Category("cab", ("taxi", "uber", "ola"), CAB_CLAUSE),
            Category("hotel", ("accommodation", "stay"), HOTEL_CLAUSE),
            Category("flight", ("airfare",), ""),
            Category("train", ("rail",), ""),
        ),
        caps=(
            CapRule("cap-meals", "meals", Decimal(1000), "INR", CapUnit.MEAL, MEAL_CLAUSE),
            CapRule("cap-cab", "cab", Decimal(500), "INR", CapUnit.RIDE, CAB_CLAUSE),
            CapRule("cap-hotel", "hotel", Decimal(3000), "INR", CapUnit.NIGHT, HOTEL_CLAUSE),
        ),
        title="Acme Travel and Expense Policy",
    )


def _cents(rng: random.Random, low: int, high: int) -> Decimal:
    return Decimal(rng.randint(low * 100, high * 100)) / 100


def records(n: int, seed: int = 7) -> list[InvoiceRecord]:
    rng = random.Random(seed)
    out: list[InvoiceRecord] = []
    base = datetime(2025, 1, 1, 9, tzinfo=UTC)
    for i in range(n):
        employee = EMPLOYEES[i % len(EMPLOYEES)] if i < len(EMPLOYEES) * 2 else rng.choice(EMPLOYEES)
        category = rng.choice(CATEGORIES)
        status = rng.choices(STATUSES, weights=(5, 3, 2))[0]
        currency = HOME_CURRENCY[employee] if rng.random() < 0.9 else rng.choice(("INR", "EUR", "USD", "CHF"))
        total = _cents(rng, 50, 6000)
        if status == "fully_reimbursed":
            paid = total
        elif status == "partially_reimbursed":
            paid = (total * Decimal(rng.randint(10, 90)) / 100).quantize(Decimal("0.01"))
        else:
            paid = Decimal("0.00")
        day = date(2024, 1, 1) + timedelta(days=rng.randint(0, 365))  # 2024 is a leap year: 1 Jan .. 31 Dec
        vendor = rng.choice(VENDORS[category])
        number = f"INV-{100000 + i}"
        reason = {
            "fully_reimbursed": f"Within the {category} limit; reimbursed in full.",
            "partially_reimbursed": f"Capped at the {category} limit; the rest is not reimbursable.",
            "declined": f"The {category} claim was submitted after the deadline.",
        }[status]
        out.append(
            InvoiceRecord(
                invoice_id=f"inv_{i:06d}",
                employee_name=employee,
                batch_id=f"bat_{i // 25:04d}",
                policy_id=POLICY_ID,
                filename=f"{category}-{i:05d}.pdf",
                file_sha256=f"{i:064x}",
                analyzed_at=base + timedelta(minutes=i),
                submitted_on=day + timedelta(days=3),
                status=status,
                reason=reason,
                total_amount=total,
                reimbursement_amount=paid,
                currency=currency,
                categories=(category,),
                invoice_date=day,
                invoice_number=number,
                vendor=vendor,
                review_required=i % 17 == 0,
                text=f"{vendor}\nInvoice No: {number}\nDate: {day.isoformat()}\nTotal: {currency} {total}",
            )
        )
    return out

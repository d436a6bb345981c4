"""Gemini's policy reading keeps what the offline reader keeps (issue 19): table cells with their
grade and place, meal-of-the-day limits, rates and other non-limit amounts, conditional exclusions.
Without them, a grade x city table read by Gemini became several unconditional caps, every one of
them applied, and a claim was cut to the lowest cell without a word to the reviewer."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from reimburse.adapters.gemini.client import GeminiGateway
from reimburse.adapters.gemini.policy_interpreter import GeminiPolicyInterpreter
from reimburse.domain.errors import PolicyError
from reimburse.domain.verdict.decide import Claim, decide
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice, LineItem
from reimburse.domain.verdict.policy import CapUnit, RuleType
from reimburse.domain.verdict.verdict import FlagCode, Status
from tests.fakes.fake_gemini_server import FakeGeminiServer, Reply

TEXT = """Northwind Travel Rules
Hotel limits per night:   Mumbai   Other cities
Band A                    9,000    6,000
Band B                    7,000    4,500
Dinner is reimbursed up to 1,200 per meal.
Private cars are paid at 12 per km.
Trips above 50,000 need the director's approval.
Laundry is not reimbursed if the trip is shorter than five days.
Amounts are in INR."""

DOC = Document(filename="rules.pdf", sha256="cd" * 32, text=TEXT, pages=(TEXT,))
DAY = date(2024, 6, 3)


def cell(amount: str, band: str, place: str) -> dict[str, Any]:
    return {
        "category": "hotel",
        "amount": amount,
        "currency": None,
        "unit": "night",
        "clause": TEXT.splitlines()[2 if band == "Band A" else 3],
        "condition": {"grades": [band], "locations": [place], "other": None},
    }


def reading(**changes: Any) -> dict[str, Any]:
    value: dict[str, Any] = {
        "title": "Northwind Travel Rules",
        "currency": "INR",
        "categories": [
            {"name": "hotel", "synonyms": ["hotel", "stay"], "clause": TEXT.splitlines()[1]},
            {"name": "meals", "synonyms": ["dinner", "restaurant"], "clause": TEXT.splitlines()[4]},
            {"name": "car", "synonyms": ["mileage"], "clause": TEXT.splitlines()[5]},
        ],
        "caps": [
            cell("9,000", "Band A", "Mumbai"),
            cell("6,000", "Band A", "Other cities"),
            cell("7,000", "Band B", "Mumbai"),
            cell("4,500", "Band B", "Other cities"),
            {
                "category": "meals",
                "amount": "1,200",
                "currency": None,
                "unit": "meal",
                "clause": TEXT.splitlines()[4],
                "meal": "Dinner",
            },
        ],
        "amounts": [
            {"kind": "rate", "amount": "12", "unit": "km", "category": "car", "clause": TEXT.splitlines()[5]},
            {"kind": "approval_threshold", "amount": "50,000", "clause": TEXT.splitlines()[6]},
        ],
        "exclusions": [
            {
                "name": "laundry",
                "keywords": ["laundry"],
                "categories": [],
                "clause": TEXT.splitlines()[7],
                "condition": "if the trip is shorter than five days",
            }
        ],
        "deadline": None,
    }
    value.update(changes)
    return value


def hotel_bill(total: str) -> Invoice:
    return Invoice(total=Decimal(total), currency="INR", category="hotel", invoice_date=DAY, nights=1)


async def test_table_cells_keep_their_band_and_place(
    server: FakeGeminiServer, gateway: GeminiGateway
) -> None:
    server.script(Reply.model_json(reading()))

    policy = await GeminiPolicyInterpreter(gateway).interpret(DOC)

    rows = {
        (c.condition.grades, c.condition.locations): c.amount
        for c in policy.caps_for("hotel")
        if c.condition is not None
    }
    assert rows == {
        (("Band A",), ("Mumbai",)): Decimal(9000),
        (("Band A",), ("Other cities",)): Decimal(6000),
        (("Band B",), ("Mumbai",)): Decimal(7000),
        (("Band B",), ("Other cities",)): Decimal(4500),
    }
    # The schema sent to the model asks for the condition of a cap.
    schema = server.requests[0].generation_config["responseJsonSchema"]
    condition = schema["properties"]["caps"]["items"]["properties"]["condition"]
    assert {"grades", "locations", "other"} <= set(condition["properties"])


async def test_the_claims_row_is_paid_and_a_missing_grade_goes_to_review(
    server: FakeGeminiServer, gateway: GeminiGateway
) -> None:
    server.script(Reply.model_json(reading()))
    policy = await GeminiPolicyInterpreter(gateway).interpret(DOC)

    known = decide(policy, hotel_bill("8000"), Claim("Asha", DAY, employee_grade="B", location="Mumbai"))
    unknown = decide(policy, hotel_bill("8000"), Claim("Asha", DAY, location="Mumbai"))

    assert (known.status, known.reimbursable) == (Status.PARTIALLY_REIMBURSED, Decimal("7000.00"))
    assert not known.review_required
    assert unknown.review_required and unknown.reimbursable == Decimal("7000.00")
    assert any(f.code == FlagCode.MISSING_FACT and "employee_grade" in f.message for f in unknown.flags)


async def test_a_place_the_policy_does_not_print_is_never_matched(
    server: FakeGeminiServer, gateway: GeminiGateway
) -> None:
    # The model paraphrased the column "Mumbai" as "Bombay": no claim may be matched against it.
    caps = [cell("9,000", "Band A", "Bombay"), cell("6,000", "Band A", "Other cities")]
    server.script(Reply.model_json(reading(caps=caps)))
    policy = await GeminiPolicyInterpreter(gateway).interpret(DOC)

    bombay = next(c for c in policy.caps if c.amount == Decimal(9000))
    assert bombay.condition is not None and bombay.condition.locations == ()
    assert "Bombay (not printed in the policy)" in bombay.condition.other
    verdict = decide(policy, hotel_bill("8500"), Claim("Asha", DAY, employee_grade="A", location="Bombay"))
    assert verdict.review_required
    assert any(f.code == FlagCode.MISSING_FACT for f in verdict.flags)


async def test_a_meal_of_the_day_limit_names_its_meal(
    server: FakeGeminiServer, gateway: GeminiGateway
) -> None:
    server.script(Reply.model_json(reading()))

    policy = await GeminiPolicyInterpreter(gateway).interpret(DOC)

    (dinner,) = policy.caps_for("meals")
    assert (dinner.meal, dinner.amount, dinner.unit) == ("dinner", Decimal(1200), CapUnit.MEAL)


async def test_rates_and_thresholds_are_amounts_not_caps(
    server: FakeGeminiServer, gateway: GeminiGateway
) -> None:
    server.script(Reply.model_json(reading()))

    policy = await GeminiPolicyInterpreter(gateway).interpret(DOC)

    assert {(a.kind, a.amount, a.unit, a.category) for a in policy.amounts} == {
        (RuleType.RATE, Decimal(12), CapUnit.KM, "car"),
        (RuleType.APPROVAL_THRESHOLD, Decimal(50000), None, None),
    }
    assert all(c.amount not in (Decimal(12), Decimal(50000)) for c in policy.caps)
    assert policy.rates_for("car")[0].amount == Decimal(12)


async def test_an_unprinted_rate_is_rejected(server: FakeGeminiServer, gateway: GeminiGateway) -> None:
    amounts = [{"kind": "rate", "amount": "15", "unit": "km", "category": "car", "clause": "x"}]
    server.script(Reply.model_json(reading(amounts=amounts)))

    with pytest.raises(PolicyError, match="amount 15 is not printed"):
        await GeminiPolicyInterpreter(gateway).interpret(DOC)


async def test_a_conditional_exclusion_goes_to_review_instead_of_declining(
    server: FakeGeminiServer, gateway: GeminiGateway
) -> None:
    server.script(Reply.model_json(reading()))
    policy = await GeminiPolicyInterpreter(gateway).interpret(DOC)

    (laundry,) = policy.exclusions
    assert laundry.condition == "if the trip is shorter than five days"
    bill = Invoice(
        total=Decimal("3000"),
        currency="INR",
        category="hotel",
        invoice_date=DAY,
        nights=1,
        line_items=(LineItem("Room", Decimal("2600")), LineItem("Laundry", Decimal("400"))),
    )
    verdict = decide(policy, bill, Claim("Asha", DAY, employee_grade="B", location="Mumbai"))
    assert verdict.reimbursable == Decimal("3000.00") and verdict.review_required

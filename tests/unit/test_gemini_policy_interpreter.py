"""GeminiPolicyInterpreter over the fake server."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from reimburse.adapters.gemini.client import GeminiGateway
from reimburse.adapters.gemini.fallback import FallbackPolicyInterpreter
from reimburse.adapters.gemini.policy_interpreter import GeminiPolicyInterpreter
from reimburse.domain.errors import InterpreterUnavailable, PolicyError, ReaderUnavailable
from reimburse.domain.ids import policy_id_for
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import CapUnit, Category, Period, Policy
from tests.fakes.fake_gemini_server import FakeGeminiServer, Reply

TEXT = """Acme Travel and Expense Policy
1. Meals: restaurant bills are reimbursed up to INR 1,000 per meal.
2. Hotel accommodation is reimbursed up to INR 3,000 per night.
3. Alcoholic beverages such as beer and wine will not be reimbursed.
4. Claims must be submitted within 30 days of the invoice date."""

DOC = Document(filename="policy.pdf", sha256="ab" * 32, text=TEXT, pages=(TEXT,))


def reading(**changes: Any) -> dict[str, Any]:
    value: dict[str, Any] = {
        "title": "Acme Travel and Expense Policy",
        "currency": "INR",
        "categories": [
            {"name": "Meals", "synonyms": ["restaurant", "food"], "clause": TEXT.splitlines()[1]},
            {"name": "hotel", "synonyms": ["accommodation", "stay"], "clause": TEXT.splitlines()[2]},
        ],
        "caps": [
            {
                "category": "meals",
                "amount": "1,000",
                "currency": "INR",
                "unit": "meal",
                "clause": "up to INR 1,000",
            },
            {
                "category": "accommodation",
                "amount": "3000",
                "currency": None,
                "unit": "night",
                "clause": "3,000",
            },
        ],
        "exclusions": [{"name": "Alcohol", "keywords": ["beer", "wine"], "categories": [], "clause": "..."}],
        "deadline": {"days": 30, "clause": TEXT.splitlines()[4]},
    }
    value.update(changes)
    return value


async def test_reads_rules_with_their_clauses(server: FakeGeminiServer, gateway: GeminiGateway) -> None:
    server.script(Reply.model_json(reading()))

    policy = await GeminiPolicyInterpreter(gateway).interpret(DOC)

    assert policy.policy_id == policy_id_for(DOC.sha256) and policy.interpreter == "gemini"
    assert [c.name for c in policy.categories] == ["meals", "hotel"]
    meals, hotel = policy.caps
    assert (meals.category, meals.amount, meals.unit) == ("meals", Decimal(1000), CapUnit.MEAL)
    assert (hotel.category, hotel.amount, hotel.currency) == ("hotel", Decimal(3000), "INR")  # via synonym
    assert policy.exclusions[0].keywords == ("beer", "wine")
    assert policy.deadline is not None and policy.deadline.days == 30
    assert policy.deadline.clause == TEXT.splitlines()[4]
    schema = server.requests[0].generation_config["responseJsonSchema"]
    unit = schema["properties"]["caps"]["items"]["properties"]["unit"]
    assert set(unit["enum"]) == {u.value for u in CapUnit}


async def test_a_cap_the_policy_does_not_print_is_rejected(
    server: FakeGeminiServer, gateway: GeminiGateway
) -> None:
    caps = [{"category": "meals", "amount": "10000", "currency": "INR", "unit": "meal", "clause": "x"}]
    server.script(Reply.model_json(reading(caps=caps)))

    with pytest.raises(PolicyError, match="10000"):
        await GeminiPolicyInterpreter(gateway).interpret(DOC)


async def test_an_unprinted_deadline_is_rejected(server: FakeGeminiServer, gateway: GeminiGateway) -> None:
    server.script(Reply.model_json(reading(deadline={"days": 90, "clause": "x"})))

    with pytest.raises(PolicyError, match="90 days"):
        await GeminiPolicyInterpreter(gateway).interpret(DOC)


async def test_invalid_twice_is_a_policy_error(server: FakeGeminiServer, gateway: GeminiGateway) -> None:
    server.script(Reply.model_json(reading(caps=[{"unit": "fortnight"}])), Reply.model_text(""))

    with pytest.raises(PolicyError, match="after one repair") as caught:
        await GeminiPolicyInterpreter(gateway).interpret(DOC)
    assert len(server.requests) == 2
    assert not isinstance(caught.value, ReaderUnavailable)  # the model answered: a 422, not a 503


async def test_gemini_down_is_an_unavailable_interpreter(
    server: FakeGeminiServer, gateway: GeminiGateway
) -> None:
    server.respond_with(lambda _: Reply.error(503))

    with pytest.raises(InterpreterUnavailable, match="Gemini unavailable") as caught:
        await GeminiPolicyInterpreter(gateway).interpret(DOC)

    # still a PolicyError, so a fallback interpreter takes over
    assert isinstance(caught.value, PolicyError) and caught.value.code == "PolicyError"


async def test_no_rules_is_a_policy_error(server: FakeGeminiServer, gateway: GeminiGateway) -> None:
    server.script(Reply.model_json(reading(categories=[], caps=[], exclusions=[], deadline=None)))

    with pytest.raises(PolicyError, match="no reimbursement rule"):
        await GeminiPolicyInterpreter(gateway).interpret(DOC)


class OneRuleInterpreter:
    name = "heuristic"

    async def interpret(self, document: Document) -> Policy:
        return Policy(policy_id="p", currency="INR", categories=(Category("meals"),), interpreter="heuristic")


async def test_fallback_marks_the_policy(server: FakeGeminiServer, gateway: GeminiGateway) -> None:
    server.respond_with(lambda _: Reply.error(503))
    interpreter = FallbackPolicyInterpreter(GeminiPolicyInterpreter(gateway), OneRuleInterpreter())

    policy = await interpreter.interpret(DOC)

    assert policy.interpreter == "heuristic(fallback)"
    assert interpreter.fallbacks == 1 and len(server.requests) == 2


async def test_a_period_limit_and_a_count_of_claims_are_read(
    server: FakeGeminiServer, gateway: GeminiGateway
) -> None:
    caps = [
        {
            "category": "meals",
            "amount": "1,000",
            "currency": "INR",
            "unit": "day",
            "clause": "a",
            "period": "day",
        },
        {
            "category": "hotel",
            "amount": "3000",
            "currency": None,
            "unit": "night",
            "clause": "b",
            "claims": 2,
        },
    ]
    server.script(Reply.model_json(reading(caps=caps)))

    meals, hotel = (await GeminiPolicyInterpreter(gateway).interpret(DOC)).caps

    assert meals.period is Period.DAY and meals.spans_invoices
    # A count of claims without a period means nothing: the cap stays per invoice.
    assert hotel.period is Period.INVOICE and hotel.claims == 0
    schema = server.requests[0].generation_config["responseJsonSchema"]
    period = schema["properties"]["caps"]["items"]["properties"]["period"]
    assert set(period["enum"]) == {p.value for p in Period}

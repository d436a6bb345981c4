"""Per-meal limits written by an admin (issue 19): `meal` on a limit in policy-as-data (TOML) and in
`PUT /policies/{id}/rules` (JSON), judged as the reader's meal rows are."""

from __future__ import annotations

import asyncio
from datetime import date
from decimal import Decimal

import msgspec
import pytest

from reimburse.application.correct_policy import CorrectPolicy, InvalidCorrection, RuleCorrection, check_rules
from reimburse.domain.access import Viewer
from reimburse.domain.verdict.decide import Claim, decide
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.policy import Category, Policy
from reimburse.domain.verdict.verdict import FlagCode, Status
from tests.fakes.memory_stores import InMemoryPolicyStore
from tests.policy_toml import policy_from_toml, toml_head

MEAL_ROWS = (
    toml_head("USD", "meals")
    + b"""
[[caps]]
category = "meals"
amount = 15
unit = "meal"
meal = "Breakfast"
clause = "Breakfast: $15"
[[caps]]
category = "meals"
amount = 40
unit = "meal"
meal = "dinner"
clause = "Dinner: $40"
"""
)


def test_a_meal_on_a_limit_becomes_the_caps_meal_and_names_its_id() -> None:
    policy = policy_from_toml(MEAL_ROWS)
    check_rules(policy)
    breakfast, dinner = policy.caps
    assert (breakfast.meal, breakfast.rule_id) == ("breakfast", "cap:meals:meal:breakfast")
    assert (dinner.meal, dinner.rule_id) == ("dinner", "cap:meals:meal:dinner")
    assert breakfast.condition is None  # what is capped, not a condition


def test_an_invoice_that_does_not_say_its_meal_gets_the_lowest_row_and_a_review() -> None:
    policy = policy_from_toml(MEAL_ROWS)
    verdict = decide(policy, Invoice(total=Decimal(30), category="meals"), Claim("Ada", date(2025, 1, 10)))
    assert verdict.status is Status.PARTIALLY_REIMBURSED
    assert verdict.reimbursable == Decimal("15.00")
    assert FlagCode.MISSING_FACT in {f.code for f in verdict.flags}


def test_a_meal_that_is_no_meal_of_the_day_is_refused() -> None:
    data = MEAL_ROWS.replace(b'meal = "dinner"', b'meal = "snack"')
    with pytest.raises(InvalidCorrection, match="meal must be one of"):
        check_rules(policy_from_toml(data))


def test_a_correction_through_the_api_body_carries_the_meal() -> None:
    store = InMemoryPolicyStore()
    read = Policy("pol_y", "USD", categories=(Category("meals"),))
    asyncio.run(store.save(read))
    body = (
        b'{"caps": [{"rule_id": "cap:meals:lunch", "category": "meals", "amount": 25, "currency": "USD",'
        b' "unit": "meal", "clause": "Lunch: $25", "meal": "lunch"}]}'
    )
    correction = msgspec.json.decode(body, type=RuleCorrection)
    corrected = asyncio.run(CorrectPolicy(store)(Viewer.anonymous_admin(), "pol_y", correction))
    assert corrected is not None and [c.meal for c in corrected.caps] == ["lunch"]
    bad = msgspec.json.decode(body.replace(b'"meal": "lunch"', b'"meal": "elevenses"'), type=RuleCorrection)
    with pytest.raises(InvalidCorrection):
        asyncio.run(CorrectPolicy(store)(Viewer.anonymous_admin(), "pol_y", bad))

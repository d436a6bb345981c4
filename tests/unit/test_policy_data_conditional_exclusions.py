"""A conditional exclusion written by an admin (issue 19): `condition` on an exclusion in
policy-as-data (TOML) and in `PUT /policies/{id}/rules` (JSON) reaches the rule the engine judges."""

from __future__ import annotations

import asyncio
from datetime import date
from decimal import Decimal

import msgspec

from reimburse.application.correct_policy import CorrectPolicy, RuleCorrection, check_rules
from reimburse.domain.access import Viewer
from reimburse.domain.verdict.decide import Claim, decide
from reimburse.domain.verdict.invoice import Invoice, LineItem
from reimburse.domain.verdict.policy import Category, Policy
from reimburse.domain.verdict.verdict import FlagCode, Status
from tests.fakes.memory_stores import InMemoryPolicyStore
from tests.policy_toml import policy_from_toml, toml_head

CONDITION = "unless the stay lasts five nights or more"
DATA = (
    toml_head("EUR", "hotel")
    + f"""
[[exclusions]]
name = "laundry"
keywords = ["laundry", "dry cleaning"]
clause = "Laundry, {CONDITION}."
condition = "{CONDITION}"
[[exclusions]]
name = "minibar"
clause = "No minibar."
""".encode()
)
BILL = Invoice(
    total=Decimal("150.00"),
    currency="EUR",
    category="hotel",
    line_items=(
        LineItem(description="Room", amount=Decimal("100.00")),
        LineItem(description="Dry cleaning", amount=Decimal("30.00")),
        LineItem(description="Minibar", amount=Decimal("20.00")),
    ),
)


def test_the_condition_in_a_data_file_makes_a_conditional_rule() -> None:
    policy = policy_from_toml(DATA)
    check_rules(policy)
    laundry, minibar = policy.exclusions
    assert (laundry.condition, laundry.keywords) == (CONDITION, ("laundry", "dry cleaning"))
    assert minibar.condition == ""  # left out: refused outright, as before


def test_the_engine_cuts_the_outright_item_and_sends_the_conditional_one_to_review() -> None:
    verdict = decide(policy_from_toml(DATA), BILL, Claim("Ada", date(2025, 1, 10)))
    assert (verdict.status, verdict.reimbursable) == (Status.PARTIALLY_REIMBURSED, Decimal("130.00"))
    assert any(f.code == FlagCode.MISSING_FACT and CONDITION in f.message for f in verdict.flags)


def test_a_correction_through_the_api_body_carries_the_condition_and_back() -> None:
    store = InMemoryPolicyStore()
    asyncio.run(store.save(Policy("pol_y", "EUR", categories=(Category("hotel"),))))
    body = (
        b'{"exclusions": [{"rule_id": "exclude:laundry", "name": "laundry", "keywords": ["laundry"],'
        b' "clause": "Laundry on short trips", "condition": "if the trip is under five days"}]}'
    )
    correction = msgspec.json.decode(body, type=RuleCorrection)
    corrected = asyncio.run(CorrectPolicy(store)(Viewer.anonymous_admin(), "pol_y", correction))
    assert corrected is not None
    assert [e.condition for e in corrected.exclusions] == ["if the trip is under five days"]
    # What the store keeps and gives back is the same rule.
    again = msgspec.json.decode(msgspec.json.encode(corrected), type=Policy)
    assert again.exclusions == corrected.exclusions

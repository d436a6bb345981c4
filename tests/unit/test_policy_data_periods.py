"""Policy-as-data: a cap's period and count of claims (issue 13)."""

from __future__ import annotations

import pytest

from reimburse.application.correct_policy import InvalidCorrection, check_rules
from reimburse.application.policy_data import InvalidPolicyData, parse_policy_data
from reimburse.domain.verdict.policy import Period
from tests.policy_toml import policy_from_toml, toml_head

HEAD = toml_head("INR", "meals", "laptop")


def test_period_keys_become_the_caps_scope() -> None:
    data = (
        HEAD
        + b"""
[[caps]]
category = "meals"
amount = 600
unit = "day"
period = "day"
[[caps]]
category = "laptop"
amount = 90000
unit = "invoice"
period = "year"
period_length = 3
claims = 1
"""
    )
    policy = policy_from_toml(data)
    check_rules(policy)
    meals, laptop = policy.caps
    assert (meals.period, meals.period_length, meals.claims) == (Period.DAY, 1, 0)
    assert (laptop.period, laptop.period_length, laptop.claims) == (Period.YEAR, 3, 1)


def test_without_a_period_a_cap_is_per_invoice() -> None:
    data = HEAD + b'[[caps]]\ncategory = "meals"\namount = 600\nunit = "day"\n'
    (cap,) = policy_from_toml(data).caps
    assert cap.period is Period.INVOICE and not cap.spans_invoices


def test_an_unknown_period_is_refused() -> None:
    data = HEAD + b'[[caps]]\ncategory = "meals"\namount = 600\nunit = "day"\nperiod = "fortnight"\n'
    with pytest.raises(InvalidPolicyData, match="period"):
        parse_policy_data(data)


def test_a_count_of_claims_needs_a_period() -> None:
    data = HEAD + b'[[caps]]\ncategory = "meals"\namount = 600\nunit = "day"\nclaims = 2\n'
    with pytest.raises(InvalidCorrection, match="need a period"):
        check_rules(policy_from_toml(data))

"""Grade ranges and prose limits as policies print them (issue 19): "Band 3 and above", "grades
5-7", "level 4 or higher"; "may not exceed", "up to", "a maximum of"."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.domain.verdict.decide import Claim, decide
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.policy import CapUnit, Condition, Policy, RuleType
from reimburse.domain.verdict.verdict import FlagCode


def read(text: str) -> Policy:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return HeuristicPolicyInterpreter(default_currency="USD").read(Document("p.pdf", sha, text, (text,)))


@pytest.mark.parametrize(
    ("accepted", "inside", "outside"),
    [
        ("Band 3 and above", "Band 4", "Band 2"),
        ("level 4 or higher", "Level 4", "Level 3"),
        ("Grade 5+", "grade 9", "grade 4"),
        ("Grades 2 and below", "Grade 1", "Grade 3"),
        ("Grades 5-7", "Grade 6", "Grade 8"),
        ("Grades B to D", "Grade C", "Grade E"),
    ],
)
def test_a_grade_range_holds_inside_its_bounds(accepted: str, inside: str, outside: str) -> None:
    condition = Condition(grades=(accepted,))
    assert condition.holds(inside, None) is True
    assert condition.holds(outside, None) is False


@given(st.integers(1, 20), st.integers(1, 20))
def test_and_above_is_at_least_the_bound(bound: int, level: int) -> None:
    assert Condition(grades=(f"Band {bound} and above",)).holds(f"Band {level}", None) is (level >= bound)


def test_a_verdict_takes_the_row_of_an_open_grade_range() -> None:
    policy = read(
        "Hotel stays are reimbursed.\n"
        "Hotel: Band 3 and above: USD 250 per night; Band 1-2: USD 150 per night.\n"
    )
    rows = {c.condition.grades[0] if c.condition else "": c.amount for c in policy.caps}
    assert rows == {"Band 3 and above": Decimal(250), "Band 1-2": Decimal(150)}
    bill = Invoice(total=Decimal(240), currency="USD", category="hotel", invoice_date=date(2024, 5, 2))
    senior = decide(policy, bill, Claim("Rani", date(2024, 5, 3), employee_grade="Band 4"))
    assert senior.reimbursable == Decimal(240)
    junior = decide(policy, bill, Claim("Rani", date(2024, 5, 3), employee_grade="Band 2"))
    assert junior.reimbursable == Decimal(150)
    unknown = decide(policy, bill, Claim("Rani", date(2024, 5, 3)))
    assert any(f.code == FlagCode.MISSING_FACT for f in unknown.flags)


@pytest.mark.parametrize(
    "sentence",
    [
        "Lodging costs may not exceed $180 per night.",
        "Hotel stays are reimbursed up to $180 per night.",
        "Hotel stays are reimbursed to a maximum of $180 per night.",
        "The maximum hotel rate is $180 per night.",
        "Hotel accommodation shall not exceed USD 180 per night.",
    ],
)
def test_limits_written_in_prose(sentence: str) -> None:
    policy = read("Hotel stays are reimbursed.\n" + sentence + "\n")
    assert [(c.category, c.amount, c.unit) for c in policy.caps] == [("hotel", Decimal(180), CapUnit.NIGHT)]


def test_a_per_diem_schedule_paid_without_receipts_is_a_set_of_rates() -> None:
    policy = read(
        "Meals are reimbursed.\nPer diem rates (no receipts required): Breakfast $10, Lunch $15, Dinner $25.\n"
    )
    assert not policy.caps
    assert {a.amount for a in policy.amounts if a.kind is RuleType.RATE} == {
        Decimal(10),
        Decimal(15),
        Decimal(25),
    }
    # A receipt rule is still a threshold, not a rate.
    policy = read("Meals are reimbursed.\nReceipts are required for meals over $75.\n")
    assert [a.kind for a in policy.amounts] == [RuleType.APPROVAL_THRESHOLD]


def rows(policy: Policy) -> set[tuple[Decimal, str, str]]:
    return {(c.amount, c.unit.value, c.scope) for c in policy.caps}


def test_alternatives_with_their_scope_in_brackets() -> None:
    policy = read(
        "Meals are reimbursed.\nBreakfast $8 (in-state) / $10 (out-of-state); Lunch $12 (in-state) / $15 (out-of-state).\n"
    )
    assert rows(policy) == {
        (Decimal(8), "meal", "breakfast; location in-state"),
        (Decimal(10), "meal", "breakfast; location out-of-state"),
        (Decimal(12), "meal", "lunch; location in-state"),
        (Decimal(15), "meal", "lunch; location out-of-state"),
    }
    # The unit printed once, after the last alternative, serves both.
    policy = read("Meals are reimbursed.\nMeals up to $50 (domestic) or $75 (international) per day.\n")
    assert rows(policy) == {
        (Decimal(50), "day", "location domestic"),
        (Decimal(75), "day", "location international"),
    }

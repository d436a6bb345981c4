"""A grade table's fallback row ("Other grades", "All others") in the verdict engine (issue 19):
it holds for every grade no other row names, and is never paid on a guessed grade."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from reimburse.domain.verdict.decide import Claim, decide
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.money import quantize
from reimburse.domain.verdict.policy import CapRule, CapUnit, Category, Condition, Policy
from reimburse.domain.verdict.verdict import FlagCode

money = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("20000"), places=2)
limits = st.decimals(min_value=Decimal("1"), max_value=Decimal("10000"), places=2)
DAY = date(2024, 6, 1)
FALLBACK_NAMES = ("Other grades", "All other employees", "All others", "remaining bands")


def policy(named: Decimal, other: Decimal, fallback: str, location: str = "") -> Policy:
    where = (location,) if location else ()
    caps = (
        CapRule("cap:a", "hotel", named, "USD", CapUnit.NIGHT, "a", Condition(("Grade A",), where)),
        CapRule("cap:o", "hotel", other, "USD", CapUnit.NIGHT, "o", Condition((fallback,), where)),
    )
    return Policy("p", "USD", categories=(Category("hotel", ("hotel",), "Hotels."),), caps=caps)


def hotel(total: Decimal) -> Invoice:
    return Invoice(total=total, currency="USD", category="hotel", invoice_date=DAY, nights=1)


@settings(max_examples=100)
@given(money, limits, limits, st.sampled_from(FALLBACK_NAMES), st.sampled_from(("A", "grade a", "B", "M3")))
def test_the_fallback_row_holds_for_every_grade_no_other_row_names(
    total: Decimal, named: Decimal, other: Decimal, fallback: str, grade: str
) -> None:
    v = decide(policy(named, other, fallback), hotel(total), Claim("Rani", DAY, employee_grade=grade))
    row = named if grade.lower().endswith("a") else other
    assert v.reimbursable == min(quantize(total), quantize(row))
    assert not any(f.code == FlagCode.MISSING_FACT for f in v.flags)


@settings(max_examples=100)
@given(money, limits, limits, st.sampled_from(FALLBACK_NAMES))
def test_without_a_grade_the_lowest_row_is_paid_and_a_reviewer_decides(
    total: Decimal, named: Decimal, other: Decimal, fallback: str
) -> None:
    v = decide(policy(named, other, fallback), hotel(total), Claim("Rani", DAY))
    assert v.reimbursable == min(quantize(total), quantize(min(named, other)))
    assert v.review_required
    assert any(f.code == FlagCode.MISSING_FACT for f in v.flags)


@settings(max_examples=50)
@given(money, limits, limits, st.sampled_from(("Domestic", "International")))
def test_the_fallback_row_still_needs_its_location(
    total: Decimal, named: Decimal, other: Decimal, location: str
) -> None:
    claim = Claim("Rani", DAY, employee_grade="C", location=location)
    v = decide(policy(named, other, "Other grades", "Domestic"), hotel(total), claim)
    if location == "Domestic":
        assert v.reimbursable == min(quantize(total), quantize(other))
    else:
        # No row of the table holds abroad: the other grades' domestic limit is not applied.
        assert "cap:o" not in {r.rule_id for r in v.rules_applied}


def test_a_named_grade_is_no_fallback() -> None:
    assert not Condition(grades=("Grade A",)).grade_fallback
    assert Condition(grades=("Other grades",)).grade_fallback
    assert not Condition(grades=("Other grades",)).names_grade("B")

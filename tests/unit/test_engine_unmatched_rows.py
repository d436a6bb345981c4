"""A claim whose place or grade is in no row of a limit table (issue 19): Toronto under a table of
regions, grade Z under a table of grades A and B. Before, every row's condition was false, no limit
applied, and the invoice was paid in full without a flag."""

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
REGIONS = ("Yukon", "Nunavut", "Northwest Territories")
DAY = date(2024, 6, 1)


def table(amounts: dict[tuple[str, str], Decimal]) -> Policy:
    caps = tuple(
        CapRule(
            f"cap:{grade}:{place}",
            "meals",
            amount,
            "CAD",
            CapUnit.DAY,
            f"{grade} {place} {amount}",
            Condition(grades=(grade,) if grade else (), locations=(place,) if place else ()),
        )
        for (grade, place), amount in amounts.items()
    )
    return Policy("p", "CAD", categories=(Category("meals", ("meal",), "Meals."),), caps=caps)


def meal(total: Decimal) -> Invoice:
    return Invoice(total=total, currency="CAD", category="meals", invoice_date=DAY)


def missing(v: object) -> list[str]:
    return [f.message for f in getattr(v, "flags", ()) if f.code == FlagCode.MISSING_FACT]


@settings(max_examples=100)
@given(money, st.lists(limits, min_size=3, max_size=3), st.sampled_from(("Toronto", "Paris, France")))
def test_a_place_in_no_row_gets_the_lowest_row_and_a_reviewer(
    total: Decimal, amounts: list[Decimal], place: str
) -> None:
    policy = table({("", region): a for region, a in zip(REGIONS, amounts, strict=True)})

    v = decide(policy, meal(total), Claim("Kim", DAY, location=place))

    assert v.reimbursable == min(quantize(total), quantize(min(amounts)))
    assert v.review_required
    (message,) = missing(v)
    assert repr(place) in message and "none of the meals limit's rows" in message


@settings(max_examples=100)
@given(money, limits, limits, st.sampled_from(REGIONS[:2]))
def test_a_place_in_a_row_is_paid_on_that_row_without_a_flag(
    total: Decimal, first: Decimal, second: Decimal, place: str
) -> None:
    policy = table({("", REGIONS[0]): first, ("", REGIONS[1]): second})

    v = decide(policy, meal(total), Claim("Kim", DAY, location=place))

    row = first if place == REGIONS[0] else second
    assert v.reimbursable == min(quantize(total), quantize(row))
    assert not missing(v)


@settings(max_examples=100)
@given(money, limits, limits)
def test_a_grade_in_no_row_gets_the_lowest_row_and_a_reviewer(
    total: Decimal, first: Decimal, second: Decimal
) -> None:
    policy = table({("Grade A", ""): first, ("Grade B", ""): second})

    v = decide(policy, meal(total), Claim("Kim", DAY, employee_grade="Z"))

    assert v.reimbursable == min(quantize(total), quantize(min(first, second)))
    assert any("grade 'Z'" in m for m in missing(v))


@settings(max_examples=50)
@given(money, limits)
def test_a_lone_conditional_limit_caps_only_where_it_holds(total: Decimal, london: Decimal) -> None:
    policy = table({("", "London"): london})

    v = decide(policy, meal(total), Claim("Kim", DAY, location="Leeds"))

    assert v.reimbursable == quantize(total)
    assert not v.review_required


@settings(max_examples=50)
@given(money, limits, limits)
def test_a_place_every_row_shares_is_no_choice_between_rows(
    total: Decimal, first: Decimal, second: Decimal
) -> None:
    # A grade table for domestic travel says nothing about a trip abroad.
    policy = table({("Grade A", "Domestic"): first, ("Grade B", "Domestic"): second})

    v = decide(policy, meal(total), Claim("Kim", DAY, employee_grade="A", location="International"))

    assert v.reimbursable == quantize(total)
    assert not missing(v)


@settings(max_examples=50)
@given(money, limits, limits)
def test_an_elsewhere_row_takes_the_unnamed_place(total: Decimal, named: Decimal, rest: Decimal) -> None:
    policy = table({("", "London"): named, ("", "elsewhere"): rest})

    v = decide(policy, meal(total), Claim("Kim", DAY, location="Leeds"))

    assert v.reimbursable == min(quantize(total), quantize(rest))
    assert not missing(v)

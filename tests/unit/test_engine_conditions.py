"""Conditional limits (by grade and location), rates and non-limit amounts in the verdict engine."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from reimburse.domain.verdict.decide import Claim, decide
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.money import quantize
from reimburse.domain.verdict.policy import (
    AmountRule,
    CapRule,
    CapUnit,
    Category,
    Condition,
    DeadlineRule,
    Policy,
    RuleType,
)
from reimburse.domain.verdict.verdict import FlagCode, Status

GRADES = ("A", "B", "C")
CITIES = ("Tier 1", "Tier 2")
money = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("20000"), places=2)
limits = st.decimals(min_value=Decimal("1"), max_value=Decimal("10000"), places=2)
DAY = date(2024, 6, 1)


@st.composite
def tables(draw: st.DrawFn) -> dict[tuple[str, str], Decimal]:
    """A hotel limit table: one amount per (grade, city class) cell."""
    return {(g, c): draw(limits) for g in GRADES for c in CITIES}


def table_policy(table: dict[tuple[str, str], Decimal], extra: tuple[AmountRule, ...] = ()) -> Policy:
    caps = tuple(
        CapRule(
            f"cap:hotel:{g}:{c}",
            "hotel",
            amount,
            "INR",
            CapUnit.NIGHT,
            f"Grade {g}, {c} cities: {amount} per night",
            condition=Condition(grades=(f"Grade {g}",), locations=(f"{c} cities",)),
        )
        for (g, c), amount in table.items()
    )
    return Policy(
        "pol_table",
        "INR",
        categories=(Category("hotel", ("hotel",), "Hotel stays are covered."),),
        caps=caps,
        amounts=extra,
    )


def hotel(total: Decimal) -> Invoice:
    return Invoice(total=total, currency="INR", category="hotel", invoice_date=DAY, nights=1)


@settings(max_examples=200)
@given(tables(), money, st.sampled_from(GRADES), st.sampled_from(CITIES))
def test_the_row_matching_grade_and_location_is_used(
    table: dict[tuple[str, str], Decimal], total: Decimal, grade: str, city: str
) -> None:
    claim = Claim("Rani", DAY, employee_grade=grade, location=city)
    v = decide(table_policy(table), hotel(total), claim)
    assert v.reimbursable == min(quantize(total), quantize(table[(grade, city)]))
    assert not any(f.code == FlagCode.MISSING_FACT for f in v.flags)
    if v.status is Status.PARTIALLY_REIMBURSED:
        assert f"cap:hotel:{grade}:{city}" in {r.rule_id for r in v.rules_applied}


@settings(max_examples=200)
@given(tables(), money, st.sampled_from((None, *GRADES)), st.sampled_from((None, *CITIES)))
def test_a_missing_fact_goes_to_review_and_is_never_paid_above_any_possible_row(
    table: dict[tuple[str, str], Decimal], total: Decimal, grade: str | None, city: str | None
) -> None:
    claim = Claim("Rani", DAY, employee_grade=grade, location=city)
    v = decide(table_policy(table), hotel(total), claim)
    possible = [a for (g, c), a in table.items() if grade in (None, g) and city in (None, c)]
    assert v.reimbursable <= min(quantize(total), quantize(min(possible)))
    missing = [f for f in v.flags if f.code == FlagCode.MISSING_FACT]
    if grade is None or city is None:
        assert v.review_required and missing
        named = missing[0].message.split(", which")[0]
        assert ("employee_grade" in named) == (grade is None)
        assert ("location" in named) == (city is None)
    else:
        assert not missing


@settings(max_examples=100)
@given(tables(), money, st.sampled_from(("gym", "alcohol", "electronics")))
def test_an_uncovered_category_is_declined_as_not_covered(
    table: dict[tuple[str, str], Decimal], total: Decimal, category: str
) -> None:
    invoice = Invoice(total=total, currency="INR", category=category, invoice_date=DAY)
    v = decide(table_policy(table), invoice, Claim("Rani", DAY, employee_grade="A", location="Tier 1"))
    assert v.status is Status.DECLINED and v.reimbursable == 0
    assert "not covered" in v.reason
    assert not v.review_required


@settings(max_examples=100)
@given(
    tables(),
    money,
    st.lists(
        st.tuples(
            st.sampled_from(
                [RuleType.APPROVAL_THRESHOLD, RuleType.ADVANCE, RuleType.EXAMPLE, RuleType.REFERENCE]
            ),
            limits,
        ),
        max_size=4,
    ),
)
def test_amounts_that_are_not_limits_never_change_the_verdict(
    table: dict[tuple[str, str], Decimal], total: Decimal, others: list[tuple[RuleType, Decimal]]
) -> None:
    extra = tuple(
        AmountRule(f"amount:{i}", kind, amount, "INR", "Approval above this.", category="hotel")
        for i, (kind, amount) in enumerate(others)
    )
    claim = Claim("Rani", DAY, employee_grade="B", location="Tier 2")
    assert decide(table_policy(table, extra), hotel(total), claim) == decide(
        table_policy(table), hotel(total), claim
    )


def mileage_policy(rate: Decimal) -> Policy:
    return Policy(
        "pol_rate",
        "USD",
        categories=(Category("mileage", ("mileage",), "Personal car use is reimbursed."),),
        amounts=(
            AmountRule(
                "rate:mileage:mile",
                RuleType.RATE,
                rate,
                "USD",
                f"${rate} per mile",
                category="mileage",
                unit=CapUnit.MILE,
            ),
        ),
    )


rates = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("5"), places=3)
distances = st.decimals(min_value=Decimal("0"), max_value=Decimal("2000"), places=1)


@settings(max_examples=200)
@given(rates, distances, money)
def test_a_rate_pays_rate_times_quantity_at_most_the_claimed_amount(
    rate: Decimal, miles: Decimal, total: Decimal
) -> None:
    invoice = Invoice(total=total, currency="USD", category="mileage", invoice_date=DAY)
    v = decide(mileage_policy(rate), invoice, Claim("Rani", DAY, quantities={"mile": miles}))
    assert v.reimbursable == min(quantize(total), quantize(rate * miles))
    assert not v.review_required


@settings(max_examples=50)
@given(rates, money)
def test_a_rate_without_the_quantity_goes_to_review_unpaid(rate: Decimal, total: Decimal) -> None:
    invoice = Invoice(total=total, currency="USD", category="mileage", invoice_date=DAY)
    v = decide(mileage_policy(rate), invoice, Claim("Rani", DAY))
    assert v.reimbursable == 0
    assert any(f.code == FlagCode.MISSING_FACT and "mile" in f.message for f in v.flags)


def test_a_condition_the_engine_cannot_check_sends_the_invoice_to_review() -> None:
    cap = CapRule(
        "cap:meals:grant",
        "meals",
        Decimal(36),
        "USD",
        CapUnit.DAY,
        "The maximum meal reimbursement for a 24-hour period is $36.00.",
        condition=Condition(other="State of Florida sponsored grants"),
    )
    policy = Policy("p", "USD", categories=(Category("meals", ("meal",), "Meals."),), caps=(cap,))
    invoice = Invoice(total=Decimal(50), currency="USD", category="meals", invoice_date=DAY)
    v = decide(policy, invoice, Claim("Rani", DAY, employee_grade="A", location="Miami"))
    assert v.review_required
    assert any("State of Florida" in f.message for f in v.flags)


def test_condition_matching_ignores_dimension_words_but_not_values() -> None:
    c = Condition(grades=("Grade A",), locations=("United States and Canada",))
    assert c.holds("a", "Canada") is True
    assert c.holds("B", "Canada") is False
    assert c.holds("A", None) is None
    assert Condition(locations=("Tier 1 cities",)).holds(None, "Tier 2") is False


def _late(rule: DeadlineRule, invoiced: date, submitted: date) -> bool:
    policy = Policy("p", "USD", categories=(Category("meals", ("meal",), "Meals."),), deadline=rule)
    invoice = Invoice(total=Decimal(10), currency="USD", category="meals", invoice_date=invoiced)
    return decide(policy, invoice, Claim("Rani", submitted)).status is Status.DECLINED


def test_a_deadline_in_months_counts_calendar_months() -> None:
    rule = DeadlineRule("deadline:1m", 30, "within one month", months=1)
    assert not _late(rule, date(2024, 1, 31), date(2024, 2, 29))  # the 31st + 1 month = Feb's last day
    assert _late(rule, date(2024, 1, 31), date(2024, 3, 1))
    assert not _late(rule, date(2024, 3, 15), date(2024, 4, 15))


@settings(max_examples=100)
@given(st.dates(date(2024, 1, 1), date(2025, 12, 31)), st.integers(1, 30))
def test_a_business_day_deadline_is_never_shorter_than_the_same_count_of_calendar_days(
    invoiced: date, days: int
) -> None:
    calendar = DeadlineRule("d", days, "c")
    business = DeadlineRule("b", days, "c", business_days=True)
    for offset in range(0, days * 2 + 5):
        submitted = invoiced + timedelta(days=offset)
        if _late(business, invoiced, submitted):
            assert _late(calendar, invoiced, submitted)


def test_ten_business_days_skip_the_weekends() -> None:
    rule = DeadlineRule("deadline:10bd", 10, "within 10 business days", business_days=True)
    # Monday 2024-06-03 + 10 weekdays = Monday 2024-06-17
    assert not _late(rule, date(2024, 6, 3), date(2024, 6, 17))
    assert _late(rule, date(2024, 6, 3), date(2024, 6, 18))


@settings(max_examples=100)
@given(money, limits, limits, st.sampled_from(("Metro cities", "metro", "Pune", "Tier 3", None)))
def test_an_elsewhere_row_holds_wherever_no_other_row_does(
    total: Decimal, metro: Decimal, other: Decimal, location: str | None
) -> None:
    caps = (
        CapRule("cap:m", "hotel", metro, "INR", CapUnit.NIGHT, "m", Condition(locations=("Metro cities",))),
        CapRule("cap:e", "hotel", other, "INR", CapUnit.NIGHT, "e", Condition(locations=("elsewhere",))),
    )
    policy = Policy("p", "INR", categories=(Category("hotel", ("hotel",), "Hotels."),), caps=caps)
    v = decide(policy, hotel(total), Claim("Rani", DAY, location=location))
    if location is None:
        assert v.reimbursable <= min(quantize(total), quantize(min(metro, other))) and v.review_required
    elif location.lower().startswith("metro"):
        assert v.reimbursable == min(quantize(total), quantize(metro))
    else:
        assert v.reimbursable == min(quantize(total), quantize(other))


@given(st.sampled_from("EML"), st.integers(1, 9), st.integers(1, 9), st.integers(0, 12))
def test_a_grade_range_holds_for_the_grades_between_its_bounds(
    prefix: str, a: int, b: int, grade: int
) -> None:
    low, high = sorted((a, b))
    condition = Condition(grades=(f"{prefix}{low}-{prefix}{high}",))
    assert condition.holds(f"{prefix}{grade}", None) is (low <= grade <= high)
    assert condition.holds(f"X{grade}", None) is False


@settings(max_examples=100)
@given(money, limits, limits, st.sampled_from(("major cities", "Pune", None)))
def test_a_matching_row_replaces_the_general_limit_of_its_unit(
    total: Decimal, general: Decimal, major: Decimal, location: str | None
) -> None:
    caps = (
        CapRule("cap:g", "meals", general, "INR", CapUnit.DAY, "g"),
        CapRule("cap:m", "meals", major, "INR", CapUnit.DAY, "m", Condition(locations=("major cities",))),
    )
    policy = Policy("p", "INR", categories=(Category("meals", ("meal",), "Meals."),), caps=caps)
    invoice = Invoice(total=total, currency="INR", category="meals", invoice_date=DAY)
    v = decide(policy, invoice, Claim("Rani", DAY, location=location))
    if location == "major cities":
        assert v.reimbursable == min(quantize(total), quantize(major))
    elif location is None:
        assert v.reimbursable == min(quantize(total), quantize(general), quantize(major))
    else:
        assert v.reimbursable == min(quantize(total), quantize(general))

"""Conditional exclusions in the verdict engine (issue 19): an item a policy refuses only under a
condition ("laundry, unless the stay is 5 days or more") is neither cut nor passed silently: the
invoice goes to a reviewer with a flag quoting the clause. Unconditional exclusions still cut."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from reimburse.domain.verdict.decide import Claim, decide
from reimburse.domain.verdict.invoice import Invoice, LineItem
from reimburse.domain.verdict.policy import Category, ExclusionRule, Policy
from reimburse.domain.verdict.verdict import FlagCode, Status

DAY = date(2024, 6, 3)
CLAIM = Claim("Rani", DAY)
LAUNDRY_CLAUSE = "Laundry charges, unless the stay lasts 5 days or more"
LAUNDRY = ExclusionRule(
    "exclude:laundry",
    "laundry",
    ("laundry",),
    LAUNDRY_CLAUSE,
    condition="unless the stay lasts 5 days or more",
)
MINIBAR = ExclusionRule("exclude:minibar", "minibar", ("minibar",), "Minibar items are not reimbursed.")


def policy(*exclusions: ExclusionRule) -> Policy:
    hotel = Category("hotel", ("hotel",), "Hotel stays are reimbursed.")
    return Policy("p", "EUR", categories=(hotel,), exclusions=exclusions)


def stay(*lines: tuple[str, str]) -> Invoice:
    items = tuple(LineItem(description=d, amount=Decimal(a)) for d, a in lines)
    total = sum((i.amount for i in items), Decimal(0))
    return Invoice(total=total, currency="EUR", category="hotel", invoice_date=DAY, line_items=items)


def test_a_conditional_exclusion_sends_the_invoice_to_review_without_cutting_it() -> None:
    v = decide(policy(LAUNDRY), stay(("Room 10 nights", "900.00"), ("Laundry service", "40.00")), CLAIM)
    assert v.status == Status.FULLY_REIMBURSED
    assert v.reimbursable == Decimal("940.00")
    assert v.review_required
    flag = next(f for f in v.flags if f.code == FlagCode.MISSING_FACT)
    assert "Laundry service" in flag.message
    assert LAUNDRY_CLAUSE in flag.message
    assert "unless the stay lasts 5 days or more" in flag.message
    assert not v.violations


def test_a_conditional_exclusion_alone_on_the_bill_is_not_declined() -> None:
    v = decide(policy(LAUNDRY), stay(("Laundry", "25.00")), CLAIM)
    assert v.status != Status.DECLINED
    assert v.reimbursable == Decimal("25.00")
    assert any(f.code == FlagCode.MISSING_FACT for f in v.flags)


def test_a_line_the_condition_does_not_name_raises_no_flag() -> None:
    v = decide(
        policy(LAUNDRY),
        stay(
            ("Room 2 nights", "180.00"),
        ),
        CLAIM,
    )
    assert not v.flags
    assert v.reimbursable == Decimal("180.00")


def test_unconditional_exclusions_still_cut_beside_a_conditional_one() -> None:
    bill = stay(("Room", "200.00"), ("Minibar", "30.00"), ("Laundry", "20.00"))
    v = decide(policy(LAUNDRY, MINIBAR), bill, CLAIM)
    assert v.status == Status.PARTIALLY_REIMBURSED
    assert v.reimbursable == Decimal("220.00")
    assert any("Minibar" in x for x in v.violations)
    assert any(f.code == FlagCode.MISSING_FACT and "Laundry" in f.message for f in v.flags)


def test_a_line_already_cut_outright_is_not_flagged_again() -> None:
    outright = ExclusionRule("exclude:laundry-all", "laundry", ("laundry",), "No laundry.")
    v = decide(policy(outright, LAUNDRY), stay(("Room", "100.00"), ("Laundry", "20.00")), CLAIM)
    assert v.reimbursable == Decimal("100.00")
    assert not any(f.code == FlagCode.MISSING_FACT for f in v.flags)


def test_a_conditional_exclusion_of_another_category_is_ignored() -> None:
    meals_only = ExclusionRule(
        "exclude:laundry",
        "laundry",
        ("laundry",),
        LAUNDRY_CLAUSE,
        ("meals",),
        condition="if the trip is short",
    )
    v = decide(policy(meals_only), stay(("Room", "100.00"), ("Laundry", "20.00")), CLAIM)
    assert not v.flags


WORDS = st.sampled_from(["Laundry", "Room", "Breakfast", "Dry cleaning", "Parking", "Minibar"])
AMOUNTS = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("5000"), places=2)
KEYWORDS = st.lists(st.sampled_from(["laundry", "dry clean", "room", "breakfast", "parking"]), min_size=1)


@settings(max_examples=150)
@given(
    st.lists(st.tuples(WORDS, AMOUNTS), min_size=1, max_size=5), KEYWORDS, st.text(min_size=1, max_size=30)
)
def test_only_conditional_exclusions_never_decline_or_cut(
    lines: list[tuple[str, Decimal]], keywords: list[str], condition: str
) -> None:
    bill = stay(*((d, str(a)) for d, a in lines))
    rule = ExclusionRule("exclude:x", "x", tuple(keywords), "clause", condition=condition.strip() or "if so")
    judged = decide(policy(rule), bill, CLAIM)
    plain = decide(policy(), bill, CLAIM)
    assert judged.status != Status.DECLINED
    assert (judged.status, judged.reimbursable) == (plain.status, plain.reimbursable)
    matched = any(k in d.lower() for d, _ in lines for k in keywords)
    assert judged.review_required == matched

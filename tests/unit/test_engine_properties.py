"""Properties of the verdict engine that must hold for every policy and invoice."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from reimburse.domain.verdict.decide import Claim, decide
from reimburse.domain.verdict.invoice import Invoice, LineItem
from reimburse.domain.verdict.policy import CapRule, CapUnit, Category, DeadlineRule, ExclusionRule, Policy
from reimburse.domain.verdict.verdict import Status

CATEGORIES = ("meals", "cab", "hotel", "travel")
EXCLUDED_WORDS = ("beer", "wine", "cigarettes")
money = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("100000"), places=2)
caps = st.decimals(min_value=Decimal("1"), max_value=Decimal("50000"), places=2)
item_words = st.sampled_from(("Paneer", "Beer", "Red wine", "Taxi fare", "Room", "Cigarettes", "Water"))


@st.composite
def policies(draw: st.DrawFn) -> Policy:
    cats = draw(st.lists(st.sampled_from(CATEGORIES), min_size=1, unique=True))
    cap_rules = tuple(
        CapRule(f"cap:{c}", c, draw(caps), "INR", draw(st.sampled_from(list(CapUnit))), f"{c} cap")
        for c in cats
        if draw(st.booleans())
    )
    return Policy(
        policy_id="pol_prop",
        currency="INR",
        categories=tuple(Category(c, (), f"{c} covered") for c in cats),
        caps=cap_rules,
        exclusions=(ExclusionRule("exclude:x", "excluded items", EXCLUDED_WORDS, "not reimbursable"),),
        deadline=draw(
            st.one_of(st.none(), st.builds(DeadlineRule, st.just("d"), st.integers(1, 90), st.just("c")))
        ),
    )


@st.composite
def invoices(draw: st.DrawFn) -> Invoice:
    items = draw(st.lists(st.builds(LineItem, item_words, money), max_size=5))
    items_sum = sum((i.amount for i in items), Decimal(0))
    total = draw(money) + items_sum
    start = draw(st.one_of(st.none(), st.dates(date(2024, 1, 1), date(2024, 12, 31))))
    nights = draw(st.integers(0, 10))
    return Invoice(
        total=total,
        category=draw(st.one_of(st.none(), st.sampled_from((*CATEGORIES, "gym")))),
        currency=draw(st.sampled_from((None, "INR", "INR", "EUR"))),
        invoice_date=draw(st.one_of(st.none(), st.dates(date(2024, 1, 1), date(2025, 1, 31)))),
        line_items=tuple(items),
        subtotal=draw(st.one_of(st.none(), st.just(items_sum) if items_sum > 0 else st.none())),
        nights=nights or None,
        period_start=start,
        period_end=start + timedelta(days=nights) if start else None,
    )


claims = st.builds(Claim, st.just("Rani Sharma"), st.dates(date(2024, 1, 1), date(2025, 3, 1)))


@settings(max_examples=300)
@given(policies(), invoices(), claims)
def test_reimbursable_is_between_zero_and_total(policy: Policy, invoice: Invoice, claim: Claim) -> None:
    v = decide(policy, invoice, claim)
    assert Decimal(0) <= v.reimbursable <= v.total
    assert isinstance(v.reimbursable, Decimal)


@settings(max_examples=300)
@given(policies(), invoices(), claims)
def test_status_agrees_with_amounts(policy: Policy, invoice: Invoice, claim: Claim) -> None:
    v = decide(policy, invoice, claim)
    if v.status is Status.FULLY_REIMBURSED:
        assert v.reimbursable == v.total > 0
    elif v.status is Status.DECLINED:
        assert v.reimbursable == 0
    else:
        assert 0 < v.reimbursable < v.total


@settings(max_examples=300)
@given(policies(), invoices(), claims)
def test_excluded_items_are_never_reimbursed(policy: Policy, invoice: Invoice, claim: Claim) -> None:
    v = decide(policy, invoice, claim)
    excluded = sum(
        (i.amount for i in invoice.line_items if any(w in i.description.lower() for w in EXCLUDED_WORDS)),
        Decimal(0),
    )
    assert v.reimbursable <= max(v.total - excluded, Decimal(0))


@settings(max_examples=300)
@given(
    policies(), invoices(), claims, st.decimals(min_value=Decimal("0"), max_value=Decimal("10000"), places=2)
)
def test_raising_a_cap_never_lowers_a_reimbursement(
    policy: Policy, invoice: Invoice, claim: Claim, raise_by: Decimal
) -> None:
    raised = Policy(
        policy_id=policy.policy_id,
        currency=policy.currency,
        categories=policy.categories,
        caps=tuple(
            CapRule(c.rule_id, c.category, c.amount + raise_by, c.currency, c.unit, c.clause)
            for c in policy.caps
        ),
        exclusions=policy.exclusions,
        deadline=policy.deadline,
    )
    assert decide(raised, invoice, claim).reimbursable >= decide(policy, invoice, claim).reimbursable


@given(policies(), invoices(), claims)
def test_same_input_same_verdict(policy: Policy, invoice: Invoice, claim: Claim) -> None:
    assert decide(policy, invoice, claim) == decide(policy, invoice, claim)

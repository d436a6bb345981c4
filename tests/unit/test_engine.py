"""Worked examples of the verdict engine: each case states the policy, the invoice and the answer."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from reimburse.domain.verdict.decide import Claim, decide
from reimburse.domain.verdict.invoice import Invoice, LineItem
from reimburse.domain.verdict.policy import CapRule, CapUnit, Category, DeadlineRule, ExclusionRule, Policy
from reimburse.domain.verdict.verdict import Flag, FlagCode, RuleEffect, Status

POLICY = Policy(
    policy_id="pol_test",
    currency="INR",
    categories=(
        Category("meals", ("restaurant", "food"), "Meals are reimbursed."),
        Category("cab", ("taxi", "uber"), "Local cab rides are reimbursed."),
        Category("hotel", ("accommodation",), "Hotel stays are reimbursed."),
    ),
    caps=(
        CapRule("cap:meals", "meals", D("1000"), "INR", CapUnit.MEAL, "Meals up to ₹1,000 per meal."),
        CapRule("cap:cab", "cab", D("500"), "INR", CapUnit.RIDE, "Cab rides up to ₹500 per ride."),
        CapRule("cap:hotel", "hotel", D("3000"), "INR", CapUnit.NIGHT, "Hotels up to ₹3,000 per night."),
    ),
    exclusions=(
        ExclusionRule(
            "exclude:alcohol", "alcohol", ("beer", "wine", "whisky"), "Alcohol is not reimbursable."
        ),
    ),
    deadline=DeadlineRule("deadline:30d", 30, "Submit within 30 days of the invoice date."),
)
CLAIM = Claim("Rani Sharma", date(2024, 12, 31))


def test_within_cap_is_fully_reimbursed_and_cites_the_cap() -> None:
    v = decide(POLICY, Invoice(total=D("233"), category="cab", invoice_date=date(2024, 12, 20)), CLAIM)
    assert v.status is Status.FULLY_REIMBURSED
    assert v.reimbursable == D("233.00")
    assert "₹500 per ride" in v.reason
    assert [r.effect for r in v.rules_applied] == [RuleEffect.CATEGORY, RuleEffect.CAP]
    assert not v.review_required


def test_above_cap_is_partial_at_the_cap() -> None:
    v = decide(POLICY, Invoice(total=D("812.40"), category="taxi", invoice_date=date(2024, 12, 20)), CLAIM)
    assert v.status is Status.PARTIALLY_REIMBURSED
    assert v.reimbursable == D("500.00")
    assert v.category == "cab"


def test_per_night_cap_multiplies_by_nights() -> None:
    inv = Invoice(total=D("10000"), category="hotel", nights=3, invoice_date=date(2024, 12, 20))
    v = decide(POLICY, inv, CLAIM)
    assert v.reimbursable == D("9000.00")
    assert v.status is Status.PARTIALLY_REIMBURSED


def test_nights_from_stay_dates_when_not_printed() -> None:
    inv = Invoice(
        total=D("5000"),
        category="hotel",
        period_start=date(2024, 12, 10),
        period_end=date(2024, 12, 12),
        invoice_date=date(2024, 12, 12),
    )
    assert decide(POLICY, inv, CLAIM).reimbursable == D("5000.00")


def test_alcohol_lines_are_removed_with_their_tax_share() -> None:
    inv = Invoice(
        total=D("1050"),
        subtotal=D("1000"),
        taxes=D("50"),
        category="restaurant",
        invoice_date=date(2024, 12, 20),
        line_items=(LineItem("Paneer tikka", D("600")), LineItem("Kingfisher Beer", D("400"))),
    )
    v = decide(POLICY, inv, CLAIM)
    assert v.reimbursable == D("630.00")  # 1050 - 400 * 1050/1000
    assert v.status is Status.PARTIALLY_REIMBURSED
    assert any(r.effect is RuleEffect.EXCLUDE for r in v.rules_applied)
    assert "Kingfisher Beer" in v.reason


def test_keyword_matches_word_starts_only() -> None:
    inv = Invoice(
        total=D("300"),
        category="meals",
        invoice_date=date(2024, 12, 20),
        line_items=(LineItem("Swine flu soup", D("300")),),
    )
    assert decide(POLICY, inv, CLAIM).status is Status.FULLY_REIMBURSED


def test_late_submission_is_declined_citing_the_deadline() -> None:
    v = decide(POLICY, Invoice(total=D("200"), category="cab", invoice_date=date(2024, 10, 1)), CLAIM)
    assert v.status is Status.DECLINED
    assert v.reimbursable == 0
    assert "30 days" in v.reason and "91 days" in v.reason


def test_uncovered_category_is_declined_without_review() -> None:
    v = decide(POLICY, Invoice(total=D("200"), category="gym", invoice_date=date(2024, 12, 20)), CLAIM)
    assert v.status is Status.DECLINED
    assert "gym" in v.reason
    assert not v.review_required


def test_unknown_category_needs_review() -> None:
    v = decide(POLICY, Invoice(total=D("200"), invoice_date=date(2024, 12, 20)), CLAIM)
    assert v.status is Status.DECLINED
    assert [f.code for f in v.flags] == [FlagCode.UNKNOWN_CATEGORY]


def test_quality_flags_raise_review_without_changing_amounts() -> None:
    inv = Invoice(
        total=D("900"),
        subtotal=D("700"),
        taxes=D("35"),
        category="meals",
        currency="EUR",
        names=("Hardik Patel",),
        candidate_totals=(D("900"), D("735")),
    )
    v = decide(POLICY, inv, Claim("Rani Sharma", date(2024, 12, 31), duplicate_of="a.pdf"))
    codes = {f.code for f in v.flags}
    assert codes == {
        FlagCode.TOTAL_MISMATCH,
        FlagCode.MULTIPLE_TOTALS,
        FlagCode.MISSING_DATE,
        FlagCode.CURRENCY_MISMATCH,
        FlagCode.NAME_MISMATCH,
        FlagCode.DUPLICATE,
    }
    assert v.review_required
    # the INR cap cannot be compared with a EUR amount: not applied, flagged instead
    assert v.reimbursable == D("900.00")


def test_name_on_invoice_matching_employee_is_not_flagged() -> None:
    inv = Invoice(total=D("100"), category="cab", invoice_date=date(2024, 12, 20), names=("SHARMA RANI",))
    assert not decide(POLICY, inv, CLAIM).flags


def test_a_credit_note_is_declined_as_money_returned_not_paid() -> None:
    policy = Policy(policy_id="p", currency="EUR", categories=(Category("meals"),))
    credit = Flag(FlagCode.CREDIT_NOTE, "The e-invoice is a credit note.")
    invoice = Invoice(total=D("40.00"), currency="EUR", category="meals", reading_flags=(credit,))
    verdict = decide(policy, invoice, Claim(employee_name="A", submitted_on=date(2024, 1, 1)))
    assert verdict.status == Status.DECLINED
    assert verdict.reimbursable == D("0.00")
    assert "credit note" in verdict.reason
    assert FlagCode.CREDIT_NOTE in {f.code for f in verdict.flags}
    plain = decide(
        policy, Invoice(total=D("40.00"), currency="EUR", category="meals"), Claim("A", date(2024, 1, 1))
    )
    assert plain.status == Status.FULLY_REIMBURSED

"""'Any other X is not reimbursed' (issue 19): after a policy allowed some X ("tips on meals, up to
15%"), the refusal is of the X it did not allow. The engine cannot tell the two apart on a bill, so
the reader keeps the exclusion under a condition: a matching line goes to a reviewer and is never
cut from an allowed meal tip. A plain refusal of X anywhere in the policy still cuts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from reimburse.domain.verdict.decide import Claim, decide
from reimburse.domain.verdict.invoice import Invoice, LineItem
from reimburse.domain.verdict.verdict import FlagCode
from tests.policy_text import read

ALLOWED_THEN_OTHER = (
    "Tips are reimbursed for meals only, up to 15% of the bill. "
    "Any other tipping shall not be a reimbursable expense.\n"
)


def _tips(text: str) -> tuple[str, ...]:
    return tuple(e.condition for e in read(text).exclusions if e.name == "tips")


def test_any_other_x_is_excluded_only_under_a_condition() -> None:
    assert _tips(ALLOWED_THEN_OTHER) == ("other than the policy allows",)


def test_all_other_and_french_autres_read_alike() -> None:
    assert _tips("All other gratuities are not reimbursable.\n") == ("other than the policy allows",)
    assert _tips("Les autres pourboires ne sont pas remboursés.\n") == ("other than the policy allows",)


def test_a_plain_refusal_elsewhere_still_excludes_outright() -> None:
    assert _tips("Gratuities are not reimbursable.\n") == ("",)
    assert _tips("Gratuities are not reimbursable. " + ALLOWED_THEN_OTHER) == ("",)


def test_an_allowed_meal_tip_goes_to_review_and_is_not_cut() -> None:
    policy = read(ALLOWED_THEN_OTHER)
    day = date(2026, 3, 4)
    items = (
        LineItem(description="Dinner for one", amount=Decimal("40.00")),
        LineItem(description="Tip", amount=Decimal("6.00")),
    )
    bill = Invoice(
        total=Decimal("46.00"), currency="USD", category="meals", invoice_date=day, line_items=items
    )
    verdict = decide(policy, bill, Claim("Ana", day))
    assert verdict.reimbursable == Decimal("46.00")
    assert verdict.review_required
    assert any(f.code == FlagCode.MISSING_FACT and "Tip" in f.message for f in verdict.flags)

"""Limits that span invoices: the ledger, period caps in the engine, count caps, rates (issue 13)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from reimburse.domain.verdict.decide import Claim, decide, decide_batch, grant
from reimburse.domain.verdict.fx import FxRate, FxTable
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.ledger import Ledger, LedgerEntry, window
from reimburse.domain.verdict.money import Money
from reimburse.domain.verdict.policy import CapRule, CapUnit, Category, Period, Policy
from reimburse.domain.verdict.verdict import FlagCode, Status

D = Decimal
MEAL_DAY = CapRule(
    "cap:meals:day",
    "meals",
    D(600),
    "INR",
    CapUnit.DAY,
    "Meals up to INR 600 per day in total.",
    period=Period.DAY,
)
CAB_MONTH = CapRule(
    "cap:cab:month",
    "cab",
    D(1000),
    "INR",
    CapUnit.MONTH,
    "Cabs up to INR 1,000 a month.",
    period=Period.MONTH,
)
PHONE = CapRule(
    "cap:phone:claims",
    "phone",
    D(800),
    "INR",
    CapUnit.INVOICE,
    "One phone bill a month, up to INR 800.",
    period=Period.MONTH,
    claims=1,
)
LAPTOP = CapRule(
    "cap:laptop",
    "laptop",
    D(90000),
    "INR",
    CapUnit.YEAR,
    "A laptop up to INR 90,000 in any 3-year period.",
    period=Period.YEAR,
    period_length=3,
)
POLICY = Policy(
    "pol_period",
    "INR",
    categories=tuple(Category(c, (), f"{c} covered") for c in ("meals", "cab", "phone", "laptop")),
    caps=(MEAL_DAY, CAB_MONTH, PHONE, LAPTOP),
)


def bill(total: str, category: str, day: date | None, currency: str = "INR") -> Invoice:
    return Invoice(total=D(total), currency=currency, category=category, invoice_date=day)


def claim(invoice_id: str) -> Claim:
    return Claim("Rani Sharma", date(2025, 3, 31), invoice_id=invoice_id)


def entry(invoice_id: str, category: str, day: date, amount: str, currency: str = "INR") -> LedgerEntry:
    return LedgerEntry(invoice_id, category, day, Money(D(amount), currency))


def test_the_reason_states_the_limit_what_was_used_and_what_is_left() -> None:
    ledger = Ledger((entry("inv_a", "meals", date(2025, 3, 3), "300"),))
    verdict = decide(POLICY, bill("420", "meals", date(2025, 3, 3)), claim("inv_b"), ledger)
    assert verdict.reimbursable == D("300.00")
    assert verdict.status is Status.PARTIALLY_REIMBURSED
    assert (
        "Meals are limited to 600 INR per day; 300.00 INR was already granted on 3 Mar 2025, "
        "so 300.00 of 420.00 INR is reimbursed" in verdict.reason
    )


def test_a_day_already_at_its_limit_pays_nothing_and_another_day_pays_in_full() -> None:
    ledger = Ledger((entry("inv_a", "meals", date(2025, 3, 3), "600"),))
    same_day = decide(POLICY, bill("250", "meals", date(2025, 3, 3)), claim("inv_b"), ledger)
    next_day = decide(POLICY, bill("250", "meals", date(2025, 3, 4)), claim("inv_c"), ledger)
    assert same_day.reimbursable == D(0) and same_day.status is Status.DECLINED
    assert "nothing of 250.00 INR is reimbursed" in same_day.reason
    assert next_day.reimbursable == D("250.00")


def test_the_invoices_own_earlier_grant_is_not_counted_again() -> None:
    ledger = Ledger((entry("inv_a", "meals", date(2025, 3, 3), "500"),))
    again = decide(POLICY, bill("500", "meals", date(2025, 3, 3)), claim("inv_a"), ledger)
    assert again.reimbursable == D("500.00")


def test_other_categories_do_not_spend_a_limit() -> None:
    ledger = Ledger((entry("inv_a", "cab", date(2025, 3, 3), "900"),))
    verdict = decide(POLICY, bill("500", "meals", date(2025, 3, 3)), claim("inv_b"), ledger)
    assert verdict.reimbursable == D("500.00")


def test_a_month_limit_counts_every_day_of_the_month_and_only_that_month() -> None:
    ledger = Ledger(
        (
            entry("inv_a", "cab", date(2025, 3, 1), "400"),
            entry("inv_b", "cab", date(2025, 3, 31), "400"),
            entry("inv_c", "cab", date(2025, 2, 28), "900"),
        )
    )
    verdict = decide(POLICY, bill("350", "cab", date(2025, 3, 15)), claim("inv_d"), ledger)
    assert verdict.reimbursable == D("200.00")
    assert "800.00 INR was already granted on 1 Mar 2025, 31 Mar 2025" in verdict.reason


def test_a_count_cap_pays_the_first_claim_of_the_month_only() -> None:
    batch = [
        (bill("700", "phone", date(2025, 3, 10)), claim("p1")),
        (bill("900", "phone", date(2025, 3, 2)), claim("p2")),
        (bill("700", "phone", date(2025, 4, 2)), claim("p3")),
    ]
    verdicts, _ = decide_batch(POLICY, batch)
    # 2 Mar comes first (invoice date), capped at 800 per claim; 10 Mar is the second claim of March.
    assert [v.reimbursable for v in verdicts] == [D(0), D("800.00"), D("700.00")]
    assert "limited to 1 claim per month; 1 was already paid (on 2 Mar 2025)" in verdicts[0].reason


def test_a_rolling_window_limits_every_window_containing_the_date() -> None:
    ledger = Ledger((entry("l1", "laptop", date(2023, 6, 1), "60000"),))
    inside = decide(POLICY, bill("50000", "laptop", date(2026, 5, 31)), claim("l2"), ledger)
    after = decide(POLICY, bill("50000", "laptop", date(2026, 6, 1)), claim("l3"), ledger)
    # A later grant also counts: a window holding both dates would otherwise exceed the limit.
    before = decide(POLICY, bill("50000", "laptop", date(2020, 6, 1)), claim("l4"), ledger)
    assert inside.reimbursable == D("30000.00")
    assert "in any 3-year period" in inside.reason
    assert after.reimbursable == D("50000.00")
    assert before.reimbursable == D("50000.00")
    close_before = decide(POLICY, bill("50000", "laptop", date(2020, 6, 2)), claim("l5"), ledger)
    assert close_before.reimbursable == D("30000.00")


def test_windows_are_calendar_periods() -> None:
    day = date(2025, 5, 14)  # a Wednesday
    assert window(Period.WEEK, 1, day) == (date(2025, 5, 12), date(2025, 5, 19))
    assert window(Period.QUARTER, 1, day) == (date(2025, 4, 1), date(2025, 7, 1))
    assert window(Period.YEAR, 1, day) == (date(2025, 1, 1), date(2026, 1, 1))
    assert window(Period.MONTH, 1, date(2025, 12, 31)) == (date(2025, 12, 1), date(2026, 1, 1))


def test_a_reviewer_decision_replaces_the_grant_in_one_call() -> None:
    ledger = Ledger((entry("inv_a", "meals", date(2025, 3, 3), "600"),))
    adjusted = ledger.record(entry("inv_a", "meals", date(2025, 3, 3), "100"))
    verdict = decide(POLICY, bill("420", "meals", date(2025, 3, 3)), claim("inv_b"), adjusted)
    assert len(adjusted.entries) == 1
    assert verdict.reimbursable == D("420.00")


def test_an_undated_invoice_is_judged_alone_and_flagged() -> None:
    ledger = Ledger((entry("inv_a", "meals", date(2025, 3, 3), "600"),))
    verdict = decide(POLICY, bill("700", "meals", None), claim("inv_b"), ledger)
    assert verdict.reimbursable == D("600.00")
    assert any("per day, and the invoice has no date" in f.message for f in verdict.flags)
    assert grant(verdict, bill("700", "meals", None), claim("inv_b")) is None


RATES = FxTable(
    (
        FxRate("USD", "INR", date(2025, 3, 1), D("86.50")),
        FxRate("USD", "INR", date(2025, 2, 1), D("80")),
    )
)
USD_POLICY = Policy(
    "pol_usd",
    "USD",
    categories=(Category("meals", (), "Meals covered"),),
    caps=(
        CapRule(
            "cap:meals:day", "meals", D(10), "USD", CapUnit.DAY, "Meals up to $10 per day.", period=Period.DAY
        ),
    ),
)


def test_a_cap_in_another_currency_is_converted_at_the_latest_rate_on_or_before_the_invoice() -> None:
    verdict = decide(USD_POLICY, bill("1000", "meals", date(2025, 3, 5)), claim("m1"), fx=RATES)
    assert verdict.reimbursable == D("865.00")
    assert "1 USD = 86.5 INR on 1 Mar 2025" in verdict.reason
    february = decide(USD_POLICY, bill("1000", "meals", date(2025, 2, 5)), claim("m2"), fx=RATES)
    assert february.reimbursable == D("800.00")


def test_without_a_rate_the_cap_goes_to_review_as_before() -> None:
    early = decide(USD_POLICY, bill("1000", "meals", date(2025, 1, 5)), claim("m1"), fx=RATES)
    assert early.reimbursable == D("1000.00")
    assert any(f.code == FlagCode.CURRENCY_MISMATCH and "convert" in f.message for f in early.flags)


def test_an_inverse_rate_is_used_and_earlier_grants_are_converted() -> None:
    inverse = FxTable((FxRate("INR", "USD", date(2025, 3, 1), D("0.0125")),))
    ledger = Ledger((entry("m0", "meals", date(2025, 3, 5), "5", "USD"),))
    verdict = decide(USD_POLICY, bill("1000", "meals", date(2025, 3, 5)), claim("m1"), ledger, inverse)
    # 10 USD = 800 INR; 5 USD already granted = 400 INR.
    assert verdict.reimbursable == D("400.00")


def test_grants_in_a_currency_without_a_rate_are_flagged_not_summed() -> None:
    ledger = Ledger((entry("m0", "meals", date(2025, 3, 3), "5", "EUR"),))
    verdict = decide(POLICY, bill("100", "meals", date(2025, 3, 3)), claim("m1"), ledger)
    assert verdict.reimbursable == D("100.00")
    assert any(f.code == FlagCode.CURRENCY_MISMATCH and "EUR" in f.message for f in verdict.flags)


def test_a_batch_counts_its_own_earlier_invoices_in_date_then_zip_order() -> None:
    batch = [
        (bill("400", "meals", date(2025, 3, 3)), claim("b1")),
        (bill("400", "meals", date(2025, 3, 3)), claim("b2")),
        (bill("400", "meals", date(2025, 3, 2)), claim("b3")),
        (bill("400", "meals", date(2025, 3, 3)), claim("b4")),
    ]
    verdicts, ledger = decide_batch(POLICY, batch)
    assert [v.reimbursable for v in verdicts] == [D("400.00"), D("200.00"), D("400.00"), D(0)]
    assert {e.invoice_id for e in ledger.entries} == {"b1", "b2", "b3", "b4"}

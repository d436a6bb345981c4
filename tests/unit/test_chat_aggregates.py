"""Exact aggregates: Decimal sums per currency, averages rounded half-up, group breakdowns."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from reimburse.domain.chat.aggregates import AggregateBuilder, averages, primary_currency
from reimburse.domain.chat.session import GroupBy, Metric, Order
from reimburse.domain.record import InvoiceRecord


def rec(
    i: int,
    employee: str = "Rani Sharma",
    total: str = "10.00",
    paid: str = "10.00",
    currency: str = "INR",
    categories: tuple[str, ...] = ("meals",),
    status: str = "fully_reimbursed",
    day: date | None = date(2024, 6, 1),
) -> InvoiceRecord:
    return InvoiceRecord(
        invoice_id=f"inv_{i}",
        employee_name=employee,
        batch_id="b",
        policy_id="p",
        filename=f"f{i}.pdf",
        file_sha256=str(i),
        analyzed_at=datetime(2025, 1, 1, tzinfo=UTC),
        submitted_on=date(2024, 7, 1),
        status=status,
        reason="",
        total_amount=Decimal(total),
        reimbursement_amount=Decimal(paid),
        currency=currency,
        categories=categories,
        invoice_date=day,
    )


def test_sums_are_exact_decimals_per_currency() -> None:
    b = AggregateBuilder()
    for i, (total, cur) in enumerate([("0.10", "INR"), ("0.20", "INR"), ("12.00", "EUR"), ("0.10", "INR")]):
        b.add(rec(i, total=total, paid="0.05", currency=cur))
    agg = b.result()
    assert agg.count == 4
    assert agg.totals == {
        "INR": Decimal("0.40"),
        "EUR": Decimal("12.00"),
    }  # 0.1+0.2 is not 0.30000000000000004
    assert agg.reimbursed == {"INR": Decimal("0.15"), "EUR": Decimal("0.05")}
    assert agg.counts == {"INR": 3, "EUR": 1}


def test_averages_round_half_up_to_cents() -> None:
    assert averages({"INR": Decimal("10.00")}, {"INR": 3}) == {"INR": Decimal("3.33")}
    assert averages({"INR": Decimal("0.05")}, {"INR": 2}) == {"INR": Decimal("0.03")}
    assert averages({"INR": Decimal("1")}, {}) == {}


def test_groups_by_employee_merge_spellings_and_rank_by_the_metric() -> None:
    b = AggregateBuilder(GroupBy.EMPLOYEE)
    b.add(rec(1, "Rani Sharma", "100.00", "10.00"))
    b.add(rec(2, "rani  sharma", "50.00", "50.00"))
    b.add(rec(3, "Hardik Patel", "120.00", "120.00"))
    by_total = b.result(Metric.TOTAL, Order.AMOUNT_DESC)
    assert [(g.key, g.count, g.totals["INR"]) for g in by_total.groups] == [
        ("Rani Sharma", 2, Decimal("150.00")),
        ("Hardik Patel", 1, Decimal("120.00")),
    ]
    by_paid = b.result(Metric.REIMBURSED, Order.AMOUNT_DESC)
    assert [g.key for g in by_paid.groups] == ["Hardik Patel", "Rani Sharma"]
    assert [g.key for g in b.result(Metric.TOTAL, Order.AMOUNT_ASC).groups] == ["Hardik Patel", "Rani Sharma"]


def test_an_invoice_in_two_categories_counts_in_both_groups_once_overall() -> None:
    b = AggregateBuilder(GroupBy.CATEGORY)
    b.add(rec(1, categories=("meals", "hotel")))
    b.add(rec(2, categories=()))
    agg = b.result(by_count=True)
    assert agg.count == 2
    assert agg.by_group == {"meals": 1, "hotel": 1, "uncategorised": 1}


def test_months_are_in_calendar_order() -> None:
    b = AggregateBuilder(GroupBy.MONTH)
    for i, d in enumerate([date(2024, 12, 3), date(2024, 2, 1), None, date(2024, 2, 9)]):
        b.add(rec(i, day=d))
    assert [(g.key, g.count) for g in b.result().groups] == [("2024-02", 2), ("2024-12", 1), ("undated", 1)]


def test_primary_currency_is_the_most_common() -> None:
    assert primary_currency({"EUR": 2, "INR": 5}) == "INR"
    assert primary_currency({"EUR": 2, "USD": 2}) == "EUR"
    assert primary_currency({}) is None


amounts = st.decimals(min_value=0, max_value=10**6, places=2)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(amounts, st.sampled_from(["INR", "EUR", "USD"])), max_size=40))
def test_the_sum_of_the_groups_is_the_whole(items: list[tuple[Decimal, str]]) -> None:
    b = AggregateBuilder(GroupBy.EMPLOYEE)
    for i, (value, cur) in enumerate(items):
        b.add(rec(i, ("Rani Sharma", "Hardik Patel", "Wei Chen")[i % 3], str(value), str(value), cur))
    agg = b.result()
    assert agg.count == len(items) == sum(g.count for g in agg.groups)
    for cur, total in agg.totals.items():
        assert total == sum((g.totals.get(cur, Decimal(0)) for g in agg.groups), Decimal(0))
        assert total == sum((v for v, c in items if c == cur), Decimal(0))

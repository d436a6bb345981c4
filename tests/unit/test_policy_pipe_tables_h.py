"""Markdown pipe tables of limits by grade and class of place (external set H: an Indian company's
grade-wise D.A. table posted on an HR forum; set G: OpenSSL's approval table, which caps nothing).
D.A. is the daily allowance of South Asian TA/DA rules; a "G-2" under "Grades" names a grade."""

from __future__ import annotations

from decimal import Decimal

from tests.policy_text import read

GRADE_TABLE = """Grade-wise D.A entitlement:

Grade | Bill Status | Small Town | State Capitals | Metro Cities Except Delhi & Pune | Delhi & Pune
---|---|---|---|---|---
G-1 | With Bill | Actuals | Actuals | Actuals | Actuals
G-2 | With Bill | 3800/- | 5200/- | 6100/- | 7400/-
G-3 | With Bill | 2900/- | 4100/- | 5000/- | 6300/-
"""


def _limits(text: str) -> dict[Decimal, tuple[str, str, str]]:
    return {
        c.amount: (c.currency, c.unit.value, c.condition.text if c.condition else "")
        for c in read("Amounts are in INR.\n" + text).caps
    }


def test_each_cell_of_a_grade_row_is_a_daily_limit_for_grade_and_place() -> None:
    limits = _limits(GRADE_TABLE)
    assert set(limits) == {
        Decimal(v) for v in ("3800", "5200", "6100", "7400", "2900", "4100", "5000", "6300")
    }
    currency, unit, condition = limits[Decimal("4100")]
    assert (currency, unit) == ("INR", "day")
    assert "G-3" in condition and "State Capitals" in condition


def test_a_column_for_every_metro_except_two_is_not_those_two() -> None:
    condition = _limits(GRADE_TABLE)[Decimal("6100")][2]
    assert "Metro Cities Except Delhi & Pune" in condition
    assert "location Delhi" not in condition


def test_an_approval_pipe_table_caps_nothing() -> None:
    text = (
        "Travel approvals by value:\n\n"
        "Approver | Travel up to | Notes\n---|---|---\n"
        "Manager | US $12,000 | one day\nDirector | US $40,000 | two days\n"
    )
    assert not [c for c in read(text).caps if c.amount in (Decimal("12000"), Decimal("40000"))]


def test_daily_allowance_names_a_per_diem() -> None:
    from reimburse.adapters.heuristic.mentions import find_mentions

    assert {m.kind for m in find_mentions("Daily allowance for outstation tours")} == {"meals"}
    assert {m.kind for m in find_mentions("Category-wise D.A. entitlement")} == {"meals"}

"""Subsistence tables that print a bookkeeping code beside each rate, and a total row under the
meals (set J: state university allowance pages): the code and the total are no limits."""

from __future__ import annotations

from decimal import Decimal

from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.adapters.heuristic.tables import read_table
from reimburse.domain.verdict.document import Document

HEADER = ("Kind", "Code", "Inside the state", "Code", "Outside the state")
ROWS = [
    HEADER,
    ("Breakfast", "411200", "$7.25", "411300", "$7.75"),
    ("Dinner", "411200", "$18.00", "411300", "$21.40"),
    ("Meals total", "", "$25.25", "", "$29.15"),
    ("Lodging", "411400", "$80.00", "411500", "$95.00"),
]


def _amounts(rows: list[tuple[str, ...]]) -> set[Decimal]:
    return {limit.finding.amount.value for limit in read_table(rows, "Daily subsistence rates")}


def test_codes_beside_signed_rates_are_not_limits() -> None:
    found = _amounts(ROWS)
    assert Decimal(411200) not in found and Decimal(411300) not in found
    assert {Decimal("7.25"), Decimal("7.75"), Decimal("18.00"), Decimal("21.40")} <= found


def test_a_total_row_is_not_a_limit() -> None:
    found = _amounts(ROWS)
    assert Decimal("25.25") not in found and Decimal("29.15") not in found
    assert {Decimal("80.00"), Decimal("95.00")} <= found


def test_a_table_without_signs_keeps_its_bare_amounts() -> None:
    # No cell prints a currency sign: whole numbers are the table's money (the code rule needs a
    # signed amount in the row).
    rows = [("Meal", "Inside the state", "Outside the state"), ("Dinner", "18", "22")]
    assert _amounts(rows) == {Decimal(18), Decimal(22)}


def test_through_the_reader_no_code_or_total_becomes_a_cap() -> None:
    text = "\n".join(
        [
            "Travel allowances",
            "Subsistence may not exceed the rates below.",
            *("   ".join(r) for r in ROWS),
        ]
    )
    policy = HeuristicPolicyInterpreter().read(Document("p.pdf", "cd" * 32, text, (text,)))
    amounts = {c.amount for c in policy.caps}
    assert amounts, "the rates are read"
    assert not amounts & {
        Decimal(411200),
        Decimal(411300),
        Decimal(411400),
        Decimal("25.25"),
        Decimal("29.15"),
    }

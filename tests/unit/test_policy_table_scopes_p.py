"""Ruled limit tables of US public bodies (set P, issue 19): a heading that scopes the table below it,
two tables under the same header row, a header whose top cell spans two columns, and an amount whose
point cannot be read."""

from __future__ import annotations

from decimal import Decimal

from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.domain.verdict.document import Document, Page
from reimburse.domain.verdict.policy import CapUnit, Policy

Table = tuple[tuple[str, ...], ...]


def _read(text: str, *tables: Table) -> Policy:
    page = Page(1, 600.0, 800.0, tables=tables)
    return HeuristicPolicyInterpreter().read(Document("p.pdf", "ab" * 32, text, (text,), (page,)))


def _by_scope(policy: Policy) -> dict[tuple[str, Decimal], CapUnit]:
    out = {}
    for cap in policy.caps:
        where = cap.condition.locations[0].casefold() if cap.condition and cap.condition.locations else ""
        out[(where, cap.amount)] = cap.unit
    return out


MEAL_TABLE_A: Table = (("Meal", "Amount"), ("Breakfast", "$8.00"), ("Dinner", "$21.00"))
MEAL_TABLE_B: Table = (("Meal", "Amount"), ("Breakfast", "$12.00"), ("Dinner", "$26.00"))


def test_each_table_takes_the_travel_scope_its_own_heading_names() -> None:
    text = "\n".join(
        [
            "Travel meals",
            "Meals are paid at the rates below.",
            "In-State Meal Rates",
            "Meal Amount",
            "Breakfast $8.00",
            "Dinner $21.00",
            "Out-of-State Meal Rates",
            "Meal Amount",
            "Breakfast $12.00",
            "Dinner $26.00",
        ]
    )
    found = _by_scope(_read(text, MEAL_TABLE_A, MEAL_TABLE_B))
    assert found == {
        ("in-state", Decimal("8.00")): CapUnit.MEAL,
        ("in-state", Decimal("21.00")): CapUnit.MEAL,
        ("out-of-state", Decimal("12.00")): CapUnit.MEAL,
        ("out-of-state", Decimal("26.00")): CapUnit.MEAL,
    }


def test_a_sentence_above_a_table_is_no_heading_that_scopes_it() -> None:
    text = "\n".join(
        [
            "Travel meals",
            "Staff who travel in-state or abroad claim meals at the amounts in the table below.",
            "Meal Amount",
            "Breakfast $8.00",
            "Dinner $21.00",
        ]
    )
    policy = _read(text, MEAL_TABLE_A)
    assert {cap.amount for cap in policy.caps} == {Decimal("8.00"), Decimal("21.00")}
    assert all(cap.condition is None or not cap.condition.locations for cap in policy.caps)


def test_a_header_cell_spanning_two_columns_names_both_with_their_own_cells() -> None:
    table: Table = (
        ("", "Meals claimed", "Per Diem Amount", "", "Total"),
        ("", "", "In State", "Out of State", ""),
        ("Breakfast", "______", "$7.00", "$9.00", "______"),
        ("Supper", "______", "$17.00", "$23.00", "______"),
    )
    text = "\n".join(
        [
            "Meal allowance form",
            "Meals claimed Per Diem Amount Total",
            "In State Out of State",
            "Breakfast ______ $7.00 $9.00 ______",
            "Supper ______ $17.00 $23.00 ______",
        ]
    )
    found = _by_scope(_read(text, table))
    # The per diem names the allowance: a breakfast row's amount is still per meal.
    assert found == {
        ("in-state", Decimal("7.00")): CapUnit.MEAL,
        ("out-of-state", Decimal("9.00")): CapUnit.MEAL,
        ("in-state", Decimal("17.00")): CapUnit.MEAL,
        ("out-of-state", Decimal("23.00")): CapUnit.MEAL,
    }


def test_a_three_digit_tail_after_the_point_is_no_amount_where_the_table_prints_cents() -> None:
    table: Table = (
        ("Meal", "Per Diem Rate", "Departure before"),
        ("Breakfast", "$9.000", "6:00 a.m."),
        ("Lunch", "$14.00", "11:00 a.m."),
    )
    text = "\n".join(
        [
            "In-State Meal Rates",
            "Meal Per Diem Rate Departure before",
            "Breakfast $9.000 6:00 a.m.",
            "Lunch $14.00 11:00 a.m.",
        ]
    )
    amounts = {cap.amount for cap in _read(text, table).caps}
    assert Decimal(9000) not in amounts
    assert Decimal("14.00") in amounts

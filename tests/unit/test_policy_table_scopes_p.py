"""Ruled limit tables of US public bodies (set P, issue 19): a heading that scopes the table below it,
two tables under the same header row, a header whose top cell spans two columns, and an amount whose
point cannot be read."""

from __future__ import annotations

from decimal import Decimal

from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.adapters.heuristic.tables import read_table
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


def _conditions(policy: Policy) -> dict[Decimal, str]:
    return {cap.amount: cap.condition.text if cap.condition else "" for cap in policy.caps}


def test_a_cell_of_words_beside_the_amount_says_when_the_row_is_paid() -> None:
    table: Table = (
        ("Meal", "Rate", "When travel starts"),
        ("Breakfast", "$9.00", "before 6:30 a.m., with an overnight stay"),
        ("Lunch", "$13.00", "before 11:30 a.m., with an overnight stay"),
    )
    text = "\n".join(
        [
            "Meal allowances",
            "Meal Rate When travel starts",
            "Breakfast $9.00 before 6:30 a.m., with an overnight stay",
            "Lunch $13.00 before 11:30 a.m., with an overnight stay",
        ]
    )
    found = _conditions(_read(text, table))
    assert "travel starts before 6:30 a.m." in found[Decimal("9.00")]
    assert "overnight stay" in found[Decimal("9.00")]
    assert "travel starts before 11:30 a.m." in found[Decimal("13.00")]


def test_a_row_that_must_leave_by_an_hour_is_paid_only_then() -> None:
    text = "\n".join(
        [
            "Meal allowances",
            "Breakfast $7.00 (must leave by 6:30 a.m.)",
            "Lunch $11.00 (must leave by 10:30 a.m.)",
            "Dinner $19.00",
        ]
    )
    found = _conditions(HeuristicPolicyInterpreter().read(Document("p.pdf", "ab" * 32, text, (text,))))
    assert "leave by 6:30 a.m." in found[Decimal("7.00")]
    assert "leave by 10:30 a.m." in found[Decimal("11.00")]
    assert found[Decimal("19.00")] == ""


def test_a_ruled_table_without_header_that_prints_each_amount_first() -> None:
    # The text layer wraps the narrow cells, so the heading is a few lines above the first amount.
    table: Table = (
        ("$6.00", "Leaving before 6:01 am and returning after 8:59 am"),
        ("$10.00", "Leaving before 11:01 am and returning after 1:29 pm"),
    )
    text = "\n".join(
        [
            "Reimbursement rates",
            "In-State Meal Rates",
            "Leaving before",
            "6:01 am and",
            "$6.00",
            "returning after",
            "8:59 am",
            "Leaving before",
            "11:01 am and",
            "$10.00",
            "returning after",
            "1:29 pm",
        ]
    )
    caps = [c for c in _read(text, table).caps if c.condition and "Leaving" in c.condition.text]
    assert {(c.amount, c.category, c.unit) for c in caps} == {
        (Decimal("6.00"), "meals", CapUnit.MEAL),
        (Decimal("10.00"), "meals", CapUnit.MEAL),
    }
    assert all(c.condition is not None and c.condition.locations == ("In-State",) for c in caps)


def test_the_year_of_a_date_wrapped_into_its_own_cell_is_no_amount() -> None:
    # The text layer cut "up to $95 (Sept. 1 – 30, 2019)" so that the date's tail sits beside a label.
    table: Table = (
        ("Daily rates", "Lodging: up to $95 (Sept. 1"),
        ("In-State Meals and", "- 30, 2019)"),
        ("Meals", "Meals: up to $48 (Oct. 1 - Aug. 31, 2020)"),
    )
    text = "\n".join(["Rates for places not listed", *(" ".join(row) for row in table)])
    assert Decimal(2019) not in {cap.amount for cap in _read(text, table).caps}


def test_a_headerless_table_of_what_a_per_diem_is_reduced_by_gives_no_limits() -> None:
    table: Table = (("Breakfast", "$5.00"), ("Lunch", "$7.00"), ("Dinner", "$12.00"))
    lead = "When a meal is provided, the per diem is reduced as follows:"
    assert read_table(list(table), lead, headerless=True) == []
    assert read_table(list(table), "In-State Meal Rates", headerless=True) != []


def test_a_note_that_refuses_gives_the_row_no_condition() -> None:
    table: Table = (
        ("Meal", "Rate", "Remarks"),
        ("Breakfast", "$9.00", "Not paid if travel begins after 7:00 a.m."),
        ("Lunch", "$13.00", "Paid when travel begins before 11:00 a.m."),
    )
    limits = {limit.finding.amount.value: limit.condition for limit in read_table(list(table), "Meal rates")}
    assert limits[Decimal("9.00")] is None
    assert limits[Decimal("13.00")] is not None and "before 11:00 a.m." in limits[Decimal("13.00")].other

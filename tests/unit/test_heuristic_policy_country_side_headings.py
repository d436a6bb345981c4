"""Rate pages that head their rows with the side of a country they hold on ("Within Canada:",
"Outside Canada:"): the rows under each heading take it as their place, and a row that ends in its
amount does not swallow the next short heading. Seen on two Canadian universities' pages (a rate
page and a travel handbook); the texts here are written for the tests and keep that shape."""

from __future__ import annotations

from decimal import Decimal

from tests.policy_text import read

TEXT = (
    "Meal allowance when travelling on university business:\n"
    "Within Canada:\n"
    "Partial per diem: Breakfast - $11.00 Lunch - $16.00 Supper - $24.00\n"
    "Outside Canada:\n"
    "Partial per diem: Breakfast - $14.00 Lunch - $18.00 Supper - $33.00\n"
)


def _rows(text: str) -> set[tuple[str, Decimal, str]]:
    return {(c.meal, c.amount, c.condition.text if c.condition else "") for c in read(text).caps if c.meal}


def test_rows_under_within_and_outside_headings_take_their_side() -> None:
    assert _rows(TEXT) == {
        ("breakfast", Decimal("11.00"), "location Canada"),
        ("lunch", Decimal("16.00"), "location Canada"),
        ("dinner", Decimal("24.00"), "location Canada"),
        ("breakfast", Decimal("14.00"), "location elsewhere"),
        ("lunch", Decimal("18.00"), "location elsewhere"),
        ("dinner", Decimal("33.00"), "location elsewhere"),
    }


def test_a_heading_without_a_side_of_a_place_gives_no_place() -> None:
    rows = _rows("Meal rates\nBreakfast $12 Lunch $17 Dinner $29\n")
    assert {when for _, _, when in rows} == {""}

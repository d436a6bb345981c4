"""One row of amounts under a two-level pipe header whose wide cells lost their spans
(spanned_headers.py)."""

from decimal import Decimal

from reimburse.adapters.heuristic.spanned_headers import spanned_headers
from reimburse.domain.verdict.policy import CapUnit
from tests.policy_text import read

RATES = """STAFF TRAVEL ALLOWANCES
Rates in force from 1 March 2024
NIGHT RATES | DAY RATES | |
---|---|---|---|---|
Standard Rate | Extended Rate | 9 hours or more | 4 hours but less than 9 hours |
€150.20 | €98.40 | €40.10 | €17.55 |
"""


def _caps(text: str) -> dict[Decimal, tuple[str, CapUnit, str]]:
    return {c.amount: (c.category, c.unit, c.condition.text if c.condition else "") for c in read(text).caps}


def test_each_amount_is_a_limit_of_its_narrow_column_under_its_wide_one() -> None:
    caps = _caps(RATES.replace("NIGHT RATES", "OVERNIGHT RATES"))
    assert caps[Decimal("150.20")][:2] == ("meals", CapUnit.NIGHT)
    assert "Standard Rate" in caps[Decimal("150.20")][2]
    assert caps[Decimal("98.40")][:2] == ("meals", CapUnit.NIGHT)
    assert caps[Decimal("40.10")][:2] == ("meals", CapUnit.DAY)
    assert "9 hours or more" in caps[Decimal("40.10")][2]
    assert "4 hours but less than 9 hours" in caps[Decimal("17.55")][2]


def test_the_columns_are_dealt_to_the_wide_cells_in_order_the_first_taking_the_extra_one() -> None:
    text = "A | B |\nw | x | y |\n€1.00 | €2.00 | €3.00 |\n"
    ((rows, used, _, _),) = spanned_headers(text)
    assert rows[0] == ("", "A w", "A x", "B y")
    assert used == [0, 1, 2]


def test_a_header_whose_narrow_row_holds_money_is_no_two_level_header() -> None:
    text = "A | B |\nw | €9.00 | y |\n€1.00 | €2.00 | €3.00 |\n"
    assert spanned_headers(text) == []


def test_a_row_with_a_bare_number_is_not_read() -> None:
    text = "A | B |\nw | x | y |\n€1.00 | 2 | €3.00 |\n"
    assert spanned_headers(text) == []

"""A page that prints a decimal comma reads a lone 'd,ddd' as three decimals wherever the totals
reader reads amounts: the line list, a sum line whose OCR-split cents are joined again, and the
cells the layout finds beside or under a total's label."""

from __future__ import annotations

from decimal import Decimal

from reimburse.adapters.heuristic.amounts import find_amounts
from reimburse.adapters.heuristic.decimal_places import prints_decimal_comma, read_three_places
from reimburse.adapters.heuristic.layout import Layout, Placed
from reimburse.adapters.heuristic.totals import analyse_lines, labelled_amounts
from reimburse.domain.verdict.document import Line, Page

# A fuel receipt in German: cents after a comma, so '27,880 l' is litres and '1,729' a litre price.
FUEL = [
    "TANKSTELLE AM RING",
    "Diesel  48,20 EUR",
    "Summe  27,880 l x 1,729   48 ,20",
]


def test_a_repaired_sum_line_keeps_three_decimals() -> None:
    found = [find_amounts(line) for line in FUEL]
    comma = prints_decimal_comma(found)
    assert comma
    infos = analyse_lines(FUEL, read_three_places(found, comma), decimal_comma=comma)
    values = [a.value for a in infos[2].amounts]
    # the split cents were joined ("48 ,20" -> 48,20) and the line read again
    assert Decimal("48.20") in values
    assert Decimal("27.880") in values and Decimal("1.729") in values
    assert all(v < 100 for v in values)


def test_a_repaired_sum_line_on_a_thousands_page_keeps_thousands() -> None:
    lines = ["Rent  1,250.00", "Total  1,500 units   12 .50"]
    infos = analyse_lines(lines, decimal_comma=False)
    assert Decimal("1500") in [a.value for a in infos[1].amounts]


class _CellsLayout(Layout):
    """A page where one text line's label has its value printed beside it on another baseline."""

    def __init__(self, line: int, beside: list[str]) -> None:
        super().__init__(())
        page = Page(number=1, width=600, height=800, lines=(Line("Summe"),))
        self._line, self._beside = line, beside
        self._placed = Placed(page, page.lines[0], "Summe", ((0, 5),), line)

    def placed(self, text_index: int) -> Placed | None:
        return self._placed if text_index == self._line else None

    def right_of(self, placed: Placed, start: int, end: int) -> list[str]:
        return list(self._beside)

    def below(self, placed: Placed, start: int, end: int) -> str | None:
        return None


def _total_beside(cell: str, decimal_comma: bool) -> Decimal:
    lines = ["Diesel  48,20 EUR", "Summe"]
    infos = analyse_lines(lines, decimal_comma=decimal_comma)
    found = labelled_amounts(infos, _CellsLayout(1, [cell]), decimal_comma=decimal_comma)
    return next(x.amount.value for x in found if x.line == 1)


def test_a_value_beside_a_total_label_keeps_three_decimals_on_a_decimal_comma_page() -> None:
    assert _total_beside("1,699 EUR", decimal_comma=True) == Decimal("1.699")


def test_a_value_beside_a_total_label_keeps_thousands_elsewhere() -> None:
    assert _total_beside("1,699 EUR", decimal_comma=False) == Decimal("1699")

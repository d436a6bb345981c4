"""The invoice number beside the title when the date follows it after a separator mark instead of
a word ("Invoice 2025-14 · October 3, 2025", as "Rechnung Nr. 7 vom <date>" does with a word; set C,
issue 11). Texts written for these tests."""

from __future__ import annotations

import pytest

from reimburse.adapters.heuristic.fields import read_number
from reimburse.adapters.heuristic.text import normalize
from reimburse.adapters.heuristic.totals import analyse_lines


def _number(text: str) -> str | None:
    return read_number(analyse_lines(normalize(text).split("\n")))[0]


@pytest.mark.parametrize("mark", ["·", "|", "–"])
def test_a_title_with_its_number_and_date_after_a_separator(mark: str) -> None:
    text = f"Tobias Ellingham\n\nInvoice 2025-14 {mark} October 3, 2025\n\nTotal   £450.00"
    assert _number(text) == "2025-14"


def test_no_number_is_read_from_a_title_whose_separator_is_followed_by_no_date() -> None:
    assert _number("Receipt 4471 · Table 12\nTotal   £30.00") is None

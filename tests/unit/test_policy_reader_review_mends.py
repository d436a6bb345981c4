"""Defects a review of the policy reader found (set H's graded lines and pipe tables): a year list
whose lines end with a full stop, a pipe table whose top-left header cell is empty, and an approval
word in a caption above a limit table."""

from __future__ import annotations

from decimal import Decimal

from reimburse.adapters.heuristic.graded_lines import graded_lines
from tests.policy_text import read

_YEARS = (Decimal("2019"), Decimal("2020"), Decimal("2021"))


def test_a_full_stop_after_a_bare_year_makes_it_no_money() -> None:
    text = "The per diem allowance was revised in these years:\n\nGrade 1: 2019.\nGrade 2: 2020.\nGrade 3: 2021.\n"
    assert graded_lines(text) == []
    assert not [c for c in read(text).caps if c.amount in _YEARS]


def test_a_full_stop_after_a_signed_amount_keeps_it() -> None:
    text = "The per diem rates are:\n\nGrade 1: $40.\nGrade 2: $50.\nGrade 3: $60.\n"
    [(rows, _, _, _)] = graded_lines(text)
    assert [r[1] for r in rows[1:]] == ["$40.", "$50.", "$60."]

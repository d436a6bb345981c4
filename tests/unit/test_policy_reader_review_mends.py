"""Defects a review of the policy reader found (set H's graded lines and pipe tables): a year list
whose lines end with a full stop, a pipe table whose top-left header cell is empty, and an approval
word in a caption above a limit table."""

from __future__ import annotations

from decimal import Decimal

from reimburse.adapters.heuristic.graded_lines import graded_lines
from reimburse.adapters.heuristic.pipe_tables import pipe_tables
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


_EMPTY_CORNER = """Grade-wise D.A. entitlement:

| | Ordinary Town | State Capitals | Metro Cities |
|---|---|---|---|
| Grade A | 3000/- | 4000/- | 5000/- |
| Grade B | 2500/- | 3500/- | 4500/- |
"""


def test_a_pipe_table_with_an_empty_top_left_cell_is_read() -> None:
    [(rows, used, _, _)] = pipe_tables(_EMPTY_CORNER)
    assert rows[0] == ("", "Ordinary Town", "State Capitals", "Metro Cities")
    assert rows[2] == ("Grade B", "2500/-", "3500/-", "4500/-")
    assert len(used) == 4
    amounts = {c.amount for c in read("Amounts are in INR.\n" + _EMPTY_CORNER).caps}
    assert {Decimal("3000"), Decimal("4500")} <= amounts


_CAPTIONED = """Grade-wise D.A. entitlement (bills/receipts not required):

Grade | Ordinary Town | State Capitals | Metro Cities
---|---|---|---
G-1 | 3000/- | 4000/- | 5000/-
G-2 | 2500/- | 3500/- | 4500/-
"""


def test_a_receipt_note_in_the_caption_does_not_drop_the_table() -> None:
    assert len(pipe_tables(_CAPTIONED)) == 1
    amounts = {c.amount for c in read("Amounts are in INR.\n" + _CAPTIONED).caps}
    assert {Decimal("3000"), Decimal("5000"), Decimal("2500"), Decimal("4500")} <= amounts


def test_an_approver_column_still_drops_the_table() -> None:
    text = "Travel limits:\n\nApprover | Travel up to | Notes\n---|---|---\nManager | 12,000 | a\nDirector | 40,000 | b\n"
    assert pipe_tables(text) == []


def test_us_and_non_us_travel_joined_name_no_side() -> None:
    from reimburse.adapters.heuristic.conditions import scopes_in

    # As "domestic or international travel" does: both sides joined are every trip.
    assert scopes_in("U.S. travel or non-U.S. travel") == []
    assert scopes_in("non-UK and domestic travel") == []
    assert scopes_in("U.S. travel: $65") == ["domestic"]

"""A rates table with a column of the previous rates beside the new ones: the previous column
never gives a limit (columns.py)."""

from decimal import Decimal

from reimburse.adapters.heuristic.columns import rewrite_columns
from tests.policy_text import read


def _amounts(text: str) -> set[Decimal]:
    return {c.amount for c in read(text).caps}


def test_the_new_column_gives_the_limit_and_the_previous_one_none() -> None:
    text = "Maximum allowances are as follows:\nITEM PREVIOUS NEW\nHotel accommodation $140.00 $155.00\nBreakfast $14.00 $16.00\n"
    assert _amounts(text) == {Decimal("155.00"), Decimal("16.00")}


def test_the_old_column_printed_second_is_still_the_old_one() -> None:
    text = "Maximum rates:\nItem   Current rate   Old rate\nHotel accommodation $160.00 $150.00\nBreakfast $16.00 $14.00\n"
    assert _amounts(text) == {Decimal("160.00"), Decimal("16.00")}


def test_rand_amounts_glued_to_their_sign_are_a_row_and_keep_the_rand() -> None:
    text = "DESCRIPTION PRIOR REVISED\nIncidental costs R120.00 R128.50 per day\n"
    assert rewrite_columns(text).split("\n")[1] == "Incidental costs ZAR 128.50 per day;"


def test_a_header_naming_no_old_column_leaves_the_row_alone() -> None:
    text = "ITEM AMOUNT\nIncidental costs R120.00 R128.50 per day\n"
    assert rewrite_columns(text) == text

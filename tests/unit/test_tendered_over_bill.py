"""A payment line chosen as the total while the items add up to a smaller amount printed above it
under a label the reader does not know: cash tendered, never paid silently (issue 11).

The layouts use made-up words so that no language's lexicon reads the bill's label."""

from __future__ import annotations

from decimal import Decimal

from tests.text_receipts import low, read

HEAD = "Quorbel Mart\nPlin Street 4\n27/11/2026\n"
ITEMS = "Zandle   12,00\nMorvik   11,50\n"


def test_change_printed_under_the_payment_gives_the_bill() -> None:
    inv = read(HEAD + ITEMS + "Vexlor   23,50\nCash   30,00\nBrindo   6,50\n")
    assert inv.total == Decimal("23.50")


def test_without_the_change_line_the_payment_goes_to_review() -> None:
    inv = read(HEAD + ITEMS + "Vexlor   23,50\nCash   30,00\n")
    assert low(inv)


def test_a_change_that_does_not_fit_is_not_taken() -> None:
    inv = read(HEAD + ITEMS + "Vexlor   23,50\nCash   30,00\nBrindo   5,00\n")
    assert inv.total != Decimal("23.50") or low(inv)
    assert low(inv)


def test_a_payment_the_items_reach_is_paid_as_before() -> None:
    # nothing smaller than the payment is reached by the items: the card paid the bill
    inv = read(HEAD + ITEMS + "Card   23,50\n")
    assert inv.total == Decimal("23.50")
    assert not low(inv)


def test_charges_between_the_bill_and_the_payment_make_up_the_payment() -> None:
    # a delivery charge under an unknown word: the card paid the bill with it, nothing was handed back
    inv = read(HEAD + ITEMS + "Vexlor   23,50\nPoskat   5,90\nCard   29,40\n")
    assert inv.total == Decimal("29.40")
    assert not low(inv)

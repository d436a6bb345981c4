"""A total printed once and read unsurely leaves review when the whole run of unlabelled items
printed right above its labelled line adds up to it exactly (`corroborate.items_sum`): a misread
total cannot equal the sum of the items as printed. That proves the line was read as printed, not
that it is the amount paid, so a tax, a reduction or another amount to pay below it voids the proof.
Part of a run, one item, a run broken by a subtotal or a tax, a negative line, or a line not
labelled as the total prove nothing either."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import assume, given
from hypothesis import strategies as st

from reimburse.adapters.ocr.corroborate import items_sum
from reimburse.adapters.ocr.review import ocr_pages
from tests.unit.test_ocr_review_calibrated import codes, invoice, receipt

UNSURE = 0.6  # under the single-place threshold (0.8)


def test_an_unsure_total_its_items_add_up_to_is_not_sent_to_review() -> None:
    rows = [
        ("Pasta", "8.00", 0.7),
        ("Wine", "5.45", 0.99),
        ("Coffee", "2.30", 0.95),
        ("TOTAL", "15.75", UNSURE),
    ]
    assert items_sum(ocr_pages(receipt(rows)), Decimal("15.75")) == "the 3 items above it"
    assert codes(receipt(rows), invoice("15.75")) == []


def test_items_that_do_not_add_up_leave_the_doubt() -> None:
    rows = [("Pasta", "8.00", 0.99), ("Wine", "5.45", 0.99), ("TOTAL", "15.75", UNSURE)]
    assert codes(receipt(rows), invoice("15.75")) == ["low_confidence"]


def test_one_item_is_no_sum() -> None:
    # an item equal to the total is the total printed twice, which `total_places` judges
    rows = [("Pasta", "8.00", 0.99), ("TOTAL", "8.00", UNSURE)]
    assert items_sum(ocr_pages(receipt(rows)), Decimal("8.00")) is None


def test_a_labelled_line_ends_the_run() -> None:
    # the items reach the total, but a tax is printed between: the page's arithmetic is another
    rows = [
        ("Pasta", "8.00", 0.99),
        ("Wine", "5.45", 0.99),
        ("VAT", "0.00", 0.99),
        ("TOTAL", "13.45", UNSURE),
    ]
    assert items_sum(ocr_pages(receipt(rows)), Decimal("13.45")) is None
    rows = [
        ("Pasta", "8.00", 0.99),
        ("Wine", "5.45", 0.99),
        ("Subtotal", "13.45", 0.99),
        ("TOTAL", "13.45", UNSURE),
    ]
    assert items_sum(ocr_pages(receipt(rows)), Decimal("13.45")) is None


def test_the_run_is_taken_whole_never_a_part_that_fits() -> None:
    rows = [
        ("Bread", "1.50", 0.99),
        ("Pasta", "8.00", 0.99),
        ("Wine", "5.45", 0.99),
        ("TOTAL", "13.45", UNSURE),
    ]
    assert items_sum(ocr_pages(receipt(rows)), Decimal("13.45")) is None


def test_only_a_line_labelled_as_the_total_is_closed_by_its_items() -> None:
    rows = [("Pasta", "8.00", 0.99), ("Wine", "5.45", 0.99), ("Card", "13.45", UNSURE)]
    assert items_sum(ocr_pages(receipt(rows)), Decimal("13.45")) is None


def test_a_reduction_in_the_run_proves_nothing() -> None:
    rows = [
        ("Pasta", "8.00", 0.99),
        ("Voucher", "-2.00", 0.99),
        ("Wine", "7.45", 0.99),
        ("TOTAL", "13.45", UNSURE),
    ]
    assert items_sum(ocr_pages(receipt(rows)), Decimal("13.45")) is None


@given(
    st.lists(st.integers(min_value=1, max_value=99999), min_size=2, max_size=6),
    st.integers(min_value=1, max_value=999999),
)
def test_a_total_misread_is_never_reached_by_the_items_as_printed(cents: list[int], read: int) -> None:
    printed = sum(cents)
    assume(read != printed and read not in cents)  # an item equal to it prints it twice
    rows = [(f"Item{chr(65 + i)}", f"{c / 100:.2f}", 0.99) for i, c in enumerate(cents)]
    rows.append(("TOTAL", f"{read / 100:.2f}", UNSURE))
    misread = Decimal(read) / 100
    assert items_sum(ocr_pages(receipt(rows)), misread) is None
    assert codes(receipt(rows), invoice(str(misread))) == ["low_confidence"]


def test_a_total_followed_by_tax_and_an_amount_due_is_not_proved_the_payable_one() -> None:
    # a diner's bill: the items reach "Total", then a tax and the balance to pay are printed under it
    rows = [
        ("Soup", "6.50", 0.99),
        ("Salad", "4.50", 0.99),
        ("Total", "11.00", UNSURE),
        ("Sales Tax", "0.99", 0.99),
        ("Balance Due", "11.99", UNSURE),
    ]
    assert items_sum(ocr_pages(receipt(rows)), Decimal("11.00")) is None
    assert codes(receipt(rows), invoice("11.00")) == ["low_confidence"]


def test_a_total_followed_by_a_reduction_and_a_smaller_payment_is_not_proved() -> None:
    rows = [
        ("Soup", "6.50", 0.99),
        ("Salad", "4.50", 0.99),
        ("Total", "11.00", UNSURE),
        ("Voucher", "-1.50", 0.99),
        ("Amount Paid", "9.50", UNSURE),
    ]
    assert items_sum(ocr_pages(receipt(rows)), Decimal("11.00")) is None
    assert codes(receipt(rows), invoice("11.00")) == ["low_confidence"]


def test_cash_handed_over_or_a_card_paying_the_total_keep_the_proof() -> None:
    items = [("Soup", "6.50", 0.99), ("Salad", "4.50", 0.99), ("Total", "11.00", UNSURE)]
    cash = [*items, ("Cash", "20.00", 0.99), ("Change", "9.00", 0.99)]
    card = [*items, ("Visa", "11.00", 0.99)]
    for rows in (cash, card):
        assert items_sum(ocr_pages(receipt(rows)), Decimal("11.00")) == "the 2 items above it"
        assert codes(receipt(rows), invoice("11.00")) == []

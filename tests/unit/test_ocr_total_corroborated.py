"""A total printed once and read unsurely leaves review only when the page's labelled amounts, each
read surely, reach it exactly (subtotal plus tax, cash tendered less change): never by quantities,
item prices, unsure terms, or a sum one rounding line away."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import assume, given
from hypothesis import strategies as st

from reimburse.adapters.ocr.corroborate import labelled_sum
from reimburse.adapters.ocr.review import SINGLE_PLACE_MIN_CONFIDENCE, ocr_pages
from tests.unit.test_ocr_review_calibrated import codes, invoice, receipt

SURE = SINGLE_PLACE_MIN_CONFIDENCE
UNSURE = 0.6  # the total's own reading, under the single-place threshold


def test_an_unsure_total_that_subtotal_and_tax_reach_is_not_sent_to_review() -> None:
    rows = [
        ("Soup", "6.40", 0.97),
        ("Subtotal", "16.80", 0.95),
        ("VAT", "3.19", 0.96),
        ("TOTAL", "19.99", UNSURE),
    ]
    assert codes(receipt(rows), invoice("19.99")) == []


def test_the_same_total_without_that_arithmetic_still_goes_to_review() -> None:
    rows = [
        ("Soup", "6.40", 0.97),
        ("Subtotal", "16.80", 0.95),
        ("VAT", "3.20", 0.96),
        ("TOTAL", "19.99", UNSURE),
    ]
    assert codes(receipt(rows), invoice("19.99")) == ["low_confidence"]


def test_cash_tendered_less_change_clears_the_doubt() -> None:
    rows = [
        ("Tea", "4.10", 0.99),
        ("TOTAL", "12.35", UNSURE),
        ("Cash", "20.00", 0.99),
        ("Change", "7.65", 0.98),
    ]
    assert codes(receipt(rows), invoice("12.35")) == []


def test_an_unsure_term_proves_nothing() -> None:
    rows = [("TOTAL", "12.35", UNSURE), ("Cash", "20.00", 0.99), ("Change", "7.65", 0.7)]
    assert codes(receipt(rows), invoice("12.35")) == ["low_confidence"]


def test_item_prices_and_unlabelled_amounts_are_no_labelled_evidence() -> None:
    # 8.00 + 4.35 reaches the total as items, not as labelled terms: a part of the items chosen to
    # fit would be a chance sum; the whole run of items above the total is `items_sum`'s to judge
    rows = [
        ("Pasta", "8.00", 0.99),
        ("Water", "4.35", 0.99),
        ("Bread", "1.50", 0.99),
        ("TOTAL", "12.35", UNSURE),
    ]
    assert labelled_sum(ocr_pages(receipt(rows)), Decimal("12.35"), SURE) is None
    assert codes(receipt(rows), invoice("12.35")) == ["low_confidence"]


def test_a_rounding_line_voids_the_proof() -> None:
    # Slips print the total before the rounding or after it; either way one sum is a cent off the
    # total, so a misread of the total's last digit could be "reached": such a page proves nothing
    rows = [
        ("SUB-TOTAL", "27.27", 0.95),
        ("GST", "1.64", 0.95),
        ("ROUNDING", "-0.01", 0.96),
        ("TOTAL", "28.90", UNSURE),
    ]
    pages = ocr_pages(receipt(rows))
    assert labelled_sum(pages, Decimal("28.90"), SURE) is None
    assert labelled_sum(pages, Decimal("28.91"), SURE) is None
    rows = [
        ("TOTAL", "60.31", UNSURE),
        ("ROUNDING", "-0.01", 0.96),
        ("Cash", "70.30", 0.99),
        ("Change", "10.00", 0.99),
    ]
    assert labelled_sum(ocr_pages(receipt(rows)), Decimal("60.30"), SURE) is None


def test_without_the_rounding_line_the_same_sum_proves_the_total() -> None:
    rows = [("SUB-TOTAL", "27.27", 0.95), ("GST", "1.64", 0.95), ("TOTAL", "28.91", UNSURE)]
    assert labelled_sum(ocr_pages(receipt(rows)), Decimal("28.91"), SURE) is not None


@given(
    st.integers(min_value=100, max_value=99999),
    st.integers(min_value=1, max_value=5000),
    st.integers(min_value=1, max_value=99999),
)
def test_cash_less_change_reaches_the_total_and_no_other_amount(
    total_cents: int, change_cents: int, other_cents: int
) -> None:
    total, change = Decimal(total_cents) / 100, Decimal(change_cents) / 100
    assume(change != total)  # then the change line prints the total: a second place, no single-place doubt
    rows = [
        ("TOTAL", f"{total:.2f}", UNSURE),
        ("Cash", f"{total + change:.2f}", 0.99),
        ("Change", f"{change:.2f}", 0.99),
    ]
    pages = ocr_pages(receipt(rows))
    assert labelled_sum(pages, total, SURE) is not None
    other = Decimal(other_cents) / 100
    if other != total:
        assert labelled_sum(pages, other, SURE) is None


def test_a_line_between_subtotal_and_total_that_is_no_plain_term_voids_the_proof() -> None:
    # a rounding line whose label OCR cut ("Roundin"): the sum without it is a cent off the page's
    rows = [
        ("Subtotal", "2,234.63", 0.96),
        ("VAT 20%", "446.93", 0.97),
        ("Roundin", "-0.01", 0.93),
        ("TOTAL", "2,681.56", UNSURE),
    ]
    assert labelled_sum(ocr_pages(receipt(rows)), Decimal("2681.56"), SURE) is None
    rows[2] = ("Roundin", "-0.0l", 0.93)  # its digits not read as an amount at all
    assert labelled_sum(ocr_pages(receipt(rows)), Decimal("2681.56"), SURE) is None
    del rows[2]
    assert labelled_sum(ocr_pages(receipt(rows)), Decimal("2681.56"), SURE) is not None


def test_the_subtotal_plus_one_of_two_taxes_proves_no_total() -> None:
    # a misread total (15.30 for 15.90) that the subtotal and the federal tax alone reach
    rows = [
        ("Subtotal", "14.50", 0.97),
        ("GST", "0.80", 0.97),
        ("PST", "0.60", 0.97),
        ("TOTAL", "15.30", UNSURE),
    ]
    assert codes(receipt(rows), invoice("15.30")) == ["low_confidence"]
    right = [*rows[:3], ("TOTAL", "15.90", UNSURE)]
    assert codes(receipt(right), invoice("15.90")) == []


def test_a_printed_tax_total_is_the_tax_not_one_of_its_rate_lines() -> None:
    lines = [("Subtotal", "80.00", 0.97), ("Tax 7%", "5.60", 0.97), ("Tax 2%", "1.60", 0.97)]
    rows = [*lines, ("Total tax", "7.20", 0.97)]
    assert codes(receipt([*rows, ("TOTAL", "85.60", UNSURE)]), invoice("85.60")) == ["low_confidence"]
    assert codes(receipt([*rows, ("TOTAL", "87.20", UNSURE)]), invoice("87.20")) == []


def test_two_equal_tax_lines_are_both_added() -> None:
    # India's central and state GST print the same amount: the tax is their sum
    rows = [
        ("Subtotal", "60.00", 0.97),
        ("CGST 2.5%", "1.50", 0.97),
        ("SGST 2.5%", "1.50", 0.97),
        ("TOTAL", "63.00", UNSURE),
    ]
    assert codes(receipt(rows), invoice("63.00")) == []


def test_a_discount_above_the_subtotal_is_inside_it_already() -> None:
    # a line discount printed among the items; a misread total (5.70 for 7.70) is no subtotal less it
    items = [("Scarf", "9.00", 0.99), ("Discount", "-2.00", 0.97), ("Subtotal", "7.00", 0.97)]
    rows = [*items, ("Tax", "0.70", 0.97)]
    assert codes(receipt([*rows, ("TOTAL", "5.70", UNSURE)]), invoice("5.70")) == ["low_confidence"]
    assert codes(receipt([*rows, ("TOTAL", "7.70", UNSURE)]), invoice("7.70")) == []


def test_a_discount_between_subtotal_and_total_is_taken_off() -> None:
    rows = [
        ("Scarf", "9.00", 0.99),
        ("Subtotal", "9.00", 0.97),
        ("Discount", "-2.00", 0.97),
        ("Tax", "0.70", 0.97),
        ("TOTAL", "7.70", UNSURE),
    ]
    assert codes(receipt(rows), invoice("7.70")) == []

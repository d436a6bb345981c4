"""Label words that OCR spelled with digits ("Bi11 NO", "Tota1", "5ubtotal", "T0TAL"): they are
matched as labels, while values that mix letters and digits keep every character."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reimburse.adapters.invoice_labels.labels import Label, find_labels, label_letters, ocr_letters
from tests.text_receipts import read


@pytest.mark.parametrize(
    ("line", "label", "printed"),
    [
        ("Bi11 NO: SI22107-KTM-81/82", Label.INVOICE_NO, "Bi11 NO"),  # 1 for l
        ("Tota1 42.00", Label.TOTAL, "Tota1"),
        ("5ubtotal 38.00", Label.SUBTOTAL, "5ubtotal"),  # 5 for S
        ("8ILL NO. 4471", Label.INVOICE_NO, "8ILL NO"),  # 8 for B
        ("1NVOICE NO 5521", Label.INVOICE_NO, "1NVOICE NO"),  # 1 for I
        ("GrandTota1 12.50", Label.GRAND, "GrandTota1"),  # a label run together
    ],
)
def test_a_label_word_spelled_with_look_alike_digits_is_found(line: str, label: Label, printed: str) -> None:
    hits = find_labels(line)
    assert [(h.label, h.text) for h in hits][:1] == [(label, printed)]


@pytest.mark.parametrize(
    "line",
    [
        "INV0123 A1B2 10 B1",  # codes and numbers: other digits, or too short to be a label word
        "Seat 1A Coach S5 Table 18",
        "Ref 0815 Batch 5B01",
    ],
)
def test_values_keep_their_digits(line: str) -> None:
    assert label_letters(line) == line


def test_the_read_back_line_keeps_its_length_and_positions() -> None:
    line = "Bi11 NO: SI22107-KTM-81/82  Tota1 185.00"
    read_back = label_letters(line)
    assert len(read_back) == len(line)
    assert read_back.startswith("Bill NO: SI22107-KTM-81/82")  # the value after the label is untouched
    assert read_back.endswith("Total 185.00")


def test_a_bill_number_under_an_ocr_spelled_label_is_read() -> None:
    invoice = read(
        "Himal Grocers Pvt. Ltd.\n"
        "Bi11 NO: SI22107-KTM-81/82\n"
        "Date: 12/08/2024\n"
        "Sugar 1kg   120.00\n"
        "Tota1   120.00\n"
    )
    assert invoice.invoice_number == "SI22107-KTM-81/82"
    assert invoice.total == Decimal("120.00")


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 :.-/", max_size=40))
def test_the_read_back_line_always_has_the_same_length(line: str) -> None:
    assert len(label_letters(line)) == len(line)


@given(st.from_regex(r"[A-Za-z]{1,4}[0-9]*[2-4679][0-9A-Za-z]{0,4}", fullmatch=True))
def test_a_token_holding_a_digit_no_letter_looks_like_is_never_changed(token: str) -> None:
    # only the older single-mark read-back ("Peta1ing") may touch it, never the whole-word one
    line = f"Ref {token} 12.00"
    assert label_letters(line) == ocr_letters(line)

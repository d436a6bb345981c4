"""Amounts paired with the wrong labels on a curved or tilted photo (issue 12): the amount column
drifts a row against the labels, so "Subtotal" carries the tip's amount, "Tip" the total's, and
"TOTAL" stands alone. The reader took the subtotal's line as the total, read surely; a part of
the total printed larger than the total sends the reading to review."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from reimburse.adapters.ocr.layout import OcrWord, build_page, page_text
from reimburse.adapters.ocr.parts import part_over_total
from reimburse.adapters.ocr.review import ocr_pages, ocr_review_flags
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice

PAIRED = "paired across rows"


def document(rows: list[tuple[str, ...]]) -> Document:
    words = []
    for y, cells in enumerate(rows):
        for x, text in enumerate(cells):
            left = 20 + 300 * x
            words.append(OcrWord(text, left, 40 * y, left + 12 * len(text), 40 * y + 25, 0.99))
    page = build_page(words, 1, 1000, 40 * len(rows) + 40, 0.5)
    text = page_text(page)
    return Document(filename="photo.jpg", sha256="0" * 64, text=text, pages=(text,), layout=(page,))


def paired_flags(rows: list[tuple[str, ...]], total: str) -> list[str]:
    invoice = Invoice(total=Decimal(total), invoice_date=date(2023, 3, 9))
    return [f.message for f in ocr_review_flags(document(rows), invoice) if PAIRED in f.message]


HEAD = [("Harbour Diner",), ("09/03/2023", "19:05")]

# As printed: two dishes, subtotal, tip, total.
BILL = [
    *HEAD,
    ("Chowder", "9.40"),
    ("Flatbread", "12.15"),
    ("Subtotal", "21.55"),
    ("Tip", "3.90"),
    ("TOTAL", "25.45"),
]
# The amounts a row higher than their labels: the subtotal line now prints the tip.
DRIFTED_UP = [
    *HEAD,
    ("Chowder", "12.15"),
    ("Flatbread", "21.55"),
    ("Subtotal", "3.90"),
    ("Tip", "25.45"),
    ("TOTAL",),
]
# A row lower: the total line prints the tip, the tip line the subtotal.
DRIFTED_DOWN = [
    *HEAD,
    ("Chowder",),
    ("Flatbread", "9.40"),
    ("Subtotal", "12.15"),
    ("Tip", "21.55"),
    ("TOTAL", "3.90"),
]


def test_a_bill_read_as_printed_is_not_doubted() -> None:
    assert paired_flags(BILL, "25.45") == []


def test_a_subtotal_taken_from_amounts_drifted_up_goes_to_review() -> None:
    assert part_over_total(ocr_pages(document(DRIFTED_UP)), Decimal("3.90")) == Decimal("25.45")
    assert len(paired_flags(DRIFTED_UP, "3.90")) == 1


def test_a_total_line_given_the_tip_by_rows_drifted_down_goes_to_review() -> None:
    assert len(paired_flags(DRIFTED_DOWN, "3.90")) == 1


def test_a_printed_discount_lets_the_total_fall_below_the_subtotal() -> None:
    rows = [*HEAD, ("Subtotal", "48.00"), ("Discount", "-8.00"), ("TOTAL", "40.00")]
    assert paired_flags(rows, "40.00") == []


def test_a_tax_over_the_total_is_doubted_even_beside_a_discount() -> None:
    rows = [*HEAD, ("Discount", "-1.00"), ("VAT", "30.00"), ("TOTAL", "12.00")]
    assert len(paired_flags(rows, "12.00")) == 1


def test_a_line_that_also_names_the_total_is_no_part() -> None:
    rows = [*HEAD, ("Subtotal / Total", "80.00"), ("Cash", "100.00"), ("Change", "20.00")]
    assert paired_flags(rows, "80.00") == []


_CENTS = st.integers(min_value=1, max_value=99_999).map(lambda c: Decimal(c) / 100)


@given(subtotal=_CENTS, tax=_CENTS, tip=_CENTS)
def test_parts_that_add_up_to_the_total_are_never_doubted(
    subtotal: Decimal, tax: Decimal, tip: Decimal
) -> None:
    total = subtotal + tax + tip
    rows = [
        *HEAD,
        ("Subtotal", f"{subtotal:.2f}"),
        ("Tax", f"{tax:.2f}"),
        ("Tip", f"{tip:.2f}"),
        ("Total", f"{total:.2f}"),
    ]
    assert paired_flags(rows, str(total)) == []


@given(part=_CENTS, read=_CENTS)
def test_a_total_read_below_a_printed_tip_is_always_doubted(part: Decimal, read: Decimal) -> None:
    rows = [*HEAD, ("Tip", f"{part:.2f}"), ("Total", f"{read:.2f}")]
    assert (len(paired_flags(rows, str(read))) == 1) == (part > read)


def test_the_label_kinds_named_are_the_readers() -> None:
    from reimburse.adapters.invoice_labels.labels import Label
    from reimburse.adapters.ocr import parts

    assert {label.value for label in Label} >= parts._PARTS | parts._NOT_PARTS | parts._REDUCTIONS


# Amounts half a row off: each on its own line under its label, the tip's beside its label.
HALF_ROW = [
    *HEAD,
    ("Chowder",),
    ("9.40",),
    ("Subtotal",),
    ("21.55",),
    ("Tip", "3.90"),
    ("TOTAL",),
    ("25.45",),
]


def test_a_total_printed_only_as_the_tip_goes_to_review() -> None:
    flags = [f for f in paired_flags(HALF_ROW, "3.90") if "tax or tip line" in f]
    assert len(flags) == 1


def test_a_total_that_is_the_subtotal_alone_is_not_doubted() -> None:
    rows = [*HEAD, ("Chowder", "9.40"), ("Subtotal", "9.40"), ("TOTAL",)]
    assert paired_flags(rows, "9.40") == []


def test_a_total_printed_on_its_own_line_too_is_not_doubted() -> None:
    rows = [*HEAD, ("Subtotal", "25.45"), ("VAT", "0.00"), ("Tip", "0.00"), ("TOTAL", "25.45")]
    assert paired_flags(rows, "25.45") == []

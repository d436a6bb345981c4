"""Labels cut at their start by a thumb or the frame (issue 12): "TAL 59.26" is no label the reader
knows, so it took "ubtotal 51.53" as the total and paid the subtotal. A line whose label was cut
printing an amount above the chosen total sends the invoice to review."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reimburse.adapters.ocr.layout import REPAIRED_CONFIDENCE, OcrWord, build_page, page_text
from reimburse.adapters.ocr.review import cut_label_over, ocr_pages, ocr_review_flags
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice

# (text, cut): a cut word carries the confidence `cut_ends` gives it
Row = tuple[tuple[str, bool], ...]


def document(rows: list[Row]) -> Document:
    words = []
    for y, row in enumerate(rows):
        for x, (text, cut) in enumerate(row):
            left = 20 + 300 * x
            conf = REPAIRED_CONFIDENCE if cut else 0.98
            words.append(OcrWord(text, left, 40 * y, left + 12 * len(text), 40 * y + 25, conf))
    page = build_page(words, 1, 1000, 40 * len(rows) + 40, 0.5)
    text = page_text(page)
    return Document(filename="photo.jpg", sha256="0" * 64, text=text, pages=(text,), layout=(page,))


def row(*cells: str, cut: bool = False) -> Row:
    """A line; with `cut`, its first word was cut on the left."""
    return tuple((text, cut and i == 0) for i, text in enumerate(cells))


def cut_flags(rows: list[Row], total: str) -> list[str]:
    invoice = Invoice(total=Decimal(total), invoice_date=date(2024, 5, 2))
    return [f.message for f in ocr_review_flags(document(rows), invoice) if "label was cut" in f.message]


HEAD: list[Row] = [row("Bar Example"), row("02/05/2024", "12:52")]

# An English bill and a French one, their foot covered on the left: subtotal, tip and total cut.
ENGLISH: list[Row] = [
    *HEAD,
    row("Soup", "11.20"),
    row("Tea", "40.33"),
    row("ubtotal", "51.53", cut=True),
    row("ip", "7.73", cut=True),
    row("TAL", "59.26", cut=True),
]
FRENCH: list[Row] = [
    *HEAD,
    row("Tarte", "12,84", cut=True),
    row("Salade", "27,85", cut=True),
    row("ous-total", "40,69", cut=True),
    row("urboire", "6,10", cut=True),
    row("TAL", "TTC", "46,79", "€", cut=True),
]


@pytest.mark.parametrize(("rows", "subtotal"), [(ENGLISH, "51.53"), (FRENCH, "40.69")])
def test_a_subtotal_below_a_cut_labels_amount_goes_to_review(rows: list[Row], subtotal: str) -> None:
    assert len(cut_flags(rows, subtotal)) == 1


@pytest.mark.parametrize(("rows", "total"), [(ENGLISH, "59.26"), (FRENCH, "46.79")])
def test_the_largest_labelled_amount_is_not_doubted_for_a_cut(rows: list[Row], total: str) -> None:
    assert cut_flags(rows, total) == []


def test_labels_read_whole_are_the_readers_to_judge() -> None:
    whole = [tuple((text, False) for text, _ in r) for r in ENGLISH]
    assert cut_flags(whole, "51.53") == []


@pytest.mark.parametrize(
    "line",
    [
        row("isch", "8", "02.05.2024", cut=True),  # a date on a cut line is no amount
        row("1", "Water", "80.00", cut=True),  # a quantity, not a label, was cut
        row("AUTH", "123456", cut=True),  # no decimals: a code, not money
    ],
)
def test_no_amount_of_a_cut_label_no_doubt(line: Row) -> None:
    assert cut_flags([*HEAD, line, row("TOTAL", "19.18")], "19.18") == []


@given(
    st.lists(st.integers(min_value=100, max_value=99_999), min_size=1, max_size=6),
    st.integers(min_value=0, max_value=100_000),
)
def test_a_cut_line_over_the_total_is_what_is_reported(cents: list[int], extra: int) -> None:
    amounts = [Decimal(c) / 100 for c in cents]
    rows = [*HEAD, *(row("abel", f"{a:.2f}", cut=True) for a in amounts)]
    total = max(amounts) + Decimal(extra) / 100 - Decimal(500) / 100
    over = [a for a in amounts if a > total]
    assert cut_label_over(ocr_pages(document(rows)), total) == (max(over) if over else None)


def one_decimal_flags(printed: str, total: str, currency: str | None) -> list[str]:
    rows = [*HEAD, row("Scone", "18.35"), row("TOTAL", printed)]
    invoice = Invoice(total=Decimal(total), invoice_date=date(2024, 5, 2), currency=currency)
    return [f.message for f in ocr_review_flags(document(rows), invoice) if "one decimal" in f.message]


@pytest.mark.parametrize(
    ("printed", "total", "currency"),
    [("49.6", "49.6", "GBP"), ("EUR34,1", "34.1", None), ("€ 62,3", "62.3", "EUR")],
)
def test_a_total_with_one_decimal_lost_a_digit(printed: str, total: str, currency: str | None) -> None:
    # the frame cut "49.61" just past its 1: two-decimal currencies print two
    assert len(one_decimal_flags(printed, total, currency)) == 1


@pytest.mark.parametrize(
    ("printed", "total", "currency"),
    [("49.60", "49.6", "GBP"), ("1.250", "1250", "EUR"), ("450.5", "450.5", "INR")],
)
def test_two_decimals_or_a_whole_unit_currency_are_not_doubted(
    printed: str, total: str, currency: str | None
) -> None:
    assert one_decimal_flags(printed, total, currency) == []


def cut_day_flags(line: Row, when: date) -> list[str]:
    rows = [row("Bar Example"), line, row("TOTAL", "19.18")]
    invoice = Invoice(total=Decimal("19.18"), invoice_date=when)
    return [
        f.message for f in ocr_review_flags(document(rows), invoice) if "digit may have been cut" in f.message
    ]


@pytest.mark.parametrize(
    ("printed", "when"),
    [("3-05-2021", date(2021, 5, 3)), ("3/04/2021", date(2021, 4, 3))],
)
def test_a_half_padded_date_starting_a_line_lost_a_digit(printed: str, when: date) -> None:
    # "13-05-2021" and "23/04/2021" with their first digit cut off by the frame
    assert len(cut_day_flags(row(printed, "14:09"), when)) == 1


@pytest.mark.parametrize(
    ("line", "when"),
    [
        (row("13-05-2021", "14:09"), date(2021, 5, 13)),  # padded
        (row("3-5-2021", "14:09"), date(2021, 5, 3)),  # neither field padded: as written
        (row("Date:", "3-05-2021"), date(2021, 5, 3)),  # a label before it: its start is whole
    ],
)
def test_whole_dates_are_not_doubted_for_a_cut(line: Row, when: date) -> None:
    assert cut_day_flags(line, when) == []

"""A part of the total printed larger than the total: labels and amounts paired wrongly (issue 12).

A subtotal, a tax or a tip is a part of the total, never more than it. On a curved or tilted
photo the column of amounts drifts a row against the column of labels, and OCR's lines pair
each label with its neighbour's amount ("Subtotal $6.10" / "Tip $46.78" / "TOTAL" alone): the
reader then takes a sure, but wrong, amount as the total, printed once and read at 1.00, that no
confidence check can doubt. A part printed larger than the total read shows the pairing is wrong,
whichever way the rows drifted. A printed reduction (a discount, a deposit, any negative amount)
can bring the total below its subtotal, so a subtotal is not judged on such a page; a tax or tip
is a part whatever else is printed.
"""

from __future__ import annotations

from decimal import Decimal

from reimburse.adapters.invoice_labels.labels import Label, find_labels
from reimburse.adapters.ocr.confidence import AMOUNT_WORD, amount_places, amount_value
from reimburse.domain.verdict.document import Line, Page

_PARTS = frozenset({Label.SUBTOTAL, Label.TAX, Label.TAX_TOTAL, Label.TIP})
# A line with any other amount label is no plain part ("Subtotal / Total", "Tip  Change").
_NOT_PARTS = frozenset(
    {Label.GRAND, Label.TOTAL, Label.NET, Label.PAID, Label.WEAK, Label.DUE, Label.PREPAID, Label.CHANGE}
    | {Label.DISCOUNT, Label.ROUNDING, Label.TAX_INCLUDED, Label.OTHER}
)
_REDUCTIONS = frozenset({Label.DISCOUNT, Label.PREPAID})
# Parts that are never the whole: a subtotal may be the total (nothing added), a tax or tip not.
_ADDED = frozenset({Label.TAX, Label.TAX_TOTAL, Label.TIP})


def _labels_of(text: str) -> set[Label]:
    return {hit.label for hit in find_labels(text)}


def part_over_total(pages: list[Page], total: Decimal) -> Decimal | None:
    """The largest amount above `total` that an OCR'd line labelled only as a part of the total
    (subtotal, tax, tip) prints as its last amount with two decimals; None when there is none."""
    if total <= 0:
        return None
    lines = [line for page in pages for line in page.lines]
    reduced = any(_reduction(line) for line in lines)
    over = []
    for line in lines:
        labels = _labels_of(line.text)
        if not labels & _PARTS or labels & _NOT_PARTS:
            continue
        if reduced and Label.SUBTOTAL in labels:
            continue
        value = _last_amount(line)
        if value is not None and value > total:
            over.append(value)
    return max(over, default=None)


def total_only_as_added_part(pages: list[Page], total: Decimal) -> bool:
    """Whether every OCR'd line printing `total` is labelled only as a tax or a tip: the reader
    took a part for the whole ("Tip $5.76" over a lone "TOTAL", its amount a row down)."""
    if total <= 0:
        return False
    printing = [line for page in pages for line in page.lines if amount_places(line, total)]
    return bool(printing) and all(
        (labels := _labels_of(line.text)) & _ADDED and not labels & _NOT_PARTS for line in printing
    )


def _last_amount(line: Line) -> Decimal | None:
    amounts = [amount_value(w.text) for w in line.words if AMOUNT_WORD.fullmatch(w.text)]
    return next((a for a in reversed(amounts) if a is not None), None)


def _reduction(line: Line) -> bool:
    """A discount or deposit label, or a negative amount ("-5.00", "5.00-", "- 5.00")."""
    if _labels_of(line.text) & _REDUCTIONS:
        return True
    return any(w.text.strip() == "-" or ("-" in w.text and AMOUNT_WORD.fullmatch(w.text)) for w in line.words)

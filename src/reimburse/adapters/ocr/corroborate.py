"""Whether an OCR'd page's own labelled arithmetic reaches a total exactly: the evidence that
clears the doubt about a total printed once and read unsurely (`review`).

A careful reader who cannot make out the total's digits checks them against the rest of the
slip: the subtotal plus the tax (the printed tax total, or all tax lines added; plus a tip, less
a discount printed below the subtotal), or the cash tendered less the change handed back. Only
labelled amounts count, each read surely with two decimals, never quantities or item prices: an
earlier try with any two amounts was reached by chance sums with quantities ("20.00" + "1"). The
proof is void when a term of the page was read unsurely, when a rounding line is printed (slips
print the total before or after it, so one sum is a cent off), or when a line between the
subtotal and the total is no plain term ("Roundin -0.01", a fee).

The items a total closes are evidence too (`items_sum`): the unlabelled amounts printed right
above a line labelled as the total, two or more, adding up to it exactly. This proves the labelled
line was read as printed (a misread total cannot equal the sum of the items printed right; only a
misread item that makes up for it exactly could), not that it is the amount paid: so no amount
labelled as another total, a tax, a tip or a reduction may follow it ("Total 11.00 / Sales Tax
0.88 / Balance Due 11.88").

Measured with tests/eval/ocr_calibration (session 13): of 51,260 one-character misreads of right
totals written into their pages (41 development OCR'd documents and 795 rendered receipts:
seeds 7 and 11, and seed 13 with taxed receipts) none was reached, nor any of the 129 wrong totals
read; 16 right totals printed once and read unsurely left review, and no wrong reading did.
"""

from __future__ import annotations

import re
from decimal import Decimal

from reimburse.adapters.invoice_labels.labels import Label, find_labels
from reimburse.adapters.ocr.confidence import AMOUNT_WORD, amount_value, digits_sure
from reimburse.domain.verdict.document import Line, Page, Word

# Cash handed over, in the six languages ("Bar 50,00 / Rückgeld 4,25", "Espèces / Rendu").
_TENDERED = re.compile(
    r"(?i)(?<![^\W\d_])(?:cash|tendered|tender|bar|gegeben|esp[èe]ces|efectivo|entregado|contanti|contant)"
    r"(?![^\W\d_])"
)


def labelled_sum(pages: list[Page], total: Decimal, sure: float) -> str | None:
    """How the page's labelled amounts, read at `sure` or better, reach `total` exactly; None
    when they do not. The total's own lines (printing `total`) are no evidence and left out."""
    terms = _labelled_terms(pages, total, sure)
    if terms is None or "rounding" in terms:
        # Slips print the total before the rounding (then cash pays the rounded sum) or after it:
        # either way one of the sums is a few cents off the total, and a misread of its last
        # digit would be "reached" (sroie_train_001, 60.31 and 60.30 on rendered receipts).
        return None
    if (cash := _cash_less_change(terms, total)) is not None:
        return cash
    if "stray" in terms:
        # a line between the subtotal and the total that is no plain term ("Roundin -0.01", a
        # fee): the sum without it is not the page's, and may sit a cent off the total
        return None
    # the printed tax total, else every tax line added (CGST and SGST print the same amount):
    # never one tax alone, which a misread total on a two-tax slip may equal
    taxes = set(terms.get("tax_total", ())) or {sum(terms.get("tax", ()), Decimal(0))}
    tip = sum(terms.get("tip", ()), Decimal(0))
    discount = sum((abs(d) for d in terms.get("discount", ())), Decimal(0))
    for subtotal in sorted(set(terms.get("subtotal", ()))):
        for tax in sorted(taxes):
            if subtotal > 0 and tax > 0 and subtotal + tax + tip - discount == total:
                return f"the subtotal {subtotal} plus the tax {tax}"
    return None


def cash_sum(pages: list[Page], total: Decimal, sure: float) -> str | None:
    """`labelled_sum`'s cash proof alone: the cash tendered less the change reaching `total`.
    Two amounts printed apart from the total, so one misread cannot keep it exact; the subtotal
    shares the total's leading digits and font, and a look-alike in the same place of both
    ("Subtotal 70.00 / TOTAL 70.80" for 10.00 and 10.80) keeps subtotal plus tax exact."""
    terms = _labelled_terms(pages, total, sure)
    if terms is None or "rounding" in terms:
        return None
    return _cash_less_change(terms, total)


def _cash_less_change(terms: dict[str, list[Decimal]], total: Decimal) -> str | None:
    for tendered in terms.get("tendered", ()):
        for change in terms.get("change", ()):
            if tendered > 0 and change > 0 and tendered - change == total:
                return f"the cash tendered {tendered} less the change {change}"
    return None


def _labelled_terms(pages: list[Page], total: Decimal, sure: float) -> dict[str, list[Decimal]] | None:
    """Each kind's signed amounts; None when one of them was read unsurely (its sum is unknown).
    "stray" is set when a line below a subtotal and above the total is no plain term."""
    kinds = {
        Label.SUBTOTAL: "subtotal",
        Label.TAX: "tax",
        Label.TAX_TOTAL: "tax_total",
        Label.TIP: "tip",
        Label.DISCOUNT: "discount",
        Label.ROUNDING: "rounding",
        Label.CHANGE: "change",
    }
    terms: dict[str, list[Decimal]] = {}
    for page in pages:
        below_subtotal = False  # between a subtotal line and the total's line
        for line in page.lines:
            amounts = [w for w in line.words if AMOUNT_WORD.fullmatch(w.text)]
            value = amount_value(amounts[-1].text) if amounts else None
            if value == total:
                below_subtotal = False
            if value is None or value in (0, total):
                if below_subtotal and value is None and any(ch.isdigit() for ch in line.text):
                    terms["stray"] = []  # digits OCR did not read as an amount
                continue
            hits = {hit.label for hit in find_labels(line.text)}
            labels = {kinds.get(label, "other") for label in hits}
            if hits <= {Label.PAID} and _TENDERED.search(line.text):  # "Cash" is read as paid
                kind = "tendered"
            elif len(labels) == 1 and "other" not in labels:
                kind = labels.pop()
            else:
                if below_subtotal:
                    terms["stray"] = []
                continue  # no label, a total's, or two: the amount's role is not plain
            below_subtotal = below_subtotal or kind == "subtotal"
            if kind == "discount" and not below_subtotal:
                continue  # among the items (already inside the subtotal) or after the total
            if digits_sure(amounts[-1]) < sure:
                return None
            negative = any(mark in amounts[-1].text for mark in "-(")
            terms.setdefault(kind, []).append(-value if negative else value)
    return terms


# Labels that give a line's amount a role other than an item's ("Fare" and "Amount", weak labels,
# are item names too).
_NOT_ITEM = frozenset(
    {"grand", "total", "net", "paid", "subtotal", "tax", "tax_total", "discount", "rounding", "due"}
    | {"prepaid", "change", "tip", "tax_included"}
)
_TOTAL_LABELS = frozenset({"grand", "total"})
MIN_ITEMS = 2  # one item equal to the total is the total printed twice, no sum


def items_sum(pages: list[Page], total: Decimal) -> str | None:
    """How the items printed right above a total's line reach `total` exactly: the whole run of
    lines above it that end in an amount with two decimals and carry no amount's label (the first
    line without an amount, or with a subtotal's, tax's or other amount's label, ends it), two or
    more, none negative; None when no such run adds up to `total`. The run is taken whole, never a
    part of it, so no choice of terms can reach a misread total by chance."""
    for page in pages:
        lines = page.lines
        for k, line in enumerate(lines):
            if _last_amount(line.words) != total:
                continue
            if not {str(h.label) for h in find_labels(line.text)} & _TOTAL_LABELS:
                continue
            terms: list[Decimal] = []
            for above in reversed(lines[:k]):
                value = _last_amount(above.words)
                if value is None or {str(h.label) for h in find_labels(above.text)} & _NOT_ITEM:
                    break
                terms.append(value)
            if (
                len(terms) >= MIN_ITEMS
                and all(t > 0 for t in terms)
                and sum(terms, Decimal(0)) == total
                and not _goes_on(lines[k + 1 :], total)
            ):
                return f"the {len(terms)} items above it"
    return None


def _last_amount(words: tuple[Word, ...]) -> Decimal | None:
    """The value of a line's last word that is an amount with two decimals (None: there is none)."""
    amounts = [w for w in words if AMOUNT_WORD.fullmatch(w.text)]
    if not amounts:
        return None
    value = amount_value(amounts[-1].text)
    return None if value is None or any(mark in amounts[-1].text for mark in "-(") else value


# Below a total, a tax, tip, reduction or another amount to pay: that total closes the items but
# is not what was paid ("Total 11.00 / Sales Tax 0.88 / Balance Due 11.88"). Cash handed over
# ("Cash 20.00", labelled paid) is more than the total, and change is unlabelled: they end nothing.
_GOES_ON = frozenset({"grand", "total", "due", "tax", "tax_total", "discount", "rounding", "tip"})


def _goes_on(below: tuple[Line, ...], total: Decimal) -> bool:
    """Whether a line under the total's prints another amount (either sign) labelled as a total,
    an amount due, a tax, a tip or a reduction, or a paid amount smaller than the total."""
    for line in below:
        amounts = [w for w in line.words if AMOUNT_WORD.fullmatch(w.text)]
        value = amount_value(amounts[-1].text) if amounts else None
        if value is None:
            continue
        labels = {str(h.label) for h in find_labels(line.text)}
        if (value != total and labels & _GOES_ON) or ("paid" in labels and value < total):
            return True
    return False

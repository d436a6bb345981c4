"""Whether an OCR'd page's own labelled arithmetic reaches a total exactly: the evidence that
clears the doubt about a total printed once and read unsurely (`review`).

A careful reader who cannot make out the total's digits checks them against the rest of the
slip: the subtotal plus the tax (plus a tip, less a discount, with the rounding line), or the cash
tendered less the change handed back. Only labelled amounts count, each read surely with two
decimals, never quantities or item prices: an earlier try with any two amounts was reached by
chance sums with quantities ("20.00" + "1"). Every term of a kind the equation uses must be read
surely (an unsure rounding line leaves the un-rounded sum, one cent off, unchecked), so a total
misread by a digit is reached only when the page prints that very sum, which it rarely does: on the
development corpus and 113 rendered receipts no one-character misread of a total (9,077 tried)
was reached (tests/eval/ocr_calibration).
"""

from __future__ import annotations

import re
from decimal import Decimal

from reimburse.adapters.ocr.confidence import amount_value
from reimburse.domain.verdict.document import Page, Word

# A word that is an amount with two decimals (thousands grouped or not), a sign or code around it.
_AMOUNT = re.compile(r"[^\d.,]{0,3}-?\d{1,3}(?:[.,'\u00a0 ]?\d{3})*[.,]\d{2}[^\d.,]{0,3}")
# Cash handed over, in the six languages ("Bar 50,00 / Rückgeld 4,25", "Espèces / Rendu").
_TENDERED = re.compile(
    r"(?i)(?<![^\W\d_])(?:cash|tendered|tender|bar|gegeben|esp[èe]ces|efectivo|entregado|contanti|contant)"
    r"(?![^\W\d_])"
)


def labelled_sum(pages: list[Page], total: Decimal, sure: float) -> str | None:
    """How the page's labelled amounts, read at `sure` or better, reach `total` exactly; None
    when they do not. The total's own lines (printing `total`) are no evidence and left out."""
    terms = _labelled_terms(pages, total, sure)
    if terms is None:
        return None
    rounding = sum(terms.get("rounding", ()), Decimal(0))
    for tendered in terms.get("tendered", ()):
        for change in terms.get("change", ()):
            if tendered > 0 and change > 0 and tendered - change == total + rounding:
                return f"the cash tendered {tendered} less the change {change}"
    taxes = sorted(set(terms.get("tax", ())))
    tip = sum(terms.get("tip", ()), Decimal(0))
    discount = sum((abs(d) for d in terms.get("discount", ())), Decimal(0))
    for subtotal in sorted(set(terms.get("subtotal", ()))):
        # all the taxes, or one of them (a page printing each rate and their sum)
        for tax in sorted({sum(taxes, Decimal(0)), *taxes}):
            if subtotal > 0 and tax > 0 and subtotal + tax + tip - discount + rounding == total:
                return f"the subtotal {subtotal} plus the tax {tax}"
    return None


def _labelled_terms(pages: list[Page], total: Decimal, sure: float) -> dict[str, list[Decimal]] | None:
    """Each kind's signed amounts; None when one of them was read unsurely (its sum is unknown)."""
    # Imported here: the heuristic package imports the OCR review, which imports this module.
    from reimburse.adapters.heuristic.labels import Label, find_labels

    kinds = {
        Label.SUBTOTAL: "subtotal",
        Label.TAX: "tax",
        Label.TAX_TOTAL: "tax",
        Label.TIP: "tip",
        Label.DISCOUNT: "discount",
        Label.ROUNDING: "rounding",
        Label.CHANGE: "change",
    }
    terms: dict[str, list[Decimal]] = {}
    for page in pages:
        for line in page.lines:
            amounts = [w for w in line.words if _AMOUNT.fullmatch(w.text)]
            value = amount_value(amounts[-1].text) if amounts else None
            if value is None or value in (0, total):
                continue
            hits = {hit.label for hit in find_labels(line.text)}
            labels = {kinds.get(label, "other") for label in hits}
            if hits <= {Label.PAID} and _TENDERED.search(line.text):  # "Cash" is read as paid
                kind = "tendered"
            elif len(labels) == 1 and "other" not in labels:
                kind = labels.pop()
            else:
                continue  # no label, a total's, or two: the amount's role is not plain
            if _digits_sure(amounts[-1]) < sure:
                return None
            negative = any(mark in amounts[-1].text for mark in "-(")
            terms.setdefault(kind, []).append(-value if negative else value)
    return terms


def _digits_sure(word: Word) -> float:
    return word.confidence if word.digit_confidence is None else word.digit_confidence

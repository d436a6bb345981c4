"""Checks a model's reading of an invoice against what the document prints.

A model can be talked into anything by the document it reads. The verdict engine only sees the
extracted Invoice, so this is where a manipulated reading is stopped:
- a total that is not printed outside instruction-like lines is rejected (UntrustedAmount);
- a printed total with no support (no total label, not subtotal + taxes, not the sum of the
  items, not the largest amount) is kept but sent to review;
- subtotal, taxes and item amounts that are not printed are reported for review;
- an item matching a policy exclusion that is printed but missing from the reading is added back,
  so "leave out the wine" cannot dodge the exclusion;
- text addressed to an AI is reported for review.

Review concerns are Invoice notes "code: message" with FlagCode values; the application turns
them into flags.
"""

from __future__ import annotations

import re
from decimal import Decimal

import msgspec

from reimburse.adapters.gemini.printed_amounts import (
    PrintedAmounts,
    amounts_in,
    is_instruction,
    quantize,
    read_printed,
)
from reimburse.domain.errors import ExtractionError
from reimburse.domain.verdict.invoice import Invoice, LineItem
from reimburse.domain.verdict.policy import Policy
from reimburse.domain.verdict.verdict import FlagCode

TOLERANCE = Decimal("0.01")


class UntrustedAmount(ExtractionError):
    """The model's total is not printed in the document: it was not trusted."""

    code = "ExtractionError"

    def __init__(self, total: Decimal, message: str) -> None:
        super().__init__(message)
        self.total = total


def _note(code: FlagCode, message: str) -> str:
    return f"{code.value}: {message}"


def _close(a: Decimal, b: Decimal) -> bool:
    return abs(quantize(a) - quantize(b)) <= TOLERANCE


def _total_supported(invoice: Invoice, printed: PrintedAmounts) -> bool:
    total = quantize(invoice.total)
    if total in printed.labelled_totals:
        return True
    if _taxes_close_the_total(invoice, printed, total):
        return True
    return _items_match(invoice, printed, total) or _largest(total, printed)


def _taxes_close_the_total(invoice: Invoice, printed: PrintedAmounts, total: Decimal) -> bool:
    """A printed subtotal plus the taxes (printed, or the sum of printed tax lines) gives the total."""
    sub, tax = invoice.subtotal, invoice.taxes
    return sub is not None and tax is not None and printed.printed(sub) and _close(sub + tax, total)


def _items_match(invoice: Invoice, printed: PrintedAmounts, total: Decimal) -> bool:
    items = invoice.line_items
    return (
        bool(items)
        and all(printed.printed(i.amount) for i in items)
        and _close(sum((i.amount for i in items), Decimal(0)), total)
    )


def _largest(total: Decimal, printed: PrintedAmounts) -> bool:
    pool = printed.money_like or printed.amounts
    return bool(pool) and total >= max(pool)


def _keyword_pattern(keyword: str) -> re.Pattern[str]:
    # Same start-of-word rule as the engine: "wine" matches "Wines", not "Swine".
    return re.compile(r"(?<![^\W\d_])" + re.escape(keyword.lower()))


def _last_amount(line: str) -> Decimal | None:
    matches = list(re.finditer(r"\d(?:[\d.,']*\d)?", line))
    for match in reversed(matches):
        found = amounts_in(match.group())
        if found:
            return max(found)  # "1,234" reads as 1234 before 1.234
    return None


def _recover_excluded_items(invoice: Invoice, text: str, policy: Policy) -> tuple[list[LineItem], list[str]]:
    """Printed lines matching an exclusion keyword that the model left out of the items."""
    added: list[LineItem] = []
    notes: list[str] = []
    category = policy.category(invoice.category)
    have = [i.description.lower() for i in invoice.line_items]
    amounts = {quantize(i.amount) for i in invoice.line_items}
    for rule in policy.exclusions:
        if category is not None and not rule.applies_to(category.name):
            continue
        patterns = [_keyword_pattern(k) for k in rule.keywords if k.strip()]
        if not patterns or any(p.search(d) for p in patterns for d in have):
            continue
        for raw in text.splitlines():
            line = raw.strip()
            if not line or is_instruction(line) or not any(p.search(line.lower()) for p in patterns):
                continue
            amount = _last_amount(line)
            if amount is None or amount <= 0 or amount in amounts:
                continue
            added.append(LineItem(description=line[:120], amount=amount))
            amounts.add(amount)
            notes.append(
                _note(
                    FlagCode.LOW_CONFIDENCE,
                    f'"{line[:80]}" is printed on the invoice but was missing from the extracted items; '
                    f"it was added so the {rule.name} exclusion applies.",
                )
            )
    return added, notes


def cross_check(invoice: Invoice, text: str, policy: Policy, seen: bool = False) -> Invoice:
    """`seen`: the model read page images and `text` is our OCR of them. OCR misreads digits, so a
    total the OCR text lacks is then a contradiction for review, not a rejection."""
    printed = read_printed(text)
    total = quantize(invoice.total)
    contradiction: list[str] = []
    if seen and not printed.printed(total) and not _only_in_instructions(total, printed):
        contradiction.append(
            _note(
                FlagCode.LOW_CONFIDENCE,
                f"The model read a total of {total} from the page image, but the OCR of the same page "
                "does not show it; check the total.",
            )
        )
    elif not printed.printed(total):
        hint = (
            " (it appears only in text addressed to an AI)" if _only_in_instructions(total, printed) else ""
        )
        raise UntrustedAmount(
            total,
            f"the model read a total of {total} that the document does not print{hint}; it was not trusted",
        )
    notes = [*invoice.notes, *contradiction]
    if not contradiction and not _total_supported(invoice, printed):
        notes.append(
            _note(
                FlagCode.LOW_CONFIDENCE,
                f"The total {total} is printed but not labelled as a total, nor equal to the items or "
                "subtotal plus taxes; check it.",
            )
        )
    unprinted = [
        f"{name} {value}"
        for name, value in (("subtotal", invoice.subtotal), ("taxes", invoice.taxes))
        if value is not None and value != 0 and not printed.printed(value)
    ]
    if _taxes_close_the_total(invoice, printed, total):
        # Several tax lines (CGST + SGST) are reported as one sum: fine when it closes the total.
        unprinted = [u for u in unprinted if not u.startswith("taxes ")]
    unprinted += [
        f"item '{i.description[:40]}' {i.amount}" for i in invoice.line_items if not printed.printed(i.amount)
    ]
    if unprinted:
        notes.append(
            _note(
                FlagCode.AMOUNT_NOT_IN_TEXT,
                "Amounts read that the document does not print: " + "; ".join(unprinted),
            )
        )
    candidates = tuple(c for c in invoice.candidate_totals if printed.printed(c))
    if candidates and not any(_close(c, total) for c in candidates):
        candidates = (*candidates, total)
    added, recovered = _recover_excluded_items(invoice, text, policy)
    notes += recovered
    if printed.instruction_lines:
        quoted = "; ".join(f'"{line[:80]}"' for line in printed.instruction_lines[:3])
        notes.append(
            _note(
                FlagCode.LOW_CONFIDENCE,
                f"The document contains text addressed to an automated reader, which was ignored: {quoted}.",
            )
        )
    category = invoice.category
    if category and _category_only_in_instructions(category, policy, text):
        notes.append(
            _note(
                FlagCode.LOW_CONFIDENCE,
                f"The category '{category}' is suggested only by text addressed to an AI.",
            )
        )
    return msgspec.structs.replace(
        invoice,
        candidate_totals=candidates,
        line_items=invoice.line_items + tuple(added),
        notes=tuple(dict.fromkeys(notes)),
    )


def _only_in_instructions(total: Decimal, printed: PrintedAmounts) -> bool:
    return any(total in amounts_in(line) for line in printed.instruction_lines)


def _category_only_in_instructions(category: str, policy: Policy, text: str) -> bool:
    found = policy.category(category)
    words = [category, *(found.synonyms if found else ())]
    patterns = [_keyword_pattern(w) for w in words if w.strip()]
    lines = [line.lower() for line in text.splitlines() if line.strip()]
    in_data = any(p.search(line) for p in patterns for line in lines if not is_instruction(line))
    in_instructions = any(p.search(line) for p in patterns for line in lines if is_instruction(line))
    return in_instructions and not in_data

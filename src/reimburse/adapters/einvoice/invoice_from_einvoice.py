"""Invoice from an e-invoice: the seller's XML is read exactly, then checked against the page.

Amounts, dates, number, seller and lines come from the XML as stated (a corrective invoice's
negative amounts stay negative; a credit note's positive amounts stay positive, and it gets a
FlagCode.CREDIT_NOTE flag: it is money back, which must not be paid out as an expense).
What XML cannot say, the page reading gives: the category, the names, a stay's nights.
The page is the document a person sees, so the XML is checked against it: when the page does
not print the XML's total or its invoice number, FlagCode.EINVOICE_MISMATCH says which. A page
may print an amount as 1.234,56 or 1,234.56 or 1 234,56; each form counts. A standalone XML file
has no page of its own (its text is our rendering), so there is nothing to check it against.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import date
from decimal import Decimal

from reimburse.adapters.einvoice.render import render
from reimburse.domain.errors import ExtractionError
from reimburse.domain.verdict.document import Document, EInvoice
from reimburse.domain.verdict.invoice import Invoice, LineItem
from reimburse.domain.verdict.policy import Policy
from reimburse.domain.verdict.verdict import Flag, FlagCode

# UNTDID 1001 codes that EN 16931 counts as credit notes (381 the common one).
CREDIT_NOTE_CODES = frozenset({"81", "83", "261", "262", "296", "308", "381", "396", "420", "458", "532"})
_FLAG_CODES = frozenset(code.value for code in FlagCode)
SURE = 0.9  # the page reader's confidence in its total above which its reading is compared


def read_with_einvoice(
    document: Document, policy: Policy, read_page: Callable[[Document, Policy], Invoice], name: str
) -> Invoice:
    """For a Document carrying an e-invoice: the page reading (when it succeeds) merged under
    the XML. `name` is the page reader's name, so the extractor reads e.g. "einvoice+heuristic"."""
    assert document.einvoice is not None
    try:
        page = read_page(document, policy) if has_own_page(document) else None
    except ExtractionError:
        page = None  # the XML alone still makes a complete reading
    return merge(document, policy, page, name)


async def aread_with_einvoice(
    document: Document,
    policy: Policy,
    read_page: Callable[[Document, Policy], Awaitable[Invoice]],
    name: str,
) -> Invoice:
    """read_with_einvoice for a page reader that is a coroutine (the Gemini extractor). When the
    model cannot be reached, the XML alone still gives the reading."""
    assert document.einvoice is not None
    try:
        page = await read_page(document, policy) if has_own_page(document) else None
    except ExtractionError:
        page = None
    return merge(document, policy, page, name)


def has_own_page(document: Document) -> bool:
    """False for a standalone XML file, whose text is only our rendering of the XML."""
    return document.einvoice is not None and document.text.strip() != render(document.einvoice).strip()


def merge(document: Document, policy: Policy, page: Invoice | None, name: str) -> Invoice:
    e = document.einvoice
    assert e is not None
    category, category_conf, notes = _category(document, policy, e, page)
    notes.insert(0, f"read from the {e.syntax} e-invoice XML")
    if page is not None:
        # The page reader's review concerns ("code: message") are about fields the XML settles.
        notes += [n for n in page.notes if n.split(":", 1)[0].strip() not in _FLAG_CODES]
    lines = tuple(LineItem(description=x.description, amount=x.amount, quantity=x.quantity) for x in e.lines)
    exact = {"total": 1.0, "currency": 1.0 if e.currency else 0.0}
    confidence = {
        **(page.confidence if page else {}),
        **exact,
        "category": category_conf,
        **{
            k: 1.0
            for k, v in (("invoice_date", e.issue_date), ("vendor", e.seller), ("invoice_number", e.number))
            if v
        },
    }
    flags = cross_check(document.text, e, page) if has_own_page(document) else ()
    if e.type_code in CREDIT_NOTE_CODES or e.syntax == "UBL CreditNote":
        # Its amounts are positive by the standard; paying it out as an expense would be wrong.
        flags += (
            Flag(
                FlagCode.CREDIT_NOTE,
                f"This is a credit note (type {e.type_code}): the seller refunds {e.total} "
                f"{e.currency or ''}".rstrip()
                + "; it is not a charge to reimburse.",
            ),
        )
    return Invoice(
        total=e.total,
        currency=e.currency or (page.currency if page else None),
        vendor=e.seller or (page.vendor if page else None),
        invoice_number=e.number or (page.invoice_number if page else None),
        invoice_date=e.issue_date or (page.invoice_date if page else None),
        dates=_dates(e, page),
        line_items=lines or (page.line_items if page else ()),
        subtotal=e.net,
        taxes=e.tax,
        names=page.names if page else (),
        category=category,
        nights=page.nights if page else None,
        period_start=page.period_start if page else None,
        period_end=page.period_end if page else None,
        candidate_totals=(),  # the XML states one total; the page's candidates are not doubts
        confidence=confidence,
        extractor=f"einvoice+{name}",
        notes=tuple(notes),
        amount_due=e.amount_due,
        reading_flags=flags,
    )


def cross_check(text: str, e: EInvoice, page: Invoice | None) -> tuple[Flag, ...]:
    """Flags for what the XML states and the page does not print, or prints otherwise.

    The total: the page must print the XML's amount somewhere, and the total the page reader
    takes from its labels (when it is sure of it) must be one of the XML's own sums; a page
    whose total label shows 149.00 beside an XML saying 119.00 is flagged even when 119.00
    happens to appear elsewhere. Signs are compared loosely ("-8,79" and "8,79-" both occur).
    The number: the page must print it, separators aside.
    """
    flags = []
    unit = f" {e.currency}" if e.currency else ""
    sums = {abs(v) for v in (e.total, e.amount_due, e.net) if v is not None}
    page_total = page.total if page is not None and page.confidence.get("total", 0.0) >= SURE else None
    if not is_printed(abs(e.total), text):
        seen = f" (the page reads {page.total})" if page is not None and page.total != e.total else ""
        flags.append(
            Flag(
                FlagCode.EINVOICE_MISMATCH,
                f"The embedded e-invoice states a total of {e.total}{unit}, but the page does not "
                f"print that amount{seen}.",
            )
        )
    elif page_total is not None and abs(page_total) not in sums:
        flags.append(
            Flag(
                FlagCode.EINVOICE_MISMATCH,
                f"The page's total is {page_total}{unit}, but the embedded e-invoice states {e.total}{unit}.",
            )
        )
    if e.number and _alnum(e.number) not in _alnum(text):
        seen = (
            f" (the page reads {page.invoice_number})"
            if page is not None and page.invoice_number and _alnum(page.invoice_number) != _alnum(e.number)
            else ""
        )
        flags.append(
            Flag(
                FlagCode.EINVOICE_MISMATCH,
                f"The embedded e-invoice states invoice number {e.number}, but the page does not print it{seen}.",
            )
        )
    return tuple(flags)


def is_printed(amount: Decimal, text: str) -> bool:
    """Whether `amount` appears in `text` in any common print form (grouping, decimal mark)."""
    forms = _print_forms(amount)
    return any(re.search(rf"(?<![\d.,]){re.escape(f)}(?!\d|[.,]\d)", text) for f in forms)


def _print_forms(amount: Decimal) -> set[str]:
    cents = f"{amount.quantize(Decimal('0.01')):f}"
    whole, frac = cents.split(".")
    groups = f"{int(whole):,}".split(",")
    forms = set()
    for sep in ("", ",", ".", " ", "\u00a0", "\u202f", "'"):
        grouped = sep.join(groups)
        for mark in (".", ","):
            if mark != sep:
                forms.add(f"{grouped}{mark}{frac}")
    if frac == "00":  # whole amounts are often printed without cents ("2.000 €")
        forms |= {sep.join(groups) for sep in ("", ",", ".", " ", "\u00a0", "'")}
    return forms


def _alnum(value: str) -> str:
    return "".join(ch for ch in value.casefold() if ch.isalnum())


def _dates(e: EInvoice, page: Invoice | None) -> tuple[date, ...]:
    found = [d for d in (e.issue_date, e.delivery_date, e.due_date) if d is not None]
    found += page.dates if page else ()
    return tuple(sorted(set(found)))


def _category(
    document: Document, policy: Policy, e: EInvoice, page: Invoice | None
) -> tuple[str | None, float, list[str]]:
    if page is not None:
        return page.category, page.confidence.get("category", 0.0), []
    # No page reading: the same classifier the heuristic reader uses, on the document's text
    # (for a standalone XML, the rendering with the seller and item descriptions). Imported here:
    # the heuristic package's __init__ imports its extractor, which imports this module.
    from reimburse.adapters.heuristic.classify import choose_category, kind_scores
    from reimburse.adapters.heuristic.text import normalize

    text = normalize(document.text)
    choice = choose_category(kind_scores(text, e.seller), text, policy)
    if choice.category is None and choice.kind is not None:
        return (
            choice.kind,
            choice.confidence,
            [f"looks like a {choice.kind} expense, which the policy does not name"],
        )
    return choice.category, choice.confidence, []

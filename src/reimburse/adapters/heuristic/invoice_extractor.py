"""HeuristicInvoiceExtractor: invoice text -> Invoice without any model or network."""

from __future__ import annotations

from concurrent.futures import Executor

from reimburse.adapters.einvoice.invoice_from_einvoice import read_with_einvoice
from reimburse.adapters.heuristic.amounts import find_amounts
from reimburse.adapters.heuristic.card_over_total import card_over_total
from reimburse.adapters.heuristic.classify import choose_category, kind_scores
from reimburse.adapters.heuristic.currency import currency_reading, sign_is_sure
from reimburse.adapters.heuristic.decimal_places import prints_decimal_comma, read_three_places
from reimburse.adapters.heuristic.fields import read_names, read_number, read_vendor
from reimburse.adapters.heuristic.invoice_dates import read_dates
from reimburse.adapters.heuristic.items import read_items
from reimburse.adapters.heuristic.items_over_total import items_over_total
from reimburse.adapters.heuristic.layout import Layout
from reimburse.adapters.heuristic.text import normalize
from reimburse.adapters.heuristic.totals import analyse_lines, read_totals_from
from reimburse.adapters.invoice_labels.labels import Label
from reimburse.adapters.ocr.review import total_confidence, with_ocr_review
from reimburse.adapters.off_loop import off_loop
from reimburse.domain.errors import ExtractionError, TooSlow
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.policy import Policy
from reimburse.domain.verdict.verdict import Flag, FlagCode


class HeuristicInvoiceExtractor:
    """Reads totals, dates, items and parties by their labels; classifies with the shared lexicon."""

    name = "heuristic"

    def __init__(self, executor: Executor | None = None) -> None:
        # Reading is CPU-bound pure Python (~16 ms an invoice): never on the event loop.
        self._executor = executor

    async def extract(self, document: Document, policy: Policy) -> Invoice:
        try:
            return await off_loop(self._executor, _read, document, policy)
        except TimeoutError:  # the pool stopped an overrun and replaced the worker
            raise TooSlow(f"{document.filename} took longer than its time budget to read.") from None

    def read(self, document: Document, policy: Policy) -> Invoice:
        if document.einvoice is not None:  # the seller's XML, read exactly and checked against the page
            return read_with_einvoice(document, policy, self.read_page, self.name)
        return with_ocr_review(document, self.read_page(document, policy))

    def read_page(self, document: Document, policy: Policy) -> Invoice:
        text = normalize(document.text)
        if not text.strip():
            raise ExtractionError(f"{document.filename}: the document has no text to read.")
        lines = text.split("\n")
        found = [find_amounts(line) for line in lines]  # for the totals and the currency alike
        comma = prints_decimal_comma(found)  # the document's mark, for all its amounts
        found = read_three_places(found, comma)  # '1,699 EUR/l' beside '63,08 EUR' is 1.699
        infos = analyse_lines(lines, found, decimal_comma=comma)
        layout = Layout(document)  # where values sit on the page, for labels whose line lacks them
        totals = read_totals_from(infos, layout, policy.currency, decimal_comma=comma)
        if totals is None:
            raise ExtractionError(
                f"{document.filename}: no total found (no amount is labelled Total, Grand Total, "
                "Amount Payable, Totaal, Total TTC, Gesamtbetrag or similar)."
            )
        number, number_conf = read_number(infos, layout)
        names = read_names(infos, layout)
        vendor, vendor_conf = read_vendor(infos, names, layout)  # never one of the people it names
        choice = choose_category(kind_scores(text, vendor), text, policy)
        checks = {h.label for info in infos for h in info.hits if "check" in h.text.lower()}
        stay = choice.kind == "hotel" or {Label.CHECK_IN, Label.CHECK_OUT} <= checks
        money = currency_reading(text, totals.currency, found, totals.total)
        currency = money.code
        if (
            totals.currency is not None
            and totals.currency == policy.currency
            and sign_is_sure(text, totals.currency)  # "Rs" from Kathmandu is no Indian rupee
        ):
            # The total read is printed in the policy's currency (chosen over its conversion):
            # that number is in that currency, whatever most of the page is printed in.
            currency = totals.currency
        dates = read_dates(infos, text, stay=stay, currency=currency, layout=layout)
        notes = list(totals.notes)
        if money.guessed:  # said, never silent: a reviewer sees the currency was inferred
            where = "the issuer's country" if money.basis == "country" else "the document's language"
            notes.append(f"no currency is printed; {currency} is inferred from {where}")
        category = choice.category
        if category is None and choice.kind is not None:
            # Report what the expense is, so the engine can decline it as not covered (a clear
            # answer) instead of "category unknown" (a review).
            category = choice.kind
            notes.append(f"looks like a {choice.kind} expense, which the policy does not name")
        confidence = {
            # a total read by OCR is no surer than the engine was of its digits, unless the page's
            # own arithmetic reaches it
            "total": min(totals.confidence, total_confidence(document, totals.total)),
            "currency": _CURRENCY_CONFIDENCE[money.basis],
            "vendor": vendor_conf,
            "invoice_number": number_conf,
            "invoice_date": dates.confidence,
            "category": choice.confidence,
            "names": 0.7 if names else 0.0,
        }
        items = read_items(infos)
        over = None
        if not totals.flags:  # one contradiction flag is enough for a review
            labelled = totals.confidence >= _LABELLED_TOTAL
            over = items_over_total(items, totals.total, infos, labelled=labelled) or card_over_total(
                infos, totals
            )
        return Invoice(
            total=totals.total,
            currency=currency,
            vendor=vendor,
            invoice_number=number,
            invoice_date=dates.invoice_date,
            dates=dates.dates,
            line_items=items,
            subtotal=totals.subtotal,
            taxes=totals.taxes,
            names=names,
            category=category,
            nights=dates.nights,
            period_start=dates.period_start,
            period_end=dates.period_end,
            candidate_totals=totals.candidates,
            amount_due=totals.amount_due,
            confidence=confidence,
            extractor=self.name,
            notes=tuple(notes),
            reading_flags=(*_date_flags(dates.ambiguity), *totals.flags, *([over] if over else [])),
        )


# A total read under a total's own label (Grand Total, Total, Amount due), not "Amount" or a payment.
_LABELLED_TOTAL = 0.85
# How sure the currency is by what it rests on: printed with the amounts, stated as a code or
# field, or inferred from the issuer's country or the document's language.
_CURRENCY_CONFIDENCE = {"printed": 0.9, "stated": 0.8, "country": 0.6, "language": 0.4, "none": 0.0}


def _date_flags(ambiguity: str | None) -> tuple[Flag, ...]:
    return (Flag(FlagCode.AMBIGUOUS_DATE.value, ambiguity),) if ambiguity else ()


def _read(document: Document, policy: Policy) -> Invoice:
    """Module level, so a worker process can run it (the extractor holds the executor)."""
    return HeuristicInvoiceExtractor().read(document, policy)

"""Records and exact figures for one understood question.

Filters go to the store; aggregates read the aggregate columns of every matching record
(store.figures), never a top-k, and only the records shown are read whole; free words left in the
question narrow by BM25 search, kept only when a record contains them all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TypeVar

import msgspec

from reimburse.domain.chat.aggregates import AggregateBuilder
from reimburse.domain.chat.answer_text import MAX_ROWS
from reimburse.domain.chat.query_text import fold
from reimburse.domain.chat.session import (
    Aggregate,
    GroupBy,
    GroupFigures,
    Intent,
    Order,
    PolicyClause,
    QueryState,
)
from reimburse.domain.figures import InvoiceFigures
from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import InvoiceRecord
from reimburse.domain.verdict.policy import CapRule
from reimburse.domain.verdict.verdict import Status
from reimburse.ports.invoice_store import InvoiceStore
from reimburse.ports.policy_store import PolicyStore

SEARCH_CAP = 10_000  # the most BM25 candidates read for one question
GENERAL_HITS = 10
CLAUSE_HITS = 3


class Retrieved(msgspec.Struct, frozen=True):
    records: tuple[InvoiceRecord, ...] = ()
    scores: dict[str, float] = msgspec.field(default_factory=dict)  # invoice_id -> 0..1
    aggregate: Aggregate | None = None
    total_matches: int = 0
    clauses: tuple[PolicyClause, ...] = ()
    caps: tuple[CapRule, ...] = ()
    notes: tuple[str, ...] = ()
    text_ignored: bool = False
    found_nothing_for_text: bool = False
    base_count: int | None = None


def _terms(text: str) -> list[str]:
    out = []
    for word in fold(text).split():
        w = word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
        out.append(w)
    return out


def _haystack(r: InvoiceRecord) -> str:
    parts = [
        r.vendor or "",
        r.filename,
        r.invoice_number or "",
        r.reason,
        *r.categories,
        *r.policy_violations,
    ]
    parts += [*r.names, r.text]
    return fold(" ".join(parts))


def _contains_all(r: InvoiceRecord, terms: list[str]) -> bool:
    hay = _haystack(r)
    return all(re.search(rf"(?<!\w){re.escape(t)}", hay) for t in terms)


def _aware(ts: datetime) -> datetime:
    return ts if ts.tzinfo is not None else ts.replace(tzinfo=UTC)


R = TypeVar("R", InvoiceRecord, InvoiceFigures)


def _newest_first(records: Sequence[R]) -> list[R]:
    return sorted(records, key=lambda r: (_aware(r.analyzed_at), r.invoice_id), reverse=True)


def _ordered(records: Sequence[R], order: Order) -> list[R]:
    newest = _newest_first(records)
    if order is Order.AMOUNT_DESC:
        return sorted(newest, key=lambda r: r.total_amount, reverse=True)
    if order is Order.AMOUNT_ASC:
        return sorted(newest, key=lambda r: r.total_amount)
    return newest


def _ref_key(value: str | None) -> str:
    return "".join(ch for ch in fold(value or "") if ch.isalnum())


class InvoiceRetrieval:
    def __init__(self, invoices: InvoiceStore, policies: PolicyStore) -> None:
        self._invoices = invoices
        self._policies = policies

    async def __call__(self, q: QueryState, scoped: InvoiceFilter, question: str) -> Retrieved:
        if q.intent is Intent.POLICY:
            return await self._policy(q, question)
        if q.intent is Intent.LOOKUP:
            return await self._lookup(q, scoped)
        if q.intent is Intent.GENERAL:
            return await self._general(q, scoped)
        return await self._filtered(q, scoped)

    # --- invoices -------------------------------------------------------------------------

    async def _all(self, flt: InvoiceFilter, keep: Callable[[InvoiceRecord], bool]) -> list[InvoiceRecord]:
        return [r async for r in self._invoices.iterate(flt) if keep(r)]

    async def _text_matches(self, q: QueryState, flt: InvoiceFilter) -> list[InvoiceRecord] | None:
        """Records matching the filter that contain every free word, or None when none does."""
        candidates = min(await self._invoices.count(flt), SEARCH_CAP)
        if candidates == 0:
            return None
        hits = await self._invoices.search(q.text, flt, candidates)
        terms = _terms(q.text)
        found = [h.record for h in hits if _contains_all(h.record, terms) and self._currency_ok(q, h.record)]
        return found or None

    @staticmethod
    def _currency_ok(q: QueryState, r: InvoiceRecord | InvoiceFigures) -> bool:
        return q.currency is None or r.currency == q.currency

    async def _filtered(self, q: QueryState, flt: InvoiceFilter) -> Retrieved:
        notes: list[str] = []
        matched: list[InvoiceRecord] | None = None
        text_ignored = False
        if q.text:
            matched = await self._text_matches(q, flt)
            if matched is None:
                text_ignored = True
                notes.append(
                    f"no invoice mentions “{q.text}”, so those words were not used; "
                    "the answer covers every invoice matching the other conditions"
                )
        needs_all = (
            matched is not None
            or q.currency is not None
            or q.group_by is not None
            or q.order is not Order.NEWEST
            or q.intent in (Intent.SUM, Intent.AVERAGE)
        )
        if not needs_all:
            # counts and plain listings: the store counts and pages, nothing is read in full
            page = await self._invoices.find(flt, min(q.limit or MAX_ROWS, MAX_ROWS), 0)
            aggregate = (
                Aggregate(count=page.total, totals={}, reimbursed={}) if q.intent is Intent.COUNT else None
            )
            base = None
            if q.share and flt.statuses:  # "what percentage were declined": out of all of them
                base = await self._invoices.count(msgspec.structs.replace(flt, statuses=()))
            return Retrieved(
                records=page.items,
                scores={r.invoice_id: 1.0 for r in page.items},
                aggregate=aggregate,
                total_matches=page.total,
                notes=tuple(notes),
                text_ignored=text_ignored,
                base_count=base,
            )
        builder = AggregateBuilder(q.group_by)
        order = q.order if q.group_by is None else Order.NEWEST
        wanted = min(q.limit or MAX_ROWS, MAX_ROWS) if q.intent is Intent.LIST else MAX_ROWS
        if matched is None:
            # the store's aggregate columns: a sum over 100,000 invoices reads no whole record
            figures = [f for f in await self._invoices.figures(flt) if self._currency_ok(q, f)]
            for f in figures:
                builder.add_figures(f)
            currencies = {f.currency for f in figures}
            total = len(figures)
            shown = await self._whole(_ordered(figures, order)[:wanted])
        else:
            for r in matched:
                builder.add(r)
            currencies = {r.currency for r in matched}
            total = len(matched)
            shown = _ordered(matched, order)[:wanted]
        by_count = q.intent is Intent.COUNT or (q.intent is Intent.LIST and q.group_by is not None)
        aggregate = builder.result(q.metric, q.order if q.group_by else Order.AMOUNT_DESC, by_count=by_count)
        if q.order is not Order.NEWEST and q.group_by is None and len(currencies) > 1:
            notes.append("these invoices are in several currencies; amounts were ranked by face value")
        wants_figures = q.intent in (Intent.COUNT, Intent.SUM, Intent.AVERAGE) or q.group_by is not None
        return Retrieved(
            records=tuple(shown),
            scores={r.invoice_id: 1.0 for r in shown},
            aggregate=aggregate if wants_figures else None,
            total_matches=total,
            notes=tuple(notes),
            text_ignored=text_ignored,
        )

    async def _whole(self, figures: Sequence[InvoiceFigures]) -> list[InvoiceRecord]:
        """The records an answer shows (a page at most), read whole in one call, in the figures' order."""
        return await self._invoices.get_many([f.invoice_id for f in figures])

    async def _lookup(self, q: QueryState, flt: InvoiceFilter) -> Retrieved:
        ref = q.invoice_ref or ""
        is_file = "." in ref and not ref.replace(".", "").isdigit()
        key = fold(ref) if is_file else _ref_key(ref)

        def same(r: InvoiceRecord) -> bool:
            if is_file:
                return fold(r.filename) == key
            return bool(key) and _ref_key(r.invoice_number) == key

        hits = await self._invoices.search(ref, flt, 50)
        found = [h.record for h in hits if same(h.record)]
        if not found:  # BM25 tokenises numbers and names its own way: fall back to an exact scan
            found = await self._all(flt, same)
        found = _newest_first(found)
        return Retrieved(
            records=tuple(found[:MAX_ROWS]),
            scores={r.invoice_id: 1.0 for r in found},
            total_matches=len(found),
        )

    async def _general(self, q: QueryState, flt: InvoiceFilter) -> Retrieved:
        if q.text:
            hits = await self._invoices.search(q.text, flt, GENERAL_HITS)
            top = max((h.score for h in hits), default=0.0) or 1.0
            return Retrieved(
                records=tuple(h.record for h in hits),
                scores={h.record.invoice_id: round(h.score / top, 4) for h in hits},
                total_matches=len(hits),
                found_nothing_for_text=not hits,
            )
        # no question to speak of: an overview of what the viewer may see, from counts alone
        # (totals would mean reading every record; a sum question gets them exactly)
        page = await self._invoices.find(flt, MAX_ROWS, 0)
        groups = []
        for status in Status:
            n = await self._invoices.count(msgspec.structs.replace(flt, statuses=(status.value,)))
            if n:
                groups.append(GroupFigures(status.value, n, {}, {}))
        overview = Aggregate(
            count=page.total,
            totals={},
            reimbursed={},
            by_group={g.key: g.count for g in groups},
            group_by=GroupBy.STATUS,
            groups=tuple(groups),
        )
        return Retrieved(
            records=page.items,
            scores={r.invoice_id: 1.0 for r in page.items},
            aggregate=overview,
            total_matches=page.total,
        )

    # --- policy ---------------------------------------------------------------------------

    async def _policy(self, q: QueryState, question: str) -> Retrieved:
        policy = await self._policies.latest()
        if policy is None:
            return Retrieved(
                notes=("no policy has been uploaded yet, so policy questions cannot be answered",)
            )
        wanted = {fold(c) for c in q.filters.categories}
        caps = tuple(c for c in policy.caps if fold(c.category) in wanted)
        search = " ".join([q.text, *q.category_labels]).strip() or question
        hits = await self._policies.search_clauses(search, policy.policy_id, CLAUSE_HITS)
        clauses = tuple(PolicyClause(h.rule_id, h.clause) for h in hits)
        if caps:  # the cap's own clause answers it; other hits would only add noise
            clauses = tuple(c for c in clauses if any(c.clause.strip() == cap.clause.strip() for cap in caps))
        return Retrieved(clauses=clauses, caps=caps)


__all__ = ["InvoiceRetrieval", "Retrieved"]

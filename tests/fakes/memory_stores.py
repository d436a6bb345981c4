"""In-memory store fakes: real implementations of the store Protocols, for everyone's tests.

Plain Python, deliberately independent of the Qdrant adapters (the contract suite holds both
to the same behaviour). Search is a small BM25 over lower-cased word tokens.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import AsyncIterator, Iterable, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal

from reimburse.domain.chat.session import ChatMessage
from reimburse.domain.errors import StoreUnavailable
from reimburse.domain.figures import InvoiceFigures, figures_of
from reimburse.domain.filters import InvoiceFilter
from reimburse.domain.record import InvoiceRecord, normalise_name
from reimburse.domain.verdict.policy import Policy
from reimburse.ports.invoice_store import InvoicePage, InvoiceStore, ScoredInvoice
from reimburse.ports.policy_store import ClauseHit

_WORD = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _key(value: str | None) -> str:
    return "".join(ch for ch in (value or "").casefold() if ch.isalnum())


def _aware(ts: datetime) -> datetime:
    return ts if ts.tzinfo is not None else ts.replace(tzinfo=UTC)


def bm25_rank(query: str, docs: dict[str, str], among: Iterable[str]) -> list[tuple[str, float]]:
    """BM25 (k=1.2, b=0.75) of `query` over `among`, with IDF from every doc; score > 0 only."""
    terms = set(tokens(query))
    if not terms or not docs:
        return []
    bags = {doc_id: Counter(tokens(text)) for doc_id, text in docs.items()}
    n = len(bags)
    avg = sum(sum(b.values()) for b in bags.values()) / n or 1.0
    df = {t: sum(1 for b in bags.values() if t in b) for t in terms}
    scored: list[tuple[str, float]] = []
    for doc_id in among:
        bag = bags[doc_id]
        length = sum(bag.values())
        score = 0.0
        for t in terms:
            tf = bag.get(t, 0)
            if not tf:
                continue
            idf = math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5))
            score += idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * length / avg))
        if score > 0:
            scored.append((doc_id, score))
    scored.sort(key=lambda x: -x[1])
    return scored


def matches(record: InvoiceRecord, flt: InvoiceFilter) -> bool:
    if flt.employee_names and record.employee_key not in {normalise_name(n) for n in flt.employee_names}:
        return False
    if flt.statuses and record.status.casefold() not in {s.strip().casefold() for s in flt.statuses}:
        return False
    if flt.categories:
        wanted = {normalise_name(c) for c in flt.categories}
        if not wanted & {normalise_name(c) for c in record.categories}:
            return False
    if flt.date_from is not None or flt.date_to is not None:
        d = record.invoice_date
        if d is None or (flt.date_from and d < flt.date_from) or (flt.date_to and d > flt.date_to):
            return False
    if flt.min_amount is not None and record.total_amount < flt.min_amount:
        return False
    if flt.max_amount is not None and record.total_amount > flt.max_amount:
        return False
    if flt.batch_id is not None and record.batch_id != flt.batch_id:
        return False
    if flt.policy_id is not None and record.policy_id != flt.policy_id:
        return False
    if flt.file_sha256 is not None and record.file_sha256 != flt.file_sha256:
        return False
    if flt.decided is not None and (record.review is not None) != flt.decided:
        return False
    return flt.review_required is None or record.review_required == flt.review_required


def _search_text(r: InvoiceRecord) -> str:
    parts = [r.employee_name, r.filename, r.vendor or "", r.invoice_number or "", *r.categories]
    parts += [r.status.replace("_", " "), r.reason, *r.policy_violations, *r.names, r.text]
    return "\n".join(parts)


class InMemoryInvoiceStore:
    def __init__(self) -> None:
        self.records: dict[str, InvoiceRecord] = {}
        self.closed = False

    def _check(self) -> None:
        if self.closed:
            raise StoreUnavailable("in-memory invoice store is closed")

    def _newest_first(self, flt: InvoiceFilter) -> list[InvoiceRecord]:
        found = [r for r in self.records.values() if matches(r, flt)]
        found.sort(key=lambda r: (_aware(r.analyzed_at), r.invoice_id), reverse=True)
        return found

    async def upsert(self, records: Sequence[InvoiceRecord]) -> None:
        self._check()
        for r in records:
            self.records[r.invoice_id] = r

    async def get(self, invoice_id: str) -> InvoiceRecord | None:
        self._check()
        return self.records.get(invoice_id)

    async def get_many(self, invoice_ids: Sequence[str]) -> list[InvoiceRecord]:
        self._check()
        return [self.records[i] for i in invoice_ids if i in self.records]

    async def find(self, flt: InvoiceFilter, limit: int, offset: int) -> InvoicePage:
        self._check()
        found = self._newest_first(flt)
        page = found[max(offset, 0) : max(offset, 0) + max(limit, 0)]
        return InvoicePage(items=tuple(page), total=len(found))

    async def count(self, flt: InvoiceFilter) -> int:
        self._check()
        return sum(1 for r in self.records.values() if matches(r, flt))

    async def iterate(self, flt: InvoiceFilter) -> AsyncIterator[InvoiceRecord]:
        self._check()
        for r in [r for r in self.records.values() if matches(r, flt)]:
            yield r

    async def figures(self, flt: InvoiceFilter) -> list[InvoiceFigures]:
        self._check()
        return [figures_of(r) for r in self.records.values() if matches(r, flt)]

    async def search(self, text: str, flt: InvoiceFilter, limit: int) -> list[ScoredInvoice]:
        self._check()
        docs = {i: _search_text(r) for i, r in self.records.items()}
        among = [i for i, r in self.records.items() if matches(r, flt)]
        ranked = bm25_rank(text, docs, among)[: max(limit, 0)]
        return [ScoredInvoice(record=self.records[i], score=s) for i, s in ranked]

    async def same_bill_candidates(
        self, employee_name: str, invoice_number: str | None, invoice_date: date | None, total: Decimal
    ) -> list[InvoiceRecord]:
        self._check()
        number = _key(invoice_number)
        same = [
            r
            for r in self.records.values()
            if r.employee_key == normalise_name(employee_name)
            and (
                (number and _key(r.invoice_number) == number)
                or (invoice_date is not None and r.invoice_date == invoice_date and r.total_amount == total)
            )
        ]
        return sorted(same, key=lambda r: (r.submitted_on, _aware(r.analyzed_at), r.invoice_id))

    async def employee_names(self) -> list[str]:
        self._check()
        return sorted({r.employee_name for r in self.records.values()})

    async def ping(self) -> None:
        self._check()

    async def close(self) -> None:
        self.closed = True


class FailingInvoiceStore:
    """Wraps a store; while `fail_writes` (or `fail_reads`) is set, those calls raise StoreUnavailable."""

    def __init__(
        self, inner: InvoiceStore | None = None, *, fail_writes: bool = True, fail_reads: bool = False
    ) -> None:
        self.inner: InvoiceStore = inner if inner is not None else InMemoryInvoiceStore()
        self.fail_writes = fail_writes
        self.fail_reads = fail_reads
        self.failed_writes = 0

    def _read(self) -> None:
        if self.fail_reads:
            raise StoreUnavailable("injected fault: store reads are failing")

    async def upsert(self, records: Sequence[InvoiceRecord]) -> None:
        if self.fail_writes:
            self.failed_writes += 1
            raise StoreUnavailable("injected fault: store writes are failing")
        await self.inner.upsert(records)

    async def get(self, invoice_id: str) -> InvoiceRecord | None:
        self._read()
        return await self.inner.get(invoice_id)

    async def get_many(self, invoice_ids: Sequence[str]) -> list[InvoiceRecord]:
        self._read()
        return await self.inner.get_many(invoice_ids)

    async def find(self, flt: InvoiceFilter, limit: int, offset: int) -> InvoicePage:
        self._read()
        return await self.inner.find(flt, limit, offset)

    async def count(self, flt: InvoiceFilter) -> int:
        self._read()
        return await self.inner.count(flt)

    async def iterate(self, flt: InvoiceFilter) -> AsyncIterator[InvoiceRecord]:
        self._read()
        async for r in self.inner.iterate(flt):
            yield r

    async def figures(self, flt: InvoiceFilter) -> list[InvoiceFigures]:
        self._read()
        return await self.inner.figures(flt)

    async def search(self, text: str, flt: InvoiceFilter, limit: int) -> list[ScoredInvoice]:
        self._read()
        return await self.inner.search(text, flt, limit)

    async def same_bill_candidates(
        self, employee_name: str, invoice_number: str | None, invoice_date: date | None, total: Decimal
    ) -> list[InvoiceRecord]:
        self._read()
        return await self.inner.same_bill_candidates(employee_name, invoice_number, invoice_date, total)

    async def employee_names(self) -> list[str]:
        self._read()
        return await self.inner.employee_names()

    async def ping(self) -> None:
        if self.fail_reads or self.fail_writes:
            raise StoreUnavailable("injected fault: store is unavailable")
        await self.inner.ping()

    async def close(self) -> None:
        await self.inner.close()


def _clauses(policy: Policy) -> list[tuple[str, str]]:
    rules = [(f"category:{c.name}", c.clause) for c in policy.categories]
    rules += [(c.rule_id, c.clause) for c in policy.caps]
    rules += [(e.rule_id, e.clause) for e in policy.exclusions]
    if policy.deadline is not None:
        rules.append((policy.deadline.rule_id, policy.deadline.clause))
    return [(rule_id, clause.strip()) for rule_id, clause in rules if clause.strip()]


class InMemoryPolicyStore:
    def __init__(self) -> None:
        self.policies: dict[str, Policy] = {}
        self._order: list[str] = []  # policy ids, least recently saved first

    async def save(self, policy: Policy) -> None:
        self.policies[policy.policy_id] = policy
        if policy.policy_id in self._order:
            self._order.remove(policy.policy_id)
        self._order.append(policy.policy_id)

    async def get(self, policy_id: str) -> Policy | None:
        return self.policies.get(policy_id)

    async def search_clauses(self, text: str, policy_id: str | None, limit: int) -> list[ClauseHit]:
        rows = {
            f"{pid}\x00{rule_id}": (pid, rule_id, clause)
            for pid, p in self.policies.items()
            for rule_id, clause in _clauses(p)
        }
        docs = {k: v[2] for k, v in rows.items()}
        among = [k for k, v in rows.items() if policy_id is None or v[0] == policy_id]
        seen: set[tuple[str, str]] = set()
        hits: list[ClauseHit] = []
        for k, score in bm25_rank(text, docs, among):
            pid, rule_id, clause = rows[k]
            if (pid, clause) in seen:
                continue
            seen.add((pid, clause))
            hits.append(ClauseHit(pid, rule_id, clause, score))
        return hits[: max(limit, 0)]

    async def latest(self) -> Policy | None:
        return self.policies[self._order[-1]] if self._order else None

    async def close(self) -> None:
        return None


class InMemoryChatStore:
    def __init__(self) -> None:
        self.messages: dict[str, tuple[int, ChatMessage]] = {}
        self._seq = 0

    async def append(self, message: ChatMessage) -> None:
        self._seq += 1
        self.messages[message.message_id] = (self._seq, message)

    async def append_turn(self, messages: Sequence[ChatMessage]) -> None:
        for message in messages:
            await self.append(message)

    async def history(self, session_id: str) -> list[ChatMessage]:
        rows = [(m.timestamp, seq, m) for seq, m in self.messages.values() if m.session_id == session_id]
        rows.sort(key=lambda r: (_aware(r[0]), r[1]))
        return [m for _, _, m in rows]

    async def delete(self, session_id: str) -> int:
        gone = [k for k, (_, m) in self.messages.items() if m.session_id == session_id]
        for k in gone:
            del self.messages[k]
        return len(gone)

    async def close(self) -> None:
        return None

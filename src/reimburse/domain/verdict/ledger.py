"""The claim ledger: what an employee has already been granted, for limits that span invoices.

An entry is one invoice's *final* grant (the engine's amount, or a reviewer's decision over it), so
a decision changes what the ledger counts by replacing that one entry (`Ledger.record`). An
invoice's own previous entry is never counted against it: re-analysing it replaces, not adds.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal
from math import isqrt

import msgspec

from reimburse.domain.verdict.fx import FxTable
from reimburse.domain.verdict.money import Money, quantize
from reimburse.domain.verdict.policy import CapRule, Period

ZERO = Decimal(0)


class LedgerEntry(msgspec.Struct, frozen=True):
    invoice_id: str
    category: str
    on: date  # the invoice date: the period a grant belongs to
    granted: Money
    rule_ids: tuple[str, ...] = ()  # the caps applied when it was granted (for the record)


class Usage(msgspec.Struct, frozen=True):
    """What a cap has already spent in the period (or worst window) containing a date."""

    amount: Decimal  # in the cap's currency, converted where needed
    claims: int  # claims paid something
    entries: tuple[LedgerEntry, ...] = ()
    unconverted: tuple[LedgerEntry, ...] = ()  # grants in a currency without a rate: not summed


class Ledger:
    """An employee's grants, indexed for `used`: per category, sorted by date, so a period is a
    slice found by bisection (O(log n + matches), not a scan of the whole history).

    Immutable. `record` and `without` return a new ledger that shares this one's index and keeps
    its own changes beside it (a batch's worth: O(changes) per call, not O(history)); the changes
    are folded into a fresh index once they outgrow a small bound."""

    __slots__ = ("_added", "_entries", "_hidden", "_index", "_next")

    def __init__(self, entries: Iterable[LedgerEntry] = ()) -> None:
        items = tuple(enumerate(entries))
        self._index = _Index(items)
        self._hidden: frozenset[str] = frozenset()  # ids whose indexed grants were replaced
        self._added: tuple[_Item, ...] = ()  # grants recorded since the index was built
        self._next = len(items)  # the order grants were recorded in: `entries`' order
        self._entries: tuple[LedgerEntry, ...] | None = tuple(e for _, e in items)

    @property
    def entries(self) -> tuple[LedgerEntry, ...]:
        """Every grant, in the order recorded (a replaced grant's successor last)."""
        if self._entries is None:
            hidden = self._hidden
            kept = (e for _, e in self._index.items if e.invoice_id not in hidden)
            self._entries = (*kept, *(e for _, e in self._added))
        return self._entries

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Ledger) and self.entries == other.entries

    def __hash__(self) -> int:
        return hash(self.entries)

    def __repr__(self) -> str:
        return f"Ledger({self.entries!r})"

    def record(self, entry: LedgerEntry) -> Ledger:
        """The ledger with `entry` as its invoice's only grant (a new grant, a re-analysis or a
        reviewer's decision: one call)."""
        return self._without(entry.invoice_id, ((self._next, entry),))

    def without(self, invoice_id: str) -> Ledger:
        return self._without(invoice_id, ())

    def _without(self, invoice_id: str, extra: tuple[_Item, ...]) -> Ledger:
        hidden = self._hidden | {invoice_id} if invoice_id in self._index.ids else self._hidden
        added = (*(a for a in self._added if a[1].invoice_id != invoice_id), *extra)
        out = Ledger.__new__(Ledger)
        out._index, out._hidden, out._added = self._index, hidden, added
        out._next, out._entries = self._next + len(extra), None
        if len(added) + len(hidden) > max(_CHANGES, isqrt(len(self._index.items))):
            return Ledger(out.entries)  # fold the changes in: amortised O(sqrt n) per change
        return out

    def _between(self, category: str, first: date, last: date, exclude: str) -> list[_Item]:
        """The grants in `category` dated in [first, last), sorted by (date, invoice id, order)."""
        found: list[_Item] = []
        column = self._index.columns.get(category)
        if column is not None:
            days, items = column
            chunk = items[bisect_left(days, first) : bisect_left(days, last)]
            skip = self._hidden | {exclude} if exclude else self._hidden
            found = [i for i in chunk if i[1].invoice_id not in skip] if skip else chunk
        more = [
            a
            for a in self._added
            if a[1].category == category and first <= a[1].on < last and a[1].invoice_id != exclude
        ]
        if more:
            found = sorted((*found, *more), key=_order)
        return found

    def used(
        self, cap: CapRule, on: date, currency: str, *, exclude: str = "", fx: FxTable | None = None
    ) -> Usage:
        """The grants under `cap` in the period containing `on`, excluding invoice `exclude`.

        For a rolling limit ("in any 3-year period") every window containing `on` is a period, and
        the fullest one is returned: what is left must fit in all of them."""
        first, last = reach(cap, on)
        relevant: list[tuple[LedgerEntry, Decimal]] = []
        unconverted: list[_Item] = []
        for seq, e in self._between(cap.category, first, last, exclude):
            converted = _convert(e.granted, currency, e.on, fx)
            if converted is None:
                unconverted.append((seq, e))
            else:
                relevant.append((e, converted))
        skipped = tuple(e for _, e in sorted(unconverted, key=lambda i: i[0]))
        # Running sums over the date-sorted grants: any window's total is a difference of two.
        days = [e.on for e, _ in relevant]
        sums, counts = [ZERO], [0]
        for _, a in relevant:
            sums.append(sums[-1] + a)
            counts.append(counts[-1] + (a > ZERO))
        starts = {on, *(d for d in days if d <= on)} if cap.period_length > 1 else {on}
        best = Usage(ZERO, 0, unconverted=skipped)
        for start in sorted(starts):
            lo, hi = window(cap.period, cap.period_length, start)
            if not lo <= on < hi:
                continue
            i, j = bisect_left(days, lo), bisect_left(days, hi)
            amount, claims = quantize(sums[j] - sums[i]), counts[j] - counts[i]
            if (amount, claims) > (best.amount, best.claims):
                best = Usage(amount, claims, tuple(e for e, _ in relevant[i:j]), skipped)
        return best


_Item = tuple[int, LedgerEntry]  # (the order it was recorded in, the grant)
_CHANGES = 256  # changes kept beside the index before it is rebuilt (a batch's worth)


def _order(item: _Item) -> tuple[date, str, int]:
    return item[1].on, item[1].invoice_id, item[0]


class _Index:
    """Grants by category, each column sorted by (date, invoice id, order), with its dates apart
    for bisection."""

    __slots__ = ("columns", "ids", "items")

    def __init__(self, items: tuple[_Item, ...]) -> None:
        self.items = items
        self.ids = frozenset(e.invoice_id for _, e in items)
        groups: dict[str, list[_Item]] = {}
        for item in items:
            groups.setdefault(item[1].category, []).append(item)
        self.columns: dict[str, tuple[list[date], list[_Item]]] = {}
        for category, group in groups.items():
            group.sort(key=_order)
            self.columns[category] = ([e.on for _, e in group], group)


def _convert(money: Money, currency: str, on: date, fx: FxTable | None) -> Decimal | None:
    if money.currency == currency:
        return money.amount
    found = fx.rate(money.currency, currency, on) if fx is not None else None
    return None if found is None else quantize(money.amount * found[0])


def reach(cap: CapRule, on: date) -> tuple[date, date]:
    """[first, last): the days of every grant `cap` can count for an invoice dated `on` (the union
    of every window containing `on`)."""
    first, _ = window(cap.period, cap.period_length, on, earliest=True)
    _, last = window(cap.period, cap.period_length, on)
    return first, last


def window(period: Period, length: int, on: date, *, earliest: bool = False) -> tuple[date, date]:
    """[start, end) of the period containing `on`. With length > 1 the window is rolling and starts
    on `on` (`earliest`: the first day a window containing `on` may start instead)."""
    length = max(length, 1)
    if length > 1:
        if earliest:
            return _shift(period, on, -length) + timedelta(days=1), on + timedelta(days=1)
        return on, _shift(period, on, length)
    if period is Period.DAY or period is Period.INVOICE:
        return on, on + timedelta(days=1)
    if period is Period.WEEK:
        monday = on - timedelta(days=on.weekday())
        return monday, monday + timedelta(days=7)
    if period is Period.MONTH:
        start = on.replace(day=1)
    elif period is Period.QUARTER:
        start = date(on.year, (on.month - 1) // 3 * 3 + 1, 1)
    else:
        start = date(on.year, 1, 1)
    return start, _shift(period, start, 1)


def _shift(period: Period, day: date, count: int) -> date:
    if period is Period.DAY or period is Period.INVOICE:
        return day + timedelta(days=count)
    if period is Period.WEEK:
        return day + timedelta(days=7 * count)
    months = count * {Period.MONTH: 1, Period.QUARTER: 3, Period.YEAR: 12}[period]
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for d in (day.day, 30, 29, 28):  # the 31st of a shorter month is its last day
        try:
            return date(year, month + 1, d)
        except ValueError:
            continue
    return date(year, month + 1, 28)


def period_text(cap: CapRule) -> str:
    """'per day', 'per calendar year', 'in any 3-year period'."""
    if cap.period_length > 1:
        return f"in any {cap.period_length}-{cap.period.value} period"
    return "per calendar year" if cap.period is Period.YEAR else f"per {cap.period.value}"

"""The claim ledger: what an employee has already been granted, for limits that span invoices.

An entry is one invoice's *final* grant (the engine's amount, or a reviewer's decision over it), so
a decision changes what the ledger counts by replacing that one entry (`Ledger.record`). An
invoice's own previous entry is never counted against it: re-analysing it replaces, not adds.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal
from itertools import accumulate
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

    def _gone(self, category: str, i: int, j: int, exclude: str) -> set[int]:
        """Positions in [i, j) of `category`'s column whose grants were replaced or are `exclude`."""
        ids = self._index.ids
        skip = (*self._hidden, exclude) if exclude and exclude not in self._hidden else self._hidden
        return {p for x in skip for c, p in ids.get(x, ()) if c == category and i <= p < j}

    def _added_in(self, category: str, first: date, last: date, exclude: str) -> list[_Item]:
        return [
            a
            for a in self._added
            if a[1].category == category and first <= a[1].on < last and a[1].invoice_id != exclude
        ]

    def _between(self, category: str, first: date, last: date, exclude: str) -> list[_Item]:
        """The grants in `category` dated in [first, last), sorted by (date, invoice id, order)."""
        found: list[_Item] = []
        column = self._index.columns.get(category)
        if column is not None:
            i, j = bisect_left(column.days, first), bisect_left(column.days, last)
            found = _kept(column, i, j, self._gone(category, i, j, exclude))
        for item in self._added_in(category, first, last, exclude):
            insort(found, item, key=_order)
        return found

    def _summed(
        self, cap: CapRule, first: date, last: date, currency: str, exclude: str, fx: FxTable | None
    ) -> Usage:
        """One period's use from the column's running sums (every grant in `currency`):
        O(log n + changes), plus the slice of grants it returns."""
        amount, claims, found = ZERO, 0, []
        column = self._index.columns.get(cap.category)
        if column is not None:
            i, j = bisect_left(column.days, first), bisect_left(column.days, last)
            amount, claims = column.sums[j] - column.sums[i], column.counts[j] - column.counts[i]
            gone = self._gone(cap.category, i, j, exclude)
            for p in gone:
                granted = column.items[p][1].granted.amount
                amount, claims = amount - granted, claims - (granted > ZERO)
            found = _kept(column, i, j, gone) if (amount, claims) > (ZERO, 0) or self._added else []
        unconverted = []
        for item in self._added_in(cap.category, first, last, exclude):
            converted = _convert(item[1].granted, currency, item[1].on, fx)
            if converted is None:
                unconverted.append(item[1])
                continue
            amount, claims = amount + converted, claims + (converted > ZERO)
            insort(found, item, key=_order)
        amount = quantize(amount)
        if (amount, claims) > (ZERO, 0):
            return Usage(amount, claims, tuple(e for _, e in found), tuple(unconverted))
        return Usage(ZERO, 0, unconverted=tuple(unconverted))

    def used(
        self, cap: CapRule, on: date, currency: str, *, exclude: str = "", fx: FxTable | None = None
    ) -> Usage:
        """The grants under `cap` in the period containing `on`, excluding invoice `exclude`.

        For a rolling limit ("in any 3-year period") every window containing `on` is a period, and
        the fullest one is returned: what is left must fit in all of them."""
        first, last = reach(cap, on)
        column = self._index.columns.get(cap.category)
        if cap.period_length == 1 and (column is None or column.currencies == {currency}):
            return self._summed(cap, first, last, currency, exclude, fx)
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
        sums = list(accumulate((a for _, a in relevant), initial=ZERO))
        counts = list(accumulate((a > ZERO for _, a in relevant), initial=0))
        starts = sorted({on, *days[: bisect_right(days, on)]}) if cap.period_length > 1 else [on]
        best = Usage(ZERO, 0, unconverted=skipped)
        for start in starts:
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


class _Column:
    """One category's grants sorted by (date, invoice id, order), their dates apart for bisection,
    and running sums of their amounts and paid claims (a period's total in O(log n) when every
    grant is in the cap's currency). Sums of Decimals are exact: a difference is the plain sum."""

    __slots__ = ("counts", "currencies", "days", "items", "sums")

    def __init__(self, items: list[_Item]) -> None:
        items.sort(key=_order)
        self.items = items
        self.days = [e.on for _, e in items]
        self.currencies = frozenset(e.granted.currency for _, e in items)
        self.sums, self.counts = [ZERO], [0]
        for _, e in items:
            self.sums.append(self.sums[-1] + e.granted.amount)
            self.counts.append(self.counts[-1] + (e.granted.amount > ZERO))


def _kept(column: _Column, i: int, j: int, gone: set[int]) -> list[_Item]:
    if not gone:
        return column.items[i:j]
    return [item for p, item in enumerate(column.items[i:j], i) if p not in gone]


class _Index:
    """Grants by category (a column each), and where each invoice's grants are."""

    __slots__ = ("columns", "ids", "items")

    def __init__(self, items: tuple[_Item, ...]) -> None:
        self.items = items
        groups: dict[str, list[_Item]] = {}
        for item in items:
            groups.setdefault(item[1].category, []).append(item)
        self.columns = {category: _Column(group) for category, group in groups.items()}
        self.ids: dict[str, list[tuple[str, int]]] = {}
        for category, column in self.columns.items():
            for p, (_, e) in enumerate(column.items):
                self.ids.setdefault(e.invoice_id, []).append((category, p))


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


_MONTHS = {Period.MONTH: 1, Period.QUARTER: 3, Period.YEAR: 12}


def _shift(period: Period, day: date, count: int) -> date:
    if period is Period.DAY or period is Period.INVOICE:
        return day + timedelta(days=count)
    if period is Period.WEEK:
        return day + timedelta(days=7 * count)
    months = count * _MONTHS[period]
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

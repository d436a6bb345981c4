"""The claim ledger: what an employee has already been granted, for limits that span invoices.

An entry is one invoice's *final* grant (the engine's amount, or a reviewer's decision over it), so
a decision changes what the ledger counts by replacing that one entry (`Ledger.record`). An
invoice's own previous entry is never counted against it: re-analysing it replaces, not adds.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

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


class Ledger(msgspec.Struct, frozen=True):
    entries: tuple[LedgerEntry, ...] = ()

    def record(self, entry: LedgerEntry) -> Ledger:
        """The ledger with `entry` as its invoice's only grant (a new grant, a re-analysis or a
        reviewer's decision: one call)."""
        return Ledger((*self.without(entry.invoice_id).entries, entry))

    def without(self, invoice_id: str) -> Ledger:
        return Ledger(tuple(e for e in self.entries if e.invoice_id != invoice_id))

    def used(
        self, cap: CapRule, on: date, currency: str, *, exclude: str = "", fx: FxTable | None = None
    ) -> Usage:
        """The grants under `cap` in the period containing `on`, excluding invoice `exclude`.

        For a rolling limit ("in any 3-year period") every window containing `on` is a period, and
        the fullest one is returned: what is left must fit in all of them."""
        relevant: list[tuple[LedgerEntry, Decimal]] = []
        unconverted: list[LedgerEntry] = []
        first, _ = window(cap.period, cap.period_length, on, earliest=True)
        _, last = window(cap.period, cap.period_length, on)
        for e in self.entries:
            if e.invoice_id == exclude or e.category != cap.category or not first <= e.on < last:
                continue
            converted = _convert(e.granted, currency, e.on, fx)
            if converted is None:
                unconverted.append(e)
            else:
                relevant.append((e, converted))
        starts = {on, *(e.on for e, _ in relevant if e.on <= on)} if cap.period_length > 1 else {on}
        best = Usage(ZERO, 0, unconverted=tuple(unconverted))
        for start in sorted(starts):
            lo, hi = window(cap.period, cap.period_length, start)
            inside = [(e, a) for e, a in relevant if lo <= e.on < hi]
            if not lo <= on < hi:
                continue
            amount = quantize(sum((a for _, a in inside), ZERO))
            claims = sum(1 for _, a in inside if a > ZERO)
            if (amount, claims) > (best.amount, best.claims):
                entries = tuple(sorted((e for e, _ in inside), key=lambda e: (e.on, e.invoice_id)))
                best = Usage(amount, claims, entries, tuple(unconverted))
        return best


def _convert(money: Money, currency: str, on: date, fx: FxTable | None) -> Decimal | None:
    if money.currency == currency:
        return money.amount
    found = fx.rate(money.currency, currency, on) if fx is not None else None
    return None if found is None else quantize(money.amount * found[0])


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

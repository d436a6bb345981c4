"""Dated exchange rates from a configured table: a cap in another currency is converted, never guessed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import msgspec


class FxRate(msgspec.Struct, frozen=True):
    """1 `base` = `rate` `quote`, as published on `on`."""

    base: str
    quote: str
    on: date
    rate: Decimal

    def text(self, base: str, quote: str) -> str:
        """The rate as used, in the direction used ("1 USD = 83.10 INR on 1 Mar 2025")."""
        rate = self.rate if base == self.base else Decimal(1) / self.rate
        return f"1 {base} = {rate.normalize():f} {quote} on {day_text(self.on)}"


class FxTable(msgspec.Struct, frozen=True):
    rates: tuple[FxRate, ...] = ()

    def rate(self, base: str, quote: str, on: date) -> tuple[Decimal, FxRate] | None:
        """The factor turning `base` into `quote` from the latest rate dated on or before `on`
        (a direct rate or the inverse of the opposite one); None without one."""
        if base == quote:
            return Decimal(1), FxRate(base, quote, on, Decimal(1))
        usable = [r for r in self.rates if r.on <= on and r.rate > 0 and {r.base, r.quote} == {base, quote}]
        if not usable:
            return None
        # Latest date wins; on the same date a direct rate beats an inverted one.
        best = max(usable, key=lambda r: (r.on, r.base == base))
        return (best.rate if best.base == base else Decimal(1) / best.rate), best


def day_text(day: date) -> str:
    """3 Mar 2025: unambiguous in every locale the reasons are read in."""
    return f"{day.day} {day:%b %Y}"

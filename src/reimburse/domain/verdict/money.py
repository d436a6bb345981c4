"""Money: a Decimal amount in an ISO 4217 currency. Never a float."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import msgspec

CENT = Decimal("0.01")


def quantize(amount: Decimal) -> Decimal:
    """Round to cents the way invoices do (half up)."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


class Money(msgspec.Struct, frozen=True):
    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal):
            raise TypeError("Money.amount must be a Decimal")
        if len(self.currency) != 3 or not self.currency.isalpha() or not self.currency.isupper():
            raise ValueError(f"currency must be an ISO 4217 code, got {self.currency!r}")

    def __add__(self, other: Money) -> Money:
        self._same_currency(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same_currency(other)
        return Money(self.amount - other.amount, self.currency)

    def _same_currency(self, other: Money) -> None:
        if other.currency != self.currency:
            raise ValueError(f"cannot combine {self.currency} with {other.currency}")

    def __str__(self) -> str:
        return f"{quantize(self.amount):,} {self.currency}"

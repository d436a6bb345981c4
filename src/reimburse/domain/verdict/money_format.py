"""Amounts as people read them: ₹1,234.50, €12.00, $3.10, 1,234.50 CHF."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from reimburse.domain.currency_names import DISPLAY_SIGNS

SYMBOLS = DISPLAY_SIGNS
ZERO_DECIMALS = frozenset({"JPY", "KRW", "VND", "CLP", "ISK", "UGX"})


def format_money(amount: Decimal, currency: str) -> str:
    places = Decimal(1) if currency in ZERO_DECIMALS else Decimal("0.01")
    value = amount.quantize(places, rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    digits = f"{abs(value):,}"
    symbol = SYMBOLS.get(currency)
    if symbol:
        return f"{sign}{symbol}{digits}"
    return f"{sign}{digits} {currency}".strip()


def format_amounts(amounts: dict[str, Decimal]) -> str:
    """Several currencies side by side, never added up: "₹1,200.00 and €40.00"."""
    parts = [format_money(v, c) for c, v in sorted(amounts.items())]
    if not parts:
        return format_money(Decimal(0), "")
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


__all__ = ["SYMBOLS", "format_amounts", "format_money"]

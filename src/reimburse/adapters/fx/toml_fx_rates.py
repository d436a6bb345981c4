"""The exchange-rate table a deployment configures (FX_RATES_FILE, default config/fx_rates.toml).

Rates are read once at startup and never fetched: the service downloads nothing at run time, and a
rate must be one finance agreed to. Rates are exact decimals (TOML floats are parsed as Decimal).
"""

from __future__ import annotations

import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path

import msgspec

from reimburse.domain.verdict.fx import FxRate, FxTable


class InvalidFxRates(ValueError):
    pass


class _RateData(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    base: str
    quote: str
    on: date
    rate: Decimal


class _FileData(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    rates: tuple[_RateData, ...] = ()


def parse_fx_rates(text: str) -> FxTable:
    try:
        raw = tomllib.loads(text, parse_float=Decimal)
        data = msgspec.convert(raw, _FileData)
    except (tomllib.TOMLDecodeError, msgspec.ValidationError) as exc:
        raise InvalidFxRates(f"the exchange-rate file is not valid: {exc}") from None
    rates = []
    for r in data.rates:
        base, quote = r.base.strip().upper(), r.quote.strip().upper()
        if len(base) != 3 or len(quote) != 3 or not (base + quote).isalpha():
            raise InvalidFxRates(f"rate {r.base}/{r.quote}: currencies must be ISO 4217 codes")
        if not r.rate.is_finite() or r.rate <= 0:
            raise InvalidFxRates(f"rate {base}/{quote} on {r.on}: the rate must be positive")
        rates.append(FxRate(base, quote, r.on, r.rate))
    return FxTable(tuple(rates))


def read_fx_rates(path: Path) -> FxTable:
    """The table in `path`; an empty table when there is no such file (caps in another currency
    then go to a reviewer, as without rates)."""
    if not path.is_file():
        return FxTable()
    return parse_fx_rates(path.read_text("utf-8"))

"""The configured exchange-rate table (issue 13)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from reimburse.adapters.fx.toml_fx_rates import InvalidFxRates, parse_fx_rates, read_fx_rates
from reimburse.config import PROJECT_ROOT


def test_rates_are_exact_decimals_with_their_dates() -> None:
    table = parse_fx_rates('[[rates]]\nbase = "usd"\nquote = "INR"\non = 2025-03-01\nrate = 86.15\n')
    found = table.rate("USD", "INR", date(2025, 3, 2))
    assert found is not None
    factor, rate = found
    assert factor == Decimal("86.15") and rate.on == date(2025, 3, 1)
    assert table.rate("USD", "INR", date(2025, 2, 28)) is None  # no rate published yet


@pytest.mark.parametrize(
    "text",
    [
        '[[rates]]\nbase = "USD"\nquote = "INR"\non = 2025-03-01\nrate = 0\n',
        '[[rates]]\nbase = "US"\nquote = "INR"\non = 2025-03-01\nrate = 1\n',
        '[[rates]]\nbase = "USD"\nquote = "INR"\nrate = 1\n',
        '[[rates]]\nbase = "USD"\nquote = "INR"\non = 2025-03-01\nrate = 1\nsource = "x"\n',
    ],
)
def test_a_bad_table_is_refused(text: str) -> None:
    with pytest.raises(InvalidFxRates):
        parse_fx_rates(text)


def test_no_file_is_no_rates(tmp_path: Path) -> None:
    assert read_fx_rates(tmp_path / "missing.toml").rates == ()


def test_the_shipped_example_parses() -> None:
    assert len(read_fx_rates(PROJECT_ROOT / "config" / "fx_rates.example.toml").rates) == 2

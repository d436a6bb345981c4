"""Currency from national conventions the reader had missed: the Swiss "Fr." before a price, the
Malaysian SST, the Canadian PST beside a GST, Australian state postcodes and cities, New Zealand
cities, and the GST rate that says which dollar a bare "$" is (the United States has no GST)."""

from __future__ import annotations

import pytest

from reimburse.adapters.heuristic.amounts import find_amounts
from reimburse.adapters.heuristic.currency import currency_reading


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Total Fr. 12.50", "CHF"),
        ("Total SFr. 1'250.00", "CHF"),
        ("Total Fr. 12.-", "CHF"),
        ("Total 12.50\nSST 6% 0.71", "MYR"),
        ("Jumlah 12.50\nSST 8%", "MYR"),
        ("Total $12.50\nPST 0.80\nGST 0.60", "CAD"),  # BC, SK, MB
        ("Total $12.50\nSydney NSW 2000", "AUD"),
        ("Total $12.50\n1 Main St, Fitzroy VIC 3065", "AUD"),
        ("Total $12.50\nFortitude Valley QLD 4006", "AUD"),
        ("Total $12.50\nPerth WA 6000", "AUD"),
        ("Total $12.50\nAuckland 1010", "NZD"),
        ("Total $12.50\nChristchurch", "NZD"),
        ("Total $12.50\nGST 10% 1.14", "AUD"),
        ("Total $12.50\nincl. GST @ 15%", "NZD"),
        ("Total $12.50\nGST (5%) 0.60", "CAD"),
        ("Total $12.50\n9% GST 1.03", "SGD"),
    ],
)
def test_currency_from_convention(text: str, want: str) -> None:
    assert currency_reading(text).code == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Total $12.50\nLogged 10:31 PST", "USD"),  # Pacific Standard Time, no GST
        ("Total $12.50\nSeattle, WA 98101", "USD"),  # a five-digit ZIP is no Australian postcode
        ("Total $12.50\nGST 5% 0.50\nGST 10% 1.00", "USD"),  # rates of two countries: unsettled
        ("Total $12.50\nSales tax 8.875%", "USD"),
    ],
)
def test_dollar_stays_when_nothing_settles(text: str, want: str) -> None:
    assert currency_reading(text).code == want


@pytest.mark.parametrize("text", ["Fr. 7 Uhr", "Fr. 12.03.2019", "Fr. Müller 12.50"])
def test_fr_is_a_franc_only_before_a_price(text: str) -> None:
    assert all(a.currency is None for a in find_amounts(text))

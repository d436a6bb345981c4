"""Amounts and currencies as printed on invoices and policies."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reimburse.adapters.heuristic.amounts import detect_currency, find_amounts, parse_number


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1,234.56", "1234.56"),
        ("1.234,56", "1234.56"),
        ("1 234,56", "1234.56"),
        ("1,23,456.00", "123456.00"),
        ("1234", "1234"),
        ("1,500", "1500"),
        ("1.500", "1500"),
        ("12,5", "12.5"),
        ("0.99", "0.99"),
    ],
)
def test_parse_number_reads_every_grouping_convention(raw: str, value: str) -> None:
    assert parse_number(raw) == Decimal(value)


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("₹ 233", "233", "INR"),
        ("Rs.233/-", "233", "INR"),
        ("INR 233.00", "233.00", "INR"),
        ("233,00 €", "233.00", "EUR"),
        ("€ 1.234,56", "1234.56", "EUR"),
        ("1 234,56 €", "1234.56", "EUR"),
        ("$1,500", "1500", "USD"),
        ("US$ 20.00", "20.00", "USD"),
        ("£12.40", "12.40", "GBP"),
        ("USD 1,234.56", "1234.56", "USD"),
        ("1,500.00INR", "1500.00", "INR"),
        ("Re. 1", "1", "INR"),
        ("CHF 80.50", "80.50", "CHF"),
    ],
)
def test_amount_with_currency_before_or_after(text: str, value: str, currency: str) -> None:
    [amount] = find_amounts(text)
    assert amount.value == Decimal(value)
    assert amount.currency == currency


def test_words_run_together_by_the_text_layer_still_give_the_amount() -> None:
    assert [a.value for a in find_amounts("TotalAmount:₹233.00")] == [Decimal("233.00")]
    assert [a.value for a in find_amounts("GrandTotal233.00")] == [Decimal("233.00")]


@pytest.mark.parametrize(
    "text",
    [
        "GST 18%",
        "Date 26/12/2024",
        "Invoice date 2024-12-26",
        "at 12:30 pm",
        "INV2024",
        "GSTIN 29ABCDE1234F1Z5",
        "17May2024",
    ],
)
def test_percentages_dates_times_and_codes_are_not_amounts(text: str) -> None:
    assert find_amounts(text) == []


def test_negative_discount_line() -> None:
    [amount] = find_amounts("Discount -50.00")
    assert amount.value == Decimal("-50.00")


def test_bare_integers_are_found_but_not_explicit() -> None:
    [amount] = find_amounts("Room 305")
    assert amount.value == Decimal(305)
    assert not amount.explicit
    assert find_amounts("Rs 305")[0].explicit


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("Total ₹ 500 and ₹ 20 tip", "INR"),
        ("Totaal € 12,00", "EUR"),
        ("Amount: S$ 12.00 (paid in $)", "SGD"),
        ("Total 12.00 USD, card $12.00", "USD"),
        ("Total 40.00", None),
        ("We're happy to serve you", None),
    ],
)
def test_detect_currency(text: str, currency: str | None) -> None:
    assert detect_currency(text) == currency


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999999.99"), places=2))
def test_formatted_amounts_parse_back(value: Decimal) -> None:
    english = f"{value:,.2f}"
    european = english.replace(",", "_").replace(".", ",").replace("_", ".")
    indian_free = f"{value:.2f}"
    for text in (f"₹ {english}", f"{european} €", f"INR {indian_free}"):
        [amount] = find_amounts(text)
        assert amount.value == value

"""A per-country rate table whose header lost some of its column names (the National Joint
Council's Appendix D prints "Breakfast Lunch Dinner Meal Total" over rows of six amounts). The
row's first amounts fall into its label: no cell can be told its column, so no limit is read from
it rather than a meal total or a grand total read as a meal limit."""

from __future__ import annotations

from decimal import Decimal

from tests.policy_text import read

TABLE = """Country A - Currency: US Dollar (USD)

Type of
Accommodation
City Meal Rate Incidental
Amount
Grand Total
(Taxes Included)
Breakfast Lunch Dinner Meal Total
C-Day 1-30 Harbourtown 21.10 44.25 59.40 124.75 39.92 164.67
C-Day 31-120 Harbourtown 15.83 33.19 44.55 93.57 29.94 123.51
P-Day 1-30 Harbourtown 21.10 44.25 59.40 124.75 24.95 149.70
"""
TOTALS = {Decimal(v) for v in ("124.75", "164.67", "93.57", "123.51", "149.70")}


def test_no_total_of_a_misaligned_row_becomes_a_limit() -> None:
    amounts = {c.amount for c in read(TABLE).caps}
    assert not amounts & TOTALS


def test_a_label_with_one_number_still_heads_its_row() -> None:
    # "Band 2 50.00" is no spilled row: one number in a label may be part of its name.
    text = "Hotel limits per night\nLocation     Hotel\nCity 2     $180.00\nOther     $120.00\n"
    assert {c.amount for c in read(text).caps} >= {Decimal("180.00"), Decimal("120.00")}

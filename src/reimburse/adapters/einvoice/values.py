"""Amounts and dates as the e-invoice standards write them (plain decimals, format 102, ISO)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from reimburse.adapters.einvoice.safe_xml import text

_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_DATE_102 = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DATE_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def to_decimal(value: str | None) -> Decimal | None:
    """The standards allow only "1234.56" (no grouping, '.' as decimal mark); anything else is None."""
    if value is None or not _DECIMAL.fullmatch(value.strip()):
        return None
    try:
        return Decimal(value.strip())
    except InvalidOperation:
        return None


def to_date(value: str | None) -> date | None:
    """CII format 102 (YYYYMMDD) or UBL's YYYY-MM-DD; an impossible date (a real sample has
    "20139102") is None rather than a guess."""
    if not value:
        return None
    value = value.strip()
    match = _DATE_102.fullmatch(value) or _DATE_ISO.match(value)
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def amount_in(elements: list[Any], currency: str | None) -> Decimal | None:
    """The first amount in the invoice currency: a foreign-currency CII invoice repeats
    TaxTotalAmount in the accounting currency, told apart by its currencyID."""
    for element in elements:
        value = to_decimal(text(element))
        unit = element.get("currencyID")
        if value is not None and (unit is None or currency is None or unit.strip().upper() == currency):
            return value
    return None

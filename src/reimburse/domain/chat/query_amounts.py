"""Amount conditions in questions: "over ₹500", "less than 100", "between 100 and 200", "at least $50".

Bounds in an InvoiceFilter are inclusive, so a strict bound moves by one cent: stored amounts
are whole cents, which makes "over 500" exactly "at least 500.01".
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import msgspec

from reimburse.domain.chat.query_text import Workspace
from reimburse.domain.currency_names import SIGNS, WORDS

CENT = Decimal("0.01")

CURRENCY_WORDS: dict[str, str] = {**SIGNS, **WORDS}

_CUR_BEFORE = r"(?:(?P<{n}c>₹|\$|€|£|¥|rs\.?(?=\s*\d)|inr|usd|eur|gbp|chf|jpy|aud|cad|sgd|aed)\s*)?"
_NUM = r"(?P<{n}>\d{{1,3}}(?:,\d{{2,3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_MULT = r"(?:\s*(?P<{n}m>k|thousand|lakhs?|lacs?|crores?|m|mn|million)\b)?"
_CUR_AFTER = r"(?:\s*(?P<{n}a>rupees?|rs\b\.?|inr|usd|dollars?|eur|euros?|gbp|pounds?|chf|francs?|jpy|yen|aud|cad|sgd|aed)\b)?"


def _amount(n: str) -> str:
    return _CUR_BEFORE.format(n=n) + _NUM.format(n=n) + _MULT.format(n=n) + _CUR_AFTER.format(n=n)


_MIN_STRICT = r"over|above|more\s+than|greater\s+than|higher\s+than|bigger\s+than|larger\s+than|exceeding|exceeds|exceeded|in\s+excess\s+of|>"
_MIN_INCL = r"at\s+least|not\s+less\s+than|no\s+less\s+than|minimum(?:\s+of)?|min\.?|>=|≥|from"
_MAX_STRICT = r"under|below|less\s+than|lower\s+than|cheaper\s+than|smaller\s+than|<"
_MAX_INCL = r"at\s+most|up\s*to|not\s+more\s+than|no\s+more\s+than|maximum(?:\s+of)?|max\.?|<=|≤|within"
_EXACT = r"exactly|worth|costing|amounting\s+to|of|for|totall?ing|totaled|totalled|=|equal\s+to"
_NOT_MONEY = r"(?!\s*(?:invoices?|receipts?|bills?|claims?|times|days?|weeks?|months?|years?|employees?|people|items?|%|percent))"

_RANGE = re.compile(rf"\b(?:between|from)\s+{_amount('a')}\s*(?:and|to|-|–)\s*{_amount('b')}{_NOT_MONEY}")
_BOUND = re.compile(
    rf"(?:(?P<minS>{_MIN_STRICT})|(?P<minI>{_MIN_INCL})|(?P<maxS>{_MAX_STRICT})|(?P<maxI>{_MAX_INCL})|(?P<eq>{_EXACT}))"
    rf"\s*(?:an?\s+)?(?:(?:total|amount|value|sum)\s+(?:of\s+)?)?{_amount('x')}{_NOT_MONEY}"
    rf"(?:\s*(?P<tailI>or\s+more|and\s+(?:above|up|over)|\+|or\s+less|and\s+(?:below|under)))?"
)
_SUFFIX = re.compile(
    rf"{_amount('x')}\s*(?P<tail>\+|or\s+more|and\s+(?:above|up|over)|or\s+less|and\s+(?:below|under)){_NOT_MONEY}"
)
_CURRENCY_ONLY = re.compile(
    r"(?:\bin\s+)?\b(?P<w>rupees?|inr|usd|dollars?|eur|euros?|gbp|pounds?|chf|francs?|jpy|yen|aud|cad|sgd|aed)\b"
)

_MULTIPLIERS = {
    "k": Decimal(1000),
    "thousand": Decimal(1000),
    "lakh": Decimal(100000),
    "lakhs": Decimal(100000),
    "lac": Decimal(100000),
    "lacs": Decimal(100000),
    "crore": Decimal(10**7),
    "crores": Decimal(10**7),
    "m": Decimal(10**6),
    "mn": Decimal(10**6),
    "million": Decimal(10**6),
}


_DOWN_TAILS = ("or less", "and below", "and under")


class AmountRange(msgspec.Struct, frozen=True):
    min_amount: Decimal | None = None
    max_amount: Decimal | None = None
    currency: str | None = None


def _value(m: re.Match[str], n: str) -> tuple[Decimal, str | None] | None:
    try:
        value = Decimal(m.group(n).replace(",", ""))
    except InvalidOperation:
        return None
    mult = m.group(f"{n}m")
    if mult:
        value *= _MULTIPLIERS[mult]
    symbol = m.group(f"{n}c") or m.group(f"{n}a")
    if not symbol:
        return value, None
    return value, CURRENCY_WORDS.get(symbol) or CURRENCY_WORDS.get(symbol.rstrip("."))


def _is_money(m: re.Match[str], n: str, loose_cue: bool) -> bool:
    """Weak cues ("of", "for", "from") only count with a currency: "for 2 people" is not an amount."""
    return not loose_cue or bool(m.group(f"{n}c") or m.group(f"{n}a"))


def find_amounts(ws: Workspace) -> AmountRange | None:
    """The amount bounds the question asks for (claiming their words), or None."""
    lo: Decimal | None = None
    hi: Decimal | None = None
    currency: str | None = None
    found = False
    for m in list(ws.finditer(_RANGE)):
        a, b = _value(m, "a"), _value(m, "b")
        if a is None or b is None:
            continue
        if m.group(0).lstrip().startswith("from") and not (
            _is_money(m, "a", True) or _is_money(m, "b", True)
        ):
            continue
        lo, hi = min(a[0], b[0]), max(a[0], b[0])
        currency = a[1] or b[1] or currency
        ws.claim(m.start(), m.end())
        found = True
    for m in list(ws.finditer(_BOUND)):
        got = _value(m, "x")
        if got is None:
            continue
        cue = next(k for k in ("minS", "minI", "maxS", "maxI", "eq") if m.group(k))
        loose = cue == "eq" or (cue == "minI" and m.group("minI").strip() == "from")
        if cue == "maxI" and m.group("maxI").strip() == "within":
            loose = True
        if not _is_money(m, "x", loose):
            continue
        value, cur = got
        tail = " ".join((m.group("tailI") or "").split())
        if tail:  # "500 or more", "500+": the tail decides the direction
            cue = "maxI" if tail in _DOWN_TAILS else "minI"
        if cue == "minS":
            lo = value + CENT
        elif cue == "minI":
            lo = value
        elif cue == "maxS":
            hi = value - CENT
        elif cue == "maxI":
            hi = value
        else:
            lo = hi = value
        currency = cur or currency
        ws.claim(m.start(), m.end())
        found = True
    for m in list(ws.finditer(_SUFFIX)):
        got = _value(m, "x")
        if got is None:
            continue
        value, cur = got
        tail = " ".join(m.group("tail").split())
        if tail in _DOWN_TAILS:
            hi = value
        else:
            lo = value
        currency = cur or currency
        ws.claim(m.start(), m.end())
        found = True
    for m in list(ws.finditer(_CURRENCY_ONLY)):
        currency = CURRENCY_WORDS[m.group("w")]
        ws.claim(m.start(), m.end())
        found = True
    if not found:
        return None
    return AmountRange(lo, hi, currency)


__all__ = ["CURRENCY_WORDS", "AmountRange", "find_amounts"]

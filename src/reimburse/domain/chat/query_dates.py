"""Date ranges in questions: "in June 2024", "last month", "between 1 and 15 Dec", "since March", "Q3".

A month or day without a year means its most recent occurrence up to today, unless the question
names a year elsewhere ("in 2024, how much in June?"). Several expressions narrow each other.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

import msgspec

from reimburse.domain.chat.query_text import Workspace
from reimburse.domain.month_names import MONTHS

_M = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_D = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
_Y = r"(?:19|20)\d{2}"
_YW = rf"(?:{_Y}|(?:this|last|previous|current|next)\s+year)"  # a year, or words naming one
_ISO = r"\d{4}-\d{2}-\d{2}"
_TO = r"\s*(?:and|to|until|till|through|thru|-|–)\s*"
_FROM_WORDS = ("since", "from", "after", "starting", "beginning")
_TO_WORDS = ("before", "until", "till", "through", "thru", "by", "to", "up to")
_PREFIX = r"(?:(?P<pre>since|from|after|starting(?:\s+(?:from|in))?|beginning|before|until|till|through|thru|up\s+to|by|on|in|during|for|of|throughout)\s+(?:the\s+)?(?:month\s+of\s+|year\s+)?)?"


class Period(msgspec.Struct, frozen=True):
    date_from: date | None = None
    date_to: date | None = None

    def narrowed(self, other: Period) -> Period:
        lo = max((d for d in (self.date_from, other.date_from) if d), default=None)
        hi = min((d for d in (self.date_to, other.date_to) if d), default=None)
        return Period(lo, hi)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month(year: int, month: int) -> Period:
    return Period(date(year, month, 1), _month_end(year, month))


def _day_num(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _month_num(text: str) -> int:
    return MONTHS[text.rstrip(".")]


def _safe_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


class _Years:
    """Resolves the year of a month or day the question gave without one."""

    def __init__(self, today: date, default_year: int | None) -> None:
        self.today = today
        self.default = default_year

    def word(self, text: str | None) -> int | None:
        if not text:
            return None
        text = " ".join(text.split())
        if text[:1].isdigit():
            return int(text)
        offset = {"this": 0, "current": 0, "last": -1, "previous": -1, "next": 1}[text.split()[0]]
        return self.today.year + offset

    def for_month(self, month: int, given: int | None) -> int:
        if given is not None:
            return given
        if self.default is not None:
            return self.default
        return self.today.year if month <= self.today.month else self.today.year - 1

    def for_day(self, month: int, day: int, given: int | None) -> int:
        if given is not None:
            return given
        if self.default is not None:
            return self.default
        past = (month, day) <= (self.today.month, self.today.day)
        return self.today.year if past else self.today.year - 1


def _apply_prefix(pre: str | None, period: Period) -> Period:
    """ "since June" -> from 1 June; "before June" -> to 31 May; "after June" -> from 1 July.

    "from June" alone means June ("invoices from June"); "from June to August" is a range rule.
    """
    if not pre:
        return period
    word = " ".join(pre.split())
    if word.startswith(("since", "starting", "beginning")):
        return Period(period.date_from, None)
    if word == "after":
        return Period(period.date_to + timedelta(days=1) if period.date_to else None, None)
    if word == "before":
        return Period(None, period.date_from - timedelta(days=1) if period.date_from else None)
    if word in _TO_WORDS:
        return Period(None, period.date_to)
    return period


def _quarter(year: int, q: int) -> Period:
    first = 3 * (q - 1) + 1
    return Period(date(year, first, 1), _month_end(year, first + 2))


def _relative(today: date, which: str, unit: str) -> Period:
    back = which in ("last", "previous", "past", "prior")
    if unit == "year":
        y = today.year - 1 if back else today.year
        return Period(date(y, 1, 1), date(y, 12, 31))
    if unit == "month":
        y, m = (today.year, today.month - 1) if back else (today.year, today.month)
        if m == 0:
            y, m = y - 1, 12
        return _month(y, m)
    if unit == "quarter":
        q = (today.month - 1) // 3 + 1
        y = today.year
        if back:
            q -= 1
            if q == 0:
                y, q = y - 1, 4
        return _quarter(y, q)
    start = today - timedelta(days=today.weekday())  # weeks start on Monday
    if back:
        start -= timedelta(days=7)
    return Period(start, start + timedelta(days=6))


def _last_n(today: date, n: int, unit: str) -> Period:
    unit = unit.rstrip("s")
    if unit == "day":
        return Period(today - timedelta(days=max(n - 1, 0)), today)
    if unit == "week":
        return Period(today - timedelta(days=7 * n - 1), today)
    if unit == "year":
        return Period(_safe_day(today.year - n, today.month, today.day) or date(today.year - n, 3, 1), today)
    y, m = today.year, today.month - n
    while m <= 0:
        y, m = y - 1, m + 12
    day = min(today.day, calendar.monthrange(y, m)[1])
    return Period(date(y, m, day), today)


_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("iso_range", re.compile(rf"\b(?:between|from)\s+(?P<a>{_ISO})(?:{_TO})(?P<b>{_ISO})\b")),
    (
        "day_range",
        re.compile(
            rf"\b(?:between|from)\s+(?:the\s+)?(?P<d1>{_D})\s*(?:(?:of\s+)?(?P<m1>{_M})\s*,?\s*(?P<y1>{_Y})?)?"
            rf"(?:{_TO})(?:the\s+)?(?P<d2>{_D})\s*(?:of\s+)?(?P<m2>{_M})\s*,?\s*(?P<y2>{_YW})?\b"
        ),
    ),
    (
        "day_range_us",
        re.compile(
            rf"\b(?:between|from)\s+(?P<m1>{_M})\s+(?P<d1>{_D})\s*(?:,?\s*(?P<y1>{_Y}))?"
            rf"(?:{_TO})(?:(?P<m2>{_M})\s+)?(?P<d2>{_D})\b\s*(?:,?\s*(?P<y2>{_YW}))?"
        ),
    ),
    (
        "month_range",
        re.compile(
            rf"\b(?:between|from)\s+(?P<m1>{_M})\s*(?P<y1>{_Y})?(?:{_TO})(?P<m2>{_M})\s*(?:of\s+)?(?P<y2>{_YW})?\b"
        ),
    ),
    (  # "june to august", "jun-aug 2024": no "between"/"from", so no "and" either ("june and august")
        "month_range",
        re.compile(
            rf"\b(?P<m1>{_M})\s*(?P<y1>{_Y})?\s*(?:to|until|till|through|thru|-|–)\s*(?P<m2>{_M})\s*(?:of\s+)?(?P<y2>{_YW})?(?![\w])"
        ),
    ),
    ("ytd", re.compile(r"\b(?:(?P<u>year|month)[\s-]to[\s-]date|(?P<abbr>ytd|mtd))\b")),
    (
        "last_n",
        re.compile(
            r"\b(?:in\s+|over\s+|during\s+|for\s+|within\s+)?(?:the\s+)?(?:last|past|previous)\s+(?P<n>\d{1,3})\s+(?P<u>days?|weeks?|months?|years?)\b"
        ),
    ),
    ("iso", re.compile(rf"{_PREFIX}\b(?P<iso>{_ISO})\b")),
    ("numeric", re.compile(rf"{_PREFIX}\b(?P<a>\d{{1,2}})[/.](?P<b>\d{{1,2}})[/.](?P<y>\d{{4}}|\d{{2}})\b")),
    (
        "day_month",
        re.compile(rf"{_PREFIX}\b(?P<d>{_D})\s*(?:of\s+)?(?P<m>{_M})(?:\s*,?\s*(?P<y>{_YW}))?\b"),
    ),
    ("month_day", re.compile(rf"{_PREFIX}\b(?P<m>{_M})\s+(?P<d>{_D})\b(?:\s*,?\s*(?P<y>{_Y})\b)?")),
    ("month", re.compile(rf"{_PREFIX}\b(?P<m>{_M})(?:\s*,?\s*(?:of\s+)?(?P<y>{_YW}))?(?![\w])")),
    (
        "quarter",
        re.compile(
            rf"{_PREFIX}\b(?:q(?P<q>[1-4])|(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)"
            rf"(?:\s*(?:of\s+)?(?P<y>{_YW}))?\b"
        ),
    ),
    (
        "half",
        re.compile(
            rf"{_PREFIX}\b(?:h(?P<h>[12])|(?P<hw>first|second)\s+half)(?:\s*(?:of\s+)?(?P<y>{_YW}))?\b"
        ),
    ),
    (
        "relative",
        re.compile(
            rf"{_PREFIX}\b(?P<w>this|current|last|previous|past|prior)\s+(?P<u>week|month|quarter|year)\b"
        ),
    ),
    ("today", re.compile(rf"{_PREFIX}\b(?P<w>today|yesterday)\b")),
    (
        "year",
        re.compile(
            rf"{_PREFIX}(?<![\w₹$€£.,/])(?P<y>20\d{{2}})\b(?![.,/]\d)"
            r"(?!\s*(?:and|to|-)\s*\d)(?!\s*(?:k\b|rupees?|rs\b|inr|usd|eur|dollars?|euros?|pounds?|gbp|chf))"
        ),
    ),
]

_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
# A bare year right after these is an amount ("over 2000"), not a date.
_AMOUNT_CUE = re.compile(
    r"(?:(?:over|above|under|below|than|least|most|exceeding|between|max(?:imum)?|min(?:imum)?|rs|inr|usd|eur|[₹$€£<>=])"
    r"|\d\s*(?:and|to|-|–))\s*$"
)
_YEAR_TOKEN = re.compile(rf"(?<![\w\-])({_Y})(?![\w\-])")


def _default_year(text: str) -> int | None:
    """A year the question names on its own ("in 2024"), used for months given without one."""
    for m in _YEAR_TOKEN.finditer(text):
        if not _AMOUNT_CUE.search(text[: m.start()]):
            return int(m.group(1))
    return None


def _period(kind: str, m: re.Match[str], years: _Years) -> Period | None:
    g = m.groupdict()
    today = years.today
    if kind == "iso_range":
        try:
            a, b = date.fromisoformat(g["a"]), date.fromisoformat(g["b"])
        except ValueError:
            return None
        return Period(min(a, b), max(a, b))
    if kind in ("day_range", "day_range_us"):
        m2 = _month_num(g["m2"] or g["m1"])
        m1 = _month_num(g["m1"]) if g["m1"] else m2
        d1, d2 = _day_num(g["d1"]), _day_num(g["d2"])
        y2 = years.for_day(m2, d2, years.word(g["y2"]) or years.word(g.get("y1")))
        y1 = years.word(g["y1"]) or (y2 if (m1, d1) <= (m2, d2) else y2 - 1)
        start, end = _safe_day(y1, m1, d1), _safe_day(y2, m2, d2)
        return Period(start, end) if start and end else None
    if kind == "month_range":
        m1, m2 = _month_num(g["m1"]), _month_num(g["m2"])
        y2 = years.for_month(m2, years.word(g["y2"]))
        y1 = years.word(g["y1"]) or (y2 if m1 <= m2 else y2 - 1)
        return Period(date(y1, m1, 1), _month_end(y2, m2))
    if kind == "ytd":
        unit = g["u"] or ("year" if g["abbr"] == "ytd" else "month")
        start = date(today.year, 1, 1) if unit == "year" else today.replace(day=1)
        return Period(start, today)
    if kind == "last_n":
        return _last_n(today, int(g["n"]), g["u"])
    if kind == "relative":
        return _relative(today, g["w"], g["u"])
    if kind == "today":
        day = today if g["w"] == "today" else today - timedelta(days=1)
        return Period(day, day)
    if kind == "quarter":
        q = int(g["q"]) if g["q"] else _ORDINALS[g["qw"]]
        year = years.word(g["y"])
        if year is None and years.default is not None:
            year = years.default
        elif year is None:  # the most recent such quarter that has begun
            year = today.year if 3 * (q - 1) + 1 <= today.month else today.year - 1
        return _quarter(year, q)
    if kind == "half":
        h = int(g["h"]) if g["h"] else (1 if g["hw"] == "first" else 2)
        year = years.word(g["y"]) or years.default or today.year
        return (
            Period(date(year, 1, 1), date(year, 6, 30))
            if h == 1
            else Period(date(year, 7, 1), date(year, 12, 31))
        )
    if kind == "iso":
        try:
            day = date.fromisoformat(g["iso"])
        except ValueError:
            return None
        return Period(day, day)
    if kind == "numeric":
        first, second, yy = int(g["a"]), int(g["b"]), int(g["y"])
        # day first, as most of the world writes it; month first only when the day says so (12/31/2024)
        dd, mm = (second, first) if first <= 12 < second else (first, second)
        on = _safe_day(yy + 2000 if yy < 100 else yy, mm, dd)
        return Period(on, on) if on else None
    if kind in ("day_month", "month_day"):
        month, d = _month_num(g["m"]), _day_num(g["d"])
        found = _safe_day(years.for_day(month, d, years.word(g["y"])), month, d)
        return Period(found, found) if found else None
    if kind == "month":
        month = _month_num(g["m"])
        year = years.word(g["y"])
        # "may" and "mar" are ordinary words too: a month only with a year or a date word before it
        if g["m"].rstrip(".") in ("may", "mar") and year is None and not g["pre"]:
            return None
        return _month(years.for_month(month, year), month)
    if kind == "year":
        return Period(date(int(g["y"]), 1, 1), date(int(g["y"]), 12, 31))
    return None


def find_period(ws: Workspace, today: date) -> Period | None:
    """The date range the question asks about (claiming its words), or None."""
    years = _Years(today, _default_year(ws.remaining))
    found: Period | None = None
    for kind, pattern in _RULES:
        for m in list(ws.finditer(pattern)):
            if not ws.is_free(m.start(), m.end()):
                continue  # overlaps a span an earlier match in this loop claimed
            if kind == "year" and not m.group("pre") and _AMOUNT_CUE.search(ws.remaining[: m.start()]):
                continue
            period = _period(kind, m, years)
            if period is None:
                continue
            pre = m.groupdict().get("pre")
            period = _apply_prefix(pre, period)
            ws.claim(m.start(), m.end())
            found = period if found is None else found.narrowed(period)
            if found.date_from and found.date_to and found.date_from > found.date_to:
                # two periods that do not overlap ("in June and in August"): cover both
                found = Period(
                    min(found.date_to, period.date_from or found.date_to),
                    max(found.date_from, period.date_to or found.date_from),
                )
    return found


__all__ = ["MONTHS", "Period", "find_period"]

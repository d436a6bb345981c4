"""Dates as printed on invoices: 17May2024, 17 May 2024, May 17, 2024, 26/12/2024, 2024-12-26,
03.12.2024, 12-Dec-24, 3. Dezember 2024, 3 de diciembre de 2024, 1er mars 2024 ...

Numeric dates are read day-first unless the caller says the document writes month-first (a
date like 12/26/2024 elsewhere in the text, or a US document); dotted dates (03.12.2024) are
day-first by convention. A date that reads two ways keeps its other reading in `alternative`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from reimburse.domain.month_names import FULL_YEAR_ONLY, LISTOPAD, MONTHS

_MONTHS = {**MONTHS, **FULL_YEAR_ONLY, **dict.fromkeys(LISTOPAD, 11)}


def alternation(words: Iterable[str]) -> str:
    """A pattern for any of `words`, as a trie of their letters ("ma(?:r(?:ch|zo)?|y)"): the engine
    then tests a letter once, not each of ~260 month names at every word. A word is tried before
    its own prefixes ("march" before "mar"), so it matches what a longest-first list would."""
    heads: dict[str, list[str]] = {}
    ends = False
    for word in words:
        if word:
            heads.setdefault(word[0], []).append(word[1:])
        else:
            ends = True
    if not heads:
        return ""
    branches = "|".join(re.escape(head) + alternation(rest) for head, rest in heads.items())
    group = f"(?:{branches})" if len(heads) > 1 or ends else branches
    return f"{group}?" if ends else group


_MONTH = alternation(sorted(_MONTHS))
_M = rf"(?P<mon>{_MONTH})\.?(?![^\W\d_])"
_ORD = r"(?:st|nd|rd|th|er|e|°|º|\.)?"
# Two digits before a four-digit year are the day of "Mon D, YYYY" ("Table 7 Dec 19, 2021" is
# 19 December 2021, not 7 December 2019): a year is never followed by another.
_Y = r"(?P<year>\d{4}|'?\d{2}(?![ ,.]*(?:19|20)\d{2}(?!\d)))(?!\d)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # 17 May 2024, 17May2024, 12-Dec-24, 3. Dezember 2024, 3 de diciembre de 2024, 17th May, 2024,
    # 12th of March 2019, 12 marca 2019 (month names of every language in domain/month_names.py),
    # "this 14th day of March, 2025" (the English formal dating of receipts and bills)
    (
        "dmy_text",
        re.compile(
            rf"(?<!\d)(?P<day>\d{{1,2}}){_ORD}[ \-/.,]*(?:(?:de|of|day\s+of)\s+)?{_M}[ \-/.,]*(?:de\s+)?{_Y}",
            re.I,
        ),
    ),
    # May 17, 2024, Dec 3 2024, December 3rd, 2024, Mar 12 '19, Mar-12-2019
    (
        "mdy_text",
        re.compile(
            rf"(?<![^\W\d_]){_M}[ \-/.,]*(?P<day>\d{{1,2}}){_ORD}(?!\d)[ ,\-/.]*(?P<year>\d{{4}}|'\d{{2}})(?!\d)",
            re.I,
        ),
    ),
    # 2024-Dec-03
    ("ymd_text", re.compile(rf"(?<!\d)(?P<year>\d{{4}})[ \-/.]+{_M}[ \-/.]+(?P<day>\d{{1,2}})(?!\d)", re.I)),
    # 2024-12-26, 2024/12/26, 2024.12.26
    (
        "ymd",
        re.compile(r"(?<![\d.,])(?P<year>\d{4})(?P<sep>[-/.])(?P<a>\d{1,2})(?P=sep)(?P<b>\d{1,2})(?![\d])"),
    ),
    # 26/12/2024, 26-12-24, 03.12.2024; OCR runs a time into the year: 25/12/20188:13:39.
    # Never right after kana or a CJK ideograph: Chinese and Japanese write numeric dates year
    # first, and "片野3-14-13" is a Japanese address (chome, block, house), not 14 March 2013.
    (
        "dmy",
        re.compile(
            r"(?<![\d.,/\u3040-\u30ff\u4e00-\u9fff])(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)"
            r"(?P<year>(?:19|20)\d{2}(?=\d{1,2}:\d{2})|\d{2}(?=\d{1,2}:\d{2})|\d{4}(?!\d)|\d{2}(?!\d))"
        ),
    ),
    # Appended, so the index of "dmy" above stays put (order_evidence reads it).
    # 8. 2. 2024: Czech, Slovak, Croatian, Slovenian and Polish write a space after each dot.
    (
        "dmy_spaced",
        re.compile(
            r"(?<![\d.,])(?P<a>\d{1,2})(?P<sep>\.)\s(?P<b>\d{1,2})\.\s?(?P<year>(?:19|20)\d{2})(?!\d)"
        ),
    ),
    # 2024. 02. 08.: Hungarian; 2024年2月8日: Chinese and Japanese (Hong Kong receipts);
    # 2024년 2월 8일: Korean
    (
        "ymd_spaced",
        re.compile(
            r"(?<![\d.,])(?P<year>(?:19|20)\d{2})(?:\.\s(?P<a>\d{1,2})\.\s?(?P<b>\d{1,2})(?!\d)|"
            r"\s?[年년]\s?(?P<a2>\d{1,2})\s?[月월]\s?(?P<b2>\d{1,2})\s?[日일])"
        ),
    ),
    # 2024-02-0818:01: OCR ran the time into an ISO date
    (
        "ymd",
        re.compile(
            r"(?<![\d.,])(?P<year>\d{4})(?P<sep>[-/.])(?P<a>\d{1,2})(?P=sep)(?P<b>\d{2})(?=\d{1,2}:\d{2})"
        ),
    ),
    # 12 . 03 . 2019, 12 - 03 - 2019, 2019 / 03 / 12: some layouts and OCR set the separators
    # apart by a space; only with a four-digit year, so a sum ("10 - 5 - 20") is not a date, and
    # never ending on a time ("2024-02-   18:01" lost its day: no date, not the 18th).
    (
        "dmy",
        re.compile(
            r"(?<![\d.,])(?P<a>\d{1,2}) ?(?P<sep>[-/.]) ?(?P<b>\d{1,2}) ?(?P=sep) ?"
            r"(?P<year>(?:19|20)\d{2})(?!\d)"
        ),
    ),
    (
        "ymd",
        re.compile(
            r"(?<![\d.,])(?P<year>(?:19|20)\d{2}) ?(?P<sep>[-/.]) ?(?P<a>\d{1,2}) ?(?P=sep) ?"
            r"(?P<b>\d{1,2})(?![\d:])"
        ),
    ),
    # Dat.31.08.2015, Datum.31.08.2015: a till glues the dotted date to its label's abbreviation dot
    # (German receipts abbreviate Datum and Zeit). Only after a letter and its dot, with a full year:
    # the pattern above keeps refusing a date that follows a digit's dot. Appended, like the rest.
    (
        "dmy",
        re.compile(r"(?<=[^\W\d_]\.)(?P<a>\d{1,2})(?P<sep>\.)(?P<b>\d{1,2})\.(?P<year>(?:19|20)\d{2})(?!\d)"),
    ),
    # 9 de septiembre de 2024 with the spaces around "de" lost ("9de septiembrede 2024"): Spanish and
    # Portuguese join day, month and year by "de"; OCR drops the spaces around so short a word.
    (
        "dmy_text",
        re.compile(
            rf"(?<!\d)(?P<day>\d{{1,2}})\s?de\s?(?P<mon>{_MONTH})\s?de\s?(?P<year>(?:19|20)\d{{2}})(?!\d)",
            re.I,
        ),
    ),
    # 12/03 2023: a date's second slash or hyphen lost to a space (OCR, faded print); two digits each
    # for day and month as receipts print them ("1/2 2019" may be a fraction), never a point,
    # which amounts print ("12.03 2023" may be a price and a number)
    (
        "dmy",
        re.compile(
            r"(?<![\d.,/\-])(?P<a>\d{2})(?P<sep>[/\-])(?P<b>\d{2}) (?P<year>(?:19|20)\d{2})(?![\d.,/\-])"
        ),
    ),
    # 12.III.2019, 12-III-2019: Polish, Czech, Hungarian and Romanian write the month in Roman
    # numerals; capitals between separators only ("1 X 2000" is a quantity times a price).
    (
        "dmy_roman",
        re.compile(
            r"(?<![\d.,])(?P<day>\d{1,2})\s?[.\-/]\s?"
            r"(?P<roman>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\s?[.\-/]\s?(?P<year>(?:19|20)\d{2})(?!\d)"
        ),
    ),
]

# Japanese era dates: 令和8年11月27日 (Reiwa 8 is 2026; the first year is 元), 平成30年..., and the
# era's initial on tills and forms: R8.11.27, H30/11/27. Appended, like the rest.
_PATTERNS += [
    (
        "era",
        re.compile(
            r"(?P<era>令和|平成)\s?(?P<eyear>\d{1,2}|元)\s?年\s?(?P<a>\d{1,2})\s?月\s?(?P<b>\d{1,2})\s?日"
        ),
    ),
    # Taiwan's Minguo years (Gregorian minus 1911): 民國115年11月27日, or 115年11月27日 with the
    # three-digit year alone (a two-digit one may be a Japanese short year).
    (
        "roc",
        re.compile(
            r"(?:(?P<roc>民國|民国)\s?(?P<ryear>\d{2,3})|(?<!\d)(?P<ryear3>1\d{2}))\s?年\s?(?P<a>\d{1,2})\s?月"
            r"\s?(?P<b>\d{1,2})\s?日"
        ),
    ),
    (
        "era",
        re.compile(
            r"(?<![^\W\d_])(?P<era>[RH])\s?(?P<eyear>\d{1,2})(?P<sep>[./])(?P<a>\d{1,2})(?P=sep)(?P<b>\d{1,2})(?![\d.,/])"
        ),
    ),
]
# "Fri Nov 27 14:32:05 2026": C's asctime/ctime layout (POS systems and mailers print it), the time
# between the day and the year.
_PATTERNS.append(
    (
        "mdy_text",
        re.compile(
            rf"(?<![^\W\d_]){_M}\s+(?P<day>\d{{1,2}})\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s+(?P<year>(?:19|20)\d{{2}})(?!\d)",
            re.I,
        ),
    )
)
# "JUL 152025", "MAY 202020": OCR lost the space between a month-first date's day and its year; a
# two-digit day before a four-digit year splits one way only. A one-digit day is left unread: a
# month word before a five-digit number is as often a count or a code ("MAR 12000 PTS", "Abo Mai
# 12020"), on text layers too, where nothing flags the reading.
_PATTERNS.append(
    (
        "mdy_text",
        re.compile(rf"(?<![^\W\d_]){_M}[ \-/.,]*(?P<day>\d{{2}})(?P<year>(?:19|20)\d{{2}})(?!\d)", re.I),
    )
)
# "ngày 27 tháng 11 năm 2026": Vietnamese invoices write day, month and year after their words
# (also without the diacritics).
_PATTERNS.append(
    (
        "dmy_spaced",
        re.compile(
            r"(?i)(?<![^\W\d_])ng[àa]y\s*(?P<a>\d{1,2})\s*th[áa]ng\s*(?P<b>\d{1,2})\s*n[ăa]m\s*"
            r"(?P<year>(?:19|20)\d{2})(?!\d)"
        ),
    )
)
# Each era's first year in the Gregorian calendar, and its first and last day; tills and forms
# print the era's initial instead.
_ERAS = {
    "令和": (2018, date(2019, 5, 1), date(2099, 12, 31)),
    "平成": (1988, date(1989, 1, 8), date(2019, 4, 30)),
}
_ERA_INITIALS = {"R": "令和", "H": "平成"}


def _era_date(m: re.Match[str]) -> date | None:
    era = m.group("era")
    offset, first, last = _ERAS[_ERA_INITIALS.get(era, era)]
    year = 1 if m.group("eyear") == "元" else int(m.group("eyear"))
    value = _make(offset + year, int(m.group("a")), int(m.group("b")))
    return value if value is not None and first <= value <= last else None


_ROMAN = {
    r: n
    for n, r in enumerate(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"], start=1)
}


_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class DateMatch:
    value: date
    start: int
    end: int
    alternative: date | None = None  # the other day/month reading of an ambiguous numeric date
    # The reading without a lone digit printed before it ("2 3.09.19": 23 or 3 September), when
    # nothing says whether that digit is the day's first (OCR split it) or a count.
    doubt: date | None = None
    month: str | None = None  # the month's name as printed, for a date written with one
    # The reading with the two digits after a two-digit year "19" or "20" joined to it ("14/03/20 18":
    # 2020, or 2018 with its year split by OCR or letter spacing), when that reads a valid date.
    split_year: date | None = None


# Thailand numbers its years in the Buddhist Era, 543 ahead ("27/11/2569" is 27 November 2026).
_BUDDHIST_ERA = 543


def _year(raw: str) -> int:
    """The Gregorian year a printed year stands for."""
    y = int(raw.lstrip("'"))
    if 1990 + _BUDDHIST_ERA <= y <= 2099 + _BUDDHIST_ERA:
        return y - _BUDDHIST_ERA
    if y >= 100:
        return y
    return y + 1900 if y >= 69 else y + 2000  # the POSIX %y pivot


def _make(year: int, month: int, day: int) -> date | None:
    if not 1990 <= year <= 2099:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


# Nepal's Bikram Sambat runs 56-57 years ahead of the Gregorian calendar, and Nepali tax invoices
# print both ("Date: 07/05/2024", "Miti: 21/03/2081"). A numeric date 56 or 57 years after another
# one in the same text is that calendar's: its day-month order says nothing of the other's. Only
# from Bikram Sambat 2047 (AD 1990) on, so a birth date 57 years before a receipt's stays a date.
_SECOND_CALENDAR_GAPS = frozenset({56, 57})
_SECOND_CALENDAR_FROM = 2047


def _second_calendar_year(year: int, years: set[int]) -> bool:
    return year >= _SECOND_CALENDAR_FROM and any(year - x in _SECOND_CALENDAR_GAPS for x in years)


def _numeric_years(text: str) -> list[tuple[re.Match[str], int]]:
    return [(m, _year(m.group("year"))) for m in _PATTERNS[4][1].finditer(text)]


def second_calendar(text: str) -> bool:
    """True when `text` prints numeric dates in a national calendar beside Gregorian ones."""
    years = {y for _, y in _numeric_years(text)}
    return any(_second_calendar_year(y, years) for y in years)


def second_calendar_days(text: str) -> list[date]:
    """Where the national calendar's dates fall in the Gregorian one, to within about a week: the
    Bikram Sambat year starts on 13 or 14 April and its months run 29 to 32 days."""
    found = _numeric_years(text)
    years = {y for _, y in found}
    out = []
    for m, year in found:
        if not _second_calendar_year(year, years):
            continue
        a, b = int(m.group("a")), int(m.group("b"))
        for day, month in {(a, b), (b, a)}:
            if 1 <= month <= 12 and 1 <= day <= 32:
                start = date(year - 57, 4, 13)
                out.append(start + timedelta(days=round((month - 1) * 30.44) + day - 1))
    return out


def order_evidence(text: str) -> tuple[bool, bool]:
    """(month-first seen, day-first seen): numeric dates in `text` that read only one way
    (a national calendar's dates printed beside the Gregorian ones left out)."""
    month_first = day_first = False
    found = _numeric_years(text)
    years = {y for _, y in found}
    for m, year in found:
        if _second_calendar_year(year, years):
            continue
        a, b = int(m.group("a")), int(m.group("b"))
        month_first |= a <= 12 < b <= 31
        day_first |= b <= 12 < a <= 31
    return month_first, day_first


def writes_month_first(text: str) -> bool:
    """True when the document shows it writes numeric dates month-first (and never day-first)."""
    month_first, day_first = order_evidence(text)
    return month_first and not day_first


def find_dates(text: str, month_first: bool | None = None) -> list[DateMatch]:
    """Every date in `text`, in order of appearance (overlaps resolved in favour of the longer match).

    `month_first` is the document's convention when `text` is only part of it."""
    if not _DIGIT.search(text):  # every pattern needs a digit; most lines of a page have none
        return []
    if month_first is None:
        month_first = writes_month_first(text)
    found: list[DateMatch] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            value = _convert(kind, m, month_first)
            if value is not None:
                month = m.group("mon") if kind.endswith("_text") else None
                plain = DateMatch(value, m.start(), m.end(), _alternative(kind, m, value), month=month)
                plain = _split_year(text, kind, m, plain)
                found.append(_split_day(text, kind, pattern, m, plain, month_first) or plain)
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    out: list[DateMatch] = []
    for d in found:
        if out and d.start < out[-1].end:
            continue
        out.append(d)
    return out


def _convert(kind: str, m: re.Match[str], month_first: bool) -> date | None:
    if kind.endswith("_text"):
        name = m.group("mon").lower()
        if name == "out" and len(m.group("year")) != 4:
            return None  # Portuguese "out" (outubro) is an English word too: "In 10:05 Out 10:30"
        if name in FULL_YEAR_ONLY and (kind != "dmy_text" or len(m.group("year")) != 4):
            return None
        month = _MONTHS.get(name)  # None: a case fold the table lacks
        return _make(_year(m.group("year")), month, int(m.group("day"))) if month else None
    if kind == "dmy_roman":
        return _make(_year(m.group("year")), _ROMAN[m.group("roman")], int(m.group("day")))
    if kind == "era":
        return _era_date(m)
    if kind == "roc":  # Taiwan's Minguo year: Gregorian minus 1911
        return _make(1911 + int(m.group("ryear") or m.group("ryear3")), int(m.group("a")), int(m.group("b")))
    year = _year(m.group("year"))
    if kind == "ymd_spaced":
        return _make(year, int(m.group("a") or m.group("a2")), int(m.group("b") or m.group("b2")))
    a, b = int(m.group("a")), int(m.group("b"))
    if kind == "ymd":
        return _make(year, a, b)
    if kind == "dmy_spaced":
        return _make(year, b, a)
    if a > 12 or (b <= 12 and (not month_first or m.group("sep") == ".")):
        return _make(year, b, a)
    return _make(year, a, b)


# "2 3.09.19": a lone digit, one space, then a one-digit day. OCR and some scanner text layers
# split a day in two; a count printed before a date looks the same.
_LONE_DIGIT = re.compile(r"(?:^|(?<=[\s:]))(\d) $")
# Words after which the digit is a count or a number of its own: "Table 2", "Pax 2", "Zimmer 2".
_COUNT_WORD = re.compile(
    r"(?i)(?<![^\W\d_])(?:table|tisch|tafel|mesa|tavolo|pax|covers?|guests?|gäste|personen|persons?|"
    r"couverts?|qty|quantity|anzahl|menge|stk|pcs|no|nr|n°|#|room|zimmer|chambre|kasse|till|pos|"
    r"terminal|seat|platz)\.?\s*[:#.]?\s*$"
)
# A date label right before it: the digit can only be the day's ("Rechnungsdatum : 2 3.09.19").
_DATE_WORD = re.compile(
    r"(?i)(?:(?:dat(?:e|um|a|o)|fecha)(?:\s+(?:(?:de|of|du|del|di)\s+)?[^\W\d_]+)?|"
    r"(?<![^\W\d_])(?:le|du|vom|del|on))\s*:?\s*$"
)


def _split_day(
    text: str, kind: str, pattern: re.Pattern[str], m: re.Match[str], plain: DateMatch, month_first: bool
) -> DateMatch | None:
    """The date with a lone digit before it joined to its day, when that reads a valid date; sure
    after a date label, in doubt elsewhere. None when the digit is a count or cannot join."""
    if kind != "dmy" or len(m.group("a")) != 1:
        return None
    lone = _LONE_DIGIT.search(text, max(0, m.start() - 2), m.start())
    before = text[max(0, m.start() - 40) : m.start() - 2]
    if lone is None or _COUNT_WORD.search(before):
        return None
    joined = pattern.match(lone.group(1) + text[m.start() :])
    if joined is None or joined.end() != 1 + m.end() - m.start():
        return None
    value = _convert(kind, joined, month_first)
    if value is None:  # "4 3.09.19": no 43rd, so the 4 is something else
        return None
    doubt = None if _DATE_WORD.search(before) or value == plain.value else plain.value
    return DateMatch(value, lone.start(), m.end(), _alternative(kind, joined, value), doubt)


# Two digits standing after a date, then nothing numeric: "14/03/20 18" (not "14/03/20 18:45").
_YEAR_REST = re.compile(r" (\d{2})(?![\d:.,/\-])")


def _split_year(text: str, kind: str, m: re.Match[str], plain: DateMatch) -> DateMatch:
    """`plain` with the reading its year may have lost to a space: a four-digit year split after its
    century ("20 18") reads as a two-digit year "20" and a number; nothing on the line says which."""
    if kind != "dmy" or m.group("year") not in {"19", "20"}:
        return plain
    rest = _YEAR_REST.match(text, m.end())
    if rest is None:
        return plain
    joined = _make(int(m.group("year") + rest.group(1)), plain.value.month, plain.value.day)
    return replace(plain, split_year=joined) if joined is not None and joined != plain.value else plain


def _alternative(kind: str, m: re.Match[str], value: date) -> date | None:
    if kind != "dmy" or m.group("sep") == ".":
        return None
    a, b = int(m.group("a")), int(m.group("b"))
    if a == b or a > 12 or b > 12:
        return None
    other = _make(value.year, value.day, value.month)
    return other if other != value else None


def parse_date(text: str) -> date | None:
    found = find_dates(text)
    return found[0].value if found else None

"""The period a cap is shared over, as English policies print it (issue 13; weeks and quarters also
in German, French, Spanish, Italian and Dutch, issue 19).

"INR 1,000 per month", "monthly", "per calendar year", "per annum": a limit per period is spent by
every claim in it, whatever the number of bills. "Per day" alone is a limit per bill-day (a hotel
stay of three days gets three); only "per day in total", "whatever the number of bills" and the like
make it the day's total. "In any 3-year period", "once every three years": a rolling window.
"Up to 2 claims per month", "one phone bill a month", "once a month": a count of claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reimburse.domain.verdict.policy import CapUnit, Period

_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10, "a": 1, "an": 1}
_NUMBER = r"(\d{1,2}|one|two|three|four|five|six|ten|a|an)"
_PERIOD_WORDS = {
    "day": Period.DAY,
    "week": Period.WEEK,
    "month": Period.MONTH,
    "quarter": Period.QUARTER,
    "year": Period.YEAR,
    "annum": Period.YEAR,
    "calendar year": Period.YEAR,
    "financial year": Period.YEAR,
    "fiscal year": Period.YEAR,
}
_ADVERBS = {
    "weekly": Period.WEEK,
    "monthly": Period.MONTH,
    "quarterly": Period.QUARTER,
    "annually": Period.YEAR,
    "yearly": Period.YEAR,
}
# Weeks and quarters in the other languages the reader knows, by each language's convention: "pro
# Woche/Quartal", "je Woche", "par semaine/trimestre", "por semana/trimestre", "a/al/alla settimana",
# "per week/kwartaal" (Dutch shares "per week" with English).
_FOREIGN_PERIODS = {
    "woche": Period.WEEK,
    "quartal": Period.QUARTER,
    "semaine": Period.WEEK,
    "semana": Period.WEEK,
    "settimana": Period.WEEK,
    "trimestre": Period.QUARTER,
    "kwartaal": Period.QUARTER,
}
_FOREIGN_ADVERBS = {
    "wöchentlich": Period.WEEK,
    "vierteljährlich": Period.QUARTER,
    "quartalsweise": Period.QUARTER,
    "hebdomadaire": Period.WEEK,
    "trimestriel": Period.QUARTER,
    "trimestrielle": Period.QUARTER,
    "semanal": Period.WEEK,
    "trimestral": Period.QUARTER,
    "settimanale": Period.WEEK,
    "trimestrale": Period.QUARTER,
    "wekelijks": Period.WEEK,
    "driemaandelijks": Period.QUARTER,
}
_WORDS = "|".join(sorted(_PERIOD_WORDS, key=len, reverse=True))
# Weeks and quarters have no cap unit of their own: "per week", "each quarter", "/quarter".
_PER_PERIOD = re.compile(
    r"(?i)(?:(?:\bper|\beach|\bevery|/)\s*(week|quarter)\b|"
    r"(?:\bpro|\bje|\bpar|\bpor|\ba|\bal|\balla|\bper|/)\s*(woche|quartal|semaine|semana|settimana|trimestre|kwartaal)\b)"
)
_ADVERB = re.compile(r"(?i)\b(" + "|".join([*_ADVERBS, *_FOREIGN_ADVERBS]) + r")(?!\w)")
# "in any 3-year period", "once every three years", "once in 3 years", "every 2 years" (not "within
# 3 months", a deadline's words).
_ROLLING = re.compile(
    rf"(?i)\b(?:in\s+any|within\s+any|once\s+in|every)\s+{_NUMBER}[\s-]*(year|month|week)s?(?:\s+period)?\b"
)
# The day's total: "per day in total", "whatever the number of bills", "per day in aggregate".
_DAY_TOTAL = re.compile(
    r"(?i)(per\s+(?:calendar\s+)?day\s+(?:in\s+total|in\s+aggregate|in\s+all|combined|overall)|"
    r"(?:total|aggregate|combined)\s+(?:of\s+|for\s+all\s+\w+\s+)?(?:per|a|each)\s+day|"
    r"daily\s+(?:total|aggregate)|(?:whatever|regardless\s+of|irrespective\s+of)\s+the\s+number\s+of\s+"
    r"(?:bills|receipts|invoices|claims|meals))"
)
# "up to 2 claims per month", "one phone bill a month", "once a month", "twice a year".
_COUNT = re.compile(
    rf"(?i)\b(?:(?:up\s+to|maximum\s+of|max\.?|no\s+more\s+than|not\s+more\s+than|only|limited\s+to)\s+)?"
    rf"(?:{_NUMBER}\s+(?:[a-z]+\s+){{0,2}}?(?:claims?|bills?|invoices?|receipts?|reimbursements?)|(once|twice))\s+"
    rf"(?:per|a|an|each|every|in\s+a)\s+({_WORDS})\b"
)


@dataclass(frozen=True)
class Scope:
    period: Period = Period.INVOICE
    length: int = 1
    claims: int = 0


def claim_count_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` counts claims per period ("one bill a month"): no deadline is read there."""
    return [(m.start(), m.end()) for m in _COUNT.finditer(text)]


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


def scope_of(clause: str, unit: CapUnit) -> Scope:
    """The period the cap of `clause` (read with `unit`) is shared over, and any count of claims."""
    count = _COUNT.search(clause)
    claims, count_period = 0, Period.INVOICE
    if count is not None:
        claims = _number(count.group(1)) if count.group(1) else (1 if count.group(2).lower() == "once" else 2)
        count_period = _PERIOD_WORDS[count.group(3).lower()]
    rolling = _ROLLING.search(clause)
    if rolling is not None and _number(rolling.group(1)) > 1:
        period = _PERIOD_WORDS[rolling.group(2).lower()]
        return Scope(period, _number(rolling.group(1)), claims if count_period is period else 0)
    period = _amount_period(clause, unit)
    if count is not None and period is count_period:
        # The unit may come from the count's own words ("one phone bill a month, up to INR 800"):
        # the amount is then a limit per claim, unless the period is printed again for it.
        rest = clause[: count.start()] + clause[count.end() :]
        if not (re.search(rf"(?i)\b{re.escape(count.group(3))}", rest) or _ADVERB.search(rest)):
            period = Period.INVOICE
    if claims and period is not Period.INVOICE and count_period is period:
        # "INR 1,000 per month, up to 10 claims per month": the amount is the month's total; one
        # rule cannot carry both, and the total is the limit that protects the budget.
        return Scope(period)
    if claims:
        return Scope(count_period, 1, claims)
    return Scope(period)


def _amount_period(clause: str, unit: CapUnit) -> Period:
    if unit is CapUnit.MONTH:
        return Period.MONTH
    if unit is CapUnit.YEAR:
        return Period.YEAR
    if unit is CapUnit.DAY:
        return Period.DAY if _DAY_TOTAL.search(clause) else Period.INVOICE
    if unit is not CapUnit.INVOICE:
        return Period.INVOICE  # per meal, night, ride, trip, km: each bill's own units
    per = _PER_PERIOD.search(clause)
    if per is not None:
        return _PERIOD_WORDS[per.group(1).lower()] if per.group(1) else _FOREIGN_PERIODS[per.group(2).lower()]
    adverb = _ADVERB.search(clause)
    if adverb is None:
        return Period.INVOICE
    word = adverb.group(1).lower()
    return _ADVERBS.get(word) or _FOREIGN_ADVERBS[word]

"""What a table's section, its caption lines and its sibling rows say about each row of a schedule
printed as lines: the allowance a section names, the next block of the same table and the place a
row's label is."""

from __future__ import annotations

import re
from collections.abc import Callable

from reimburse.adapters.heuristic.clauses import Clause
from reimburse.adapters.heuristic.places import cities_in

# Australian public-sector awards name the daily rate for a night away (lodging, meals, incidentals)
# the "travelling allowance" (NSW's circular C2011-30 "Capital cities  Per day", the Commonwealth's
# office holders' "Travelling Allowance Rates"): the per diem. India's TA is the fare, never paid by
# the day, so only a daily unit beside it makes it one.
_TRAVELLING_ALLOWANCE = re.compile(r"(?i)(?<![^\W\d_])travel(?:l?ing)?\s+allowances?(?![^\W\d_])")
_BY_THE_DAY = re.compile(r"(?i)(?<![^\W\d_])(?:per\s+day|daily|a\s+day|per\s+diem)(?![^\W\d_])")


# "Hobart $241.50", "Ballarat (VIC) $240.10", "Bellingham: $83/day": a row of a table by place, its
# label capitalised words (a state's code in brackets after them) and its one amount.
_PLACE_ROW_LINE = re.compile(
    r"(?P<label>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,2}(?:\s*\([A-Z]{2,3}\))?)\s*:?\s*"
    r"(?:[A-Z]{0,3}[$€£]|[A-Z]{3}\s?)\s?\d[\d,]*(?:\.\d{2})?"
    r"(?:\s*(?:/\s*|per\s+|a\s+)(?:day|night))?\s*"
)
# A heading naming the places its rows are ("Capital cities", "High cost country centres").
_PLACE_CLASS = re.compile(
    r"(?i)(?<![^\W\d_])(?:cit(?:y|ies)|centres?|centers?|towns?|locations?|destinations?|"
    r"regions?|areas?|count(?:y|ies)|states?|provinces?)(?![^\W\d_])"
)


def place_rows(clauses: list[Clause], is_place: Callable[[str], bool]) -> dict[int, str]:
    """Clause index -> place, for runs of two or more rows by place under one heading, when a row
    names a city the gazetteer knows or the heading names a class of places: the other labels are
    towns of the same table (Hobart, Broome, Bellingham), not words of a sentence."""
    out: dict[int, str] = {}
    k = 0
    while k < len(clauses):
        j = k
        labels: list[str] = []
        while j < len(clauses) and clauses[j].heading == clauses[k].heading:
            row = _PLACE_ROW_LINE.fullmatch(clauses[j].text)
            if row is None or not is_place(re.sub(r"\s*\([A-Z]{2,3}\)$", "", row.group("label"))):
                break
            labels.append(row.group("label"))
            j += 1
        known = any(cities_in(label) for label in labels) or _PLACE_CLASS.search(clauses[k].heading)
        if len(labels) >= 2 and known:
            out.update((k + n, label) for n, label in enumerate(labels))
        k = max(j, k + 1)
    return out


def next_block(clause: Clause, above: Clause) -> bool:
    """The clause's heading is the next block of the table above it: the same last column ("Per
    day"), filed by the splitter under the previous block's heading."""
    here, there = (re.split(r"\s{3,}", h.strip()) for h in (clause.heading, above.heading))
    return (
        clause.parent == above.heading != clause.heading
        and len(here) > 1
        and len(there) > 1
        and here[-1].casefold() == there[-1].casefold()
    )


def daily_travelling_allowance(clause: Clause) -> bool:
    """The clause sits under a "travelling allowance" heading whose rows are paid by the day."""
    above = (clause.label, clause.heading, clause.lead, clause.parent)
    return any(_TRAVELLING_ALLOWANCE.search(t) for t in above if t) and any(
        _BY_THE_DAY.search(t) for t in (*above, clause.text) if t
    )

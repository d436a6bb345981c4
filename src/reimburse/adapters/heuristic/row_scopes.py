"""What a table's section, its caption lines and its sibling rows say about each row of a schedule
printed as lines: the allowance a section names, the next block of the same table, the place a row's
label is, and the places a caption line gives the rows under it."""

from __future__ import annotations

import re
from collections.abc import Callable

from reimburse.adapters.heuristic.amounts import find_amounts
from reimburse.adapters.heuristic.clauses import Clause
from reimburse.adapters.heuristic.conditions import classes_in, condition_in
from reimburse.adapters.heuristic.mentions import find_mentions
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
# "Other: CHF 170 per night" under "Geneva: CHF 240 per night" is every other place (the interpreter's
# bare-Other row), never a town of the table.
_OTHER_ROW = re.compile(r"(?i)(?:all\s+)?others?|elsewhere")
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
            if row is None or _OTHER_ROW.fullmatch(row.group("label")):
                break
            if not is_place(re.sub(r"\s*\([A-Z]{2,3}\)$", "", row.group("label"))):
                break
            labels.append(row.group("label"))
            j += 1
        known = any(cities_in(label) for label in labels) or _PLACE_CLASS.search(clauses[k].heading)
        if len(labels) >= 2 and known:
            out.update((k + n, label) for n, label in enumerate(labels))
        k = max(j, k + 1)
    return out


# "All destinations except New York City", "Cities other than Boston": a caption that names the
# place its rows do not hold for.
_EXCEPT = re.compile(r"(?i)(?<![^\W\d_])(?:except|excluding|other\s+than|not|non-?)(?![^\W\d_])")


def captioned_rows(clauses: list[Clause]) -> dict[int, str]:
    """Clause index -> caption, for the short rows ("Breakfast $23.65") right under a caption line
    that names the places they hold for ("Georgia Meal Per Diem Rates ($50 Daily)"): no sentence, no
    amount of its own outside a bracket, and the rows under the same heading until a line that is no
    row. A caption naming only a class of places ("Capital cities and high cost country centres")
    counts when another caption heads the same rows ("Tier 2 and other country centres"): a table
    split by place, where one caption alone ("Meal allowances for all locations") may say nothing."""
    blocks: list[tuple[str, list[int], bool, tuple[str, ...]]] = []
    for k, clause in enumerate(clauses):
        text = re.sub(r"\s*\([^)]*\)", "", clause.text).strip()
        if (
            not text
            or text.endswith((".", "?", "!", ":", ";"))
            or len(text.split()) > 12
            or any(a.currency for a in find_amounts(text))
        ):
            continue
        if _EXCEPT.search(text):
            continue  # the place named is the one the rows exclude: no condition beats a wrong one
        found = condition_in(text)
        named = bool((found and found.locations) or classes_in(text))
        if not named and not _PLACE_CLASS.search(text):
            continue
        rows: list[int] = []
        for j in range(k + 1, len(clauses)):
            row = clauses[j]
            amounts = [a for a in find_amounts(row.text) if a.currency]
            if row.heading != clause.heading or not short_row(row.text) or len(amounts) != 1:
                break
            if not find_mentions(row.text):
                break
            rows.append(j)
        labels = tuple(
            clauses[j].text[: find_amounts(clauses[j].text)[0].start].strip().casefold() for j in rows
        )
        if len(rows) >= 2:
            blocks.append((text, rows, named, labels))
    out: dict[int, str] = {}
    for text, rows, named, labels in blocks:
        if named or sum(1 for b in blocks if b[3] == labels) >= 2:
            out.update((j, text) for j in rows)
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


def short_row(text: str) -> bool:
    """A table row's line: a few words and a number ("Breakfast $6.00")."""
    return len(text.split()) <= 5 and re.search(r"\d", text) is not None

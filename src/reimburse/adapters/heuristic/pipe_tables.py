"""Markdown pipe tables: a header row of names, a "---|---" rule, and rows of cells, as handbooks on
GitHub and HR forums print a grade x city-class table:

    Grades | Bill Status | Ordinary Town | Classified Cities | Mumbai & Bangalore
    ---|---|---|---|---
    G-2 | With Bill | 4500/- | 6500/- | 9000/-

The header cells name the columns; a column named by a class of place ("Ordinary Town", "Metro
Cities", "Zone B") is that place even when the gazetteer does not know it. A table that sets
approvals or thresholds ("Travel Approver Table") caps nothing.
"""

from __future__ import annotations

import re

from reimburse.adapters.heuristic.conditions import condition_in
from reimburse.adapters.heuristic.headed_tables import RULE_LINE, Table, pipe_cells
from reimburse.adapters.heuristic.mentions import find_mentions
from reimburse.adapters.heuristic.tables import THRESHOLD_COLUMN, context_above, lead_above
from reimburse.domain.verdict.policy import Condition

_PLACE_CLASS = re.compile(
    r"(?i)\b(?:towns?|cit(?:y|ies)|capitals?|metros?|zones?|regions?|areas?|tiers?|clusters?|stations?)\b"
)
_EXCEPT = re.compile(r"(?i)\b(?:except|excluding|other\s+than|but\s+not)\b")
_LOOK_BACK = 11


def _column(name: str) -> Condition | None:
    if _EXCEPT.search(name):
        return Condition(locations=(name,))  # "Metro Cities Except Mumbai": not Mumbai's column
    found = condition_in(name, roles=True)
    if found is None and _PLACE_CLASS.search(name):
        return Condition(locations=(name,))
    return found


def _lead(lines: list[str], start: int) -> str:
    """The heading above, or failing a kind there, the nearest line above that names one."""
    near = context_above(lines, start)
    if any(not m.as_unit for m in find_mentions(near)):
        return near
    lead = lead_above(lines, start, _LOOK_BACK, skip=lambda k: "|" in lines[k], exclude_kinds=())
    return lead or near


def pipe_tables(text: str) -> list[Table]:
    """Each pipe table as (rows, line indexes, context, column conditions)."""
    lines = text.split("\n")
    out: list[Table] = []
    k = 0
    while k + 2 < len(lines):
        header = pipe_cells(lines[k], keep_empty=True) if "|" in lines[k] else []
        rule = lines[k + 1]
        if len(header) < 3 or not (rule.strip() and "-" in rule and RULE_LINE.match(rule)):
            k += 1
            continue
        used = [k, k + 1]
        rows: list[tuple[str, ...]] = [tuple(header)]
        j = k + 2
        while j < len(lines) and "|" in lines[j]:
            cells = pipe_cells(lines[j], keep_empty=True)
            if len(cells) != len(header):
                break
            rows.append(tuple(cells))
            used.append(j)
            j += 1
        # "Approver | Travel up to": a header that sets approvals or thresholds caps nothing; the
        # caption may name receipts or approval and still head limits.
        if len(rows) >= 3 and not any(THRESHOLD_COLUMN.search(name) for name in header):
            out.append((rows, used, _lead(lines, k), [_column(name) for name in header[1:]]))
        k = j
    return out

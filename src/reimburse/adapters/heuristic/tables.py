"""Limit tables: one limit per cell, its row and column headers as conditions.

Rows come from the PDF's ruled tables (pdfplumber) or from text lines whose columns the layout
kept apart by wide gaps ("Grade A   ₹3,000   ₹2,500"). A header is a grade or band ("Grade A",
"Directors"), a location ("Tier 1 cities", "Europe", "International"), an expense kind ("Hotel",
"Meals", "Breakfast") or a unit ("per night"); a cell holds the amount.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reimburse.adapters.heuristic.amounts import CURRENCY_RE, AmountMatch, find_amounts
from reimburse.adapters.heuristic.caps import CapFinding, unit_in
from reimburse.adapters.heuristic.conditions import condition_in, merge
from reimburse.adapters.heuristic.mentions import find_mentions, specific
from reimburse.domain.verdict.policy import CapUnit, Condition

COLUMN_GAP = re.compile(r"\s{3,}")
_MEAL_TIME = re.compile(r"(?i)\b(breakfast|brunch|lunch|dinner|supper)\b")


@dataclass(frozen=True)
class TableLimit:
    finding: CapFinding
    kinds: list[str]
    condition: Condition | None
    clause: str
    symbol: str = ""  # the currency sign as printed in the cell
    meal: str = ""  # "breakfast": the meal a per-meal row or column is for


def _kinds(text: str) -> list[str]:
    return specific([m.kind for m in find_mentions(text) if not m.as_unit])


def _amount(cell: str) -> AmountMatch | None:
    found = [a for a in find_amounts(cell) if a.value > 0]
    if len(found) != 1:
        return None  # a cell with two numbers is a range or a note, not one limit
    rest = (cell[: found[0].start] + cell[found[0].end :]).strip()
    # An amount cell holds the amount, maybe a unit or "up to": "Tier 1 cities" or "3 star" is a label.
    rest = re.sub(
        r"(?i)\b(?:per|each|a)\s+[^\W\d_]+|/\s*[^\W\d_]+|\b(?:up\s+to|max(?:imum)?|only|daily|nightly)\b",
        "",
        rest,
    )
    if re.search(r"[^\W\d_]{2,}|%", rest):
        return None
    return found[0]


def _is_header(row: tuple[str, ...]) -> bool:
    cells = [c for c in row if c.strip()]
    return len(cells) >= 2 and not any(_amount(c) for c in cells)


def read_table(rows: list[tuple[str, ...]], context: str = "") -> list[TableLimit]:
    """Limits in a table. `context`: the heading or caption above it ("Hotel limits per night")."""
    rows = [r for r in rows if any(c.strip() for c in r)]
    if len(rows) < 2 or not _is_header(rows[0]):
        return []
    header = rows[0]
    width = max(len(r) for r in rows)
    if len(header) < width:
        header = ("",) * (width - len(header)) + header  # the row-header column is unnamed
    context_kinds = _kinds(context)
    out: list[TableLimit] = []
    for row in rows[1:]:
        if len(row) < width:
            row = ("",) * (width - len(row)) + row
        label = row[0]
        if _amount(label):
            continue
        for j in range(1, width):
            amount = _amount(row[j])
            if amount is None:
                continue
            column = header[j]
            kinds = _kinds(label) or _kinds(column) or context_kinds
            meal = _MEAL_TIME.search(f"{column} {label}")
            condition = merge(condition_in(label, roles=True), condition_in(column, roles=True))
            meal_of = meal.group(1).lower() if meal and len(kinds) <= 1 else ""
            if not kinds or (condition is None and not meal_of):
                continue  # a number with nothing saying what or for whom: not a limit we can use
            unit = unit_in(row[j]) or unit_in(column) or unit_in(label) or unit_in(context)
            if unit is None and meal:
                unit = CapUnit.MEAL
            clause = " | ".join(c for c in (context.strip(), label, column, row[j]) if c)
            sign = CURRENCY_RE.search(row[j])
            finding = CapFinding(amount, unit, False, True)
            out.append(
                TableLimit(finding, kinds, condition, clause, sign.group(0).strip() if sign else "", meal_of)
            )
    return out


def text_tables(text: str) -> list[tuple[list[tuple[str, ...]], list[int]]]:
    """Tables set as text columns (three or more spaces apart), with the lines they occupy.

    A table is a header line without amounts followed by lines with amounts, all with the same
    number of columns (the first column may be unnamed in the header)."""
    lines = text.split("\n")
    cells = [tuple(c.strip() for c in COLUMN_GAP.split(line.strip())) for line in lines]
    out: list[tuple[list[tuple[str, ...]], list[int]]] = []
    i = 0
    while i < len(lines):
        head = cells[i]
        if len(head) >= 2 and _is_header(head):
            body: list[int] = []
            j = i + 1
            while j < len(lines) and len(cells[j]) in (len(head), len(head) + 1) and len(cells[j]) >= 2:
                body.append(j)
                j += 1
            if body and any(any(_amount(c) for c in cells[k][1:]) for k in body):
                out.append(([head, *(cells[k] for k in body)], [i, *body]))
                i = j
                continue
        i += 1
    return out


def context_above(lines: list[str], index: int) -> str:
    """The nearest non-empty line above a table: its caption or heading."""
    for k in range(index - 1, max(-1, index - 4), -1):
        if lines[k].strip():
            return " ".join(lines[k].split())
    return ""

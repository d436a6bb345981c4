"""Pipe tables of one row of amounts under a two-level header whose top cells spanned several
columns, a grid the text kept without the spans:

    OVERNIGHT RATES | DAY RATES |
    Normal Rate | Reduced Rate | Detention Rate | 10 hours or more | 5 hours but less than 10 hours |
    €133.73 | €120.36 | €66.87 | €33.61 | €14.01 |

Each amount is a limit of its column: the top cell says what it pays and its period ("Overnight
rates", "Day rates"), the narrow cell for whom or when (a rate band, the hours away). The spans are
lost, so the columns are dealt out to the top cells in order, as evenly as they go, the first ones
taking one more (a top cell is printed over the left of what it spans).
"""

from __future__ import annotations

from reimburse.adapters.heuristic.amounts import find_amounts
from reimburse.adapters.heuristic.conditions import condition_in
from reimburse.adapters.heuristic.headed_tables import RULE_LINE, Table, pipe_cells
from reimburse.adapters.heuristic.tables import lead_above
from reimburse.domain.verdict.policy import Condition


def _cells(line: str) -> list[str]:
    return pipe_cells(line) if "|" in line else []


def _money_cell(cell: str) -> bool:
    found = find_amounts(cell)
    return len(found) == 1 and found[0].currency is not None and found[0].value > 0


def _has_money(cell: str) -> bool:
    return any(a.currency for a in find_amounts(cell))  # "10 hours or more" names no money


def _spread(top: list[str], n: int) -> list[str]:
    size, extra = divmod(n, len(top))
    out: list[str] = []
    for g, name in enumerate(top):
        out += [name] * (size + (1 if g < extra else 0))
    return out


def spanned_headers(text: str) -> list[Table]:
    """Each table as (rows, line indexes, context, column conditions), as headed_tables gives them."""
    lines = text.split("\n")
    out: list[Table] = []
    for k, line in enumerate(lines):
        top = _cells(line)
        if len(top) < 2 or any(_has_money(c) for c in top):
            continue
        j = k + 1
        while j < len(lines) and lines[j].strip() and RULE_LINE.match(lines[j]):
            j += 1
        if j + 1 >= len(lines):
            continue
        sub, amounts = _cells(lines[j]), _cells(lines[j + 1])
        if len(sub) <= len(top) or len(amounts) != len(sub) or any(_has_money(c) for c in sub):
            continue
        if not all(_money_cell(c) for c in amounts):
            continue
        names = [f"{wide} {narrow}" for wide, narrow in zip(_spread(top, len(sub)), sub, strict=True)]
        columns: list[Condition | None] = [condition_in(c, roles=True) or Condition(other=c) for c in sub]
        context = lead_above(lines, k)
        out.append(([("", *names), ("", *amounts)], [*range(k, j + 2)], context, columns))
    return out

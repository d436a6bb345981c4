"""A rate schedule printed as one line per grade, the grade before a colon or dash and its amount
after it, under a lead that names the allowance (Kenya's per diem by job group and cluster,
Nigeria's duty tour allowance by grade level):

    Cluster 1
    Job groups A to E: Ksh. 4,200
    Job groups F to J: Ksh. 6,300
    ...
    • Grade Level 16-17 and its equivalent – N37500/night

Each line is one row of a two-column table: the grade and its amount. A short line right above the
rows ("Cluster 1") is the column's condition. Web pages often repeat the previous row's amount at
the start of a line ("Ksh. 4,200 Job groups F to J: Ksh. 6,300"): the label is what follows it.
"""

from __future__ import annotations

import re

from reimburse.adapters.heuristic.amounts import AmountMatch, find_amounts
from reimburse.adapters.heuristic.caps import unit_in
from reimburse.adapters.heuristic.conditions import grades_in
from reimburse.adapters.heuristic.headed_tables import Table
from reimburse.adapters.heuristic.lexicon import TRAVEL
from reimburse.adapters.heuristic.policy_currency import CODES, NAIRA, NIGERIA, SYMBOLS
from reimburse.adapters.heuristic.tables import lead_above
from reimburse.domain.verdict.policy import CapUnit, Condition

# The label's end: a colon, or a dash with spaces around it ("Grade Level 16-17 – N37500/night").
_SEPARATOR = re.compile(r":\s+|\s[–—-]\s+")
_BULLET = re.compile(r"^\s*[•*·▪‣-]\s*")
# What may follow the amount: its unit only.
_UNIT_ONLY = re.compile(r"(?i)\s*(?P<unit>/\s*[^\W\d_]+|(?:per|a|each)\s+[^\W\d_]+)?\s*\.?\s*$")
_MIN_ROWS = 3
_LOOK_BACK = 24  # lines above the rows searched for the lead that names what is paid


def _row(line: str, naira: bool) -> tuple[str, str] | None:
    """(grade label, amount cell) of a line "label: amount", or None."""
    body = _BULLET.sub("", line).strip()
    cut = None
    for m in _SEPARATOR.finditer(body):
        cut = m  # the last separator: a repeated amount may come before the label
    if cut is None:
        return None
    label, cell = body[: cut.start()].strip(), body[cut.end() :].strip()
    # The cheap test first: reading amounts on every "x: y" line of a long policy is the cost.
    if not grades_in(label):
        return None
    if naira:
        cell = NAIRA.sub("₦", cell)
    money = find_amounts(cell)
    if len(money) != 1 or not _money(cell, money[0]):
        return None
    # "Ksh. 4,200 Job groups F to J": the previous row's amount repeated before this row's label.
    before = find_amounts(label)
    if before and _sign(label[: before[0].start]):
        label = label[before[0].end :].strip()
        before = find_amounts(label)
    if not label or any(a.explicit for a in before) or not grades_in(label):
        return None
    return label, cell[money[0].start :]  # the sign goes: the policy's currency is the row's


def _money(cell: str, amount: AmountMatch) -> bool:
    """The cell's one amount reads as money: only a sign or code before it, only its unit after it,
    and one of them, or cents, there ("Level 3: 2019." is a bare number, a year)."""
    before, after = cell[: amount.start], cell[amount.end :]
    if amount.value <= 0 or not _sign(before):
        return False
    unit = _UNIT_ONLY.fullmatch(after)
    if unit is None or unit_in(cell) in (CapUnit.KM, CapUnit.MILE):
        return False  # "N55/Kilometre": a rate for the distance driven, no limit
    return bool(before.strip() or amount.explicit or unit.group("unit"))


def _sign(prefix: str) -> bool:
    """Nothing or only a currency sign or code before the amount ("Ksh. ", "₦", "USD ")."""
    prefix = prefix.strip()
    return not prefix or prefix in SYMBOLS or prefix.upper() in CODES


def _heading(lines: list[str], start: int, rows: set[int]) -> str:
    """A short line right above the rows, maybe over one sentence that explains it ("Cluster 1"
    over "Cluster 1 rates are given when ..."): their common condition."""
    seen = 0
    for k in range(start - 1, max(-1, start - 6), -1):
        line = lines[k].strip()
        if not line:
            continue
        if k in rows or seen == 2:
            return ""
        seen += 1
        if (
            len(line.split()) <= 4
            and not any(a.explicit for a in find_amounts(line))
            and line[-1] not in ".:"
        ):
            return line
    return ""


def graded_lines(text: str) -> list[Table]:
    """Each run of at least three grade lines as (rows, line indexes, context, column conditions)."""
    lines = text.split("\n")
    naira = NIGERIA.search(text) is not None
    parsed = [_row(line, naira) if line.strip() else None for line in lines]
    runs: list[list[int]] = []
    current: list[int] = []
    for k, line in enumerate(lines):
        if parsed[k] is not None:
            current.append(k)
        elif line.strip():
            if len(current) >= _MIN_ROWS:
                runs.append(current)
            current = []
    if len(current) >= _MIN_ROWS:
        runs.append(current)
    every_row = {k for run in runs for k in run}
    out: list[Table] = []
    for run in runs:
        # Generic travel ("when civil servants travel") does not say what the amounts pay.
        lead = lead_above(lines, run[0], _LOOK_BACK, skip=every_row.__contains__, exclude_kinds=(TRAVEL,))
        if not lead:
            continue  # nothing says what the amounts pay for
        heading = _heading(lines, run[0], every_row)
        rows: list[tuple[str, ...]] = [("Grade", heading or "Amount")]
        rows += [row for k in run if (row := parsed[k]) is not None]
        column = Condition(other=heading) if heading else None
        out.append((rows, run, lead, [column]))
    return out

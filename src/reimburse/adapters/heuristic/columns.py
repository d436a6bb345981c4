"""Rows of a text table whose header names one column per amount ("Standard  Inner London" over
"Dinner up to £15.00 up to £18.00"; "1 Jan 2020  1 Feb 2022" over "Dinner £24.00 £25.00"): each
row is written out again as one line per column, the column's name beside its amount, so that
the sentence reader sees each amount with its own condition. Columns headed by the dates they
took effect are rates of different years: only the newest column is in force.
"""

from __future__ import annotations

import re

from reimburse.adapters.heuristic.amounts import find_amounts
from reimburse.adapters.heuristic.conditions import condition_in, governing_in
from reimburse.adapters.heuristic.dates import find_dates

# Header cells that hold no amount: the row label's column and notes ("Meal", "Requirements").
_NO_MONEY_CELL = re.compile(
    r"(?i)^(?:requirements?|conditions?|notes?|comments?|details?|descriptions?|remarks?|criteria|"
    r"meals?|items?|expenses?|categor(?:y|ies)|types?|rates?\s+for)$"
)
# Text layers glue a header's cells ("AllowanceInner London AllowanceRequirements").
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


def _money(line: str) -> list[tuple[int, int]]:
    amounts = [
        a
        for a in find_amounts(line)
        if a.value > 0
        and (
            a.currency or _rand(line, a.start, a.has_decimals) or not re.match(r"\s*[^\W\d_]", line[a.end :])
        )
    ]
    if not any(a.currency or _rand(line, a.start, a.has_decimals) for a in amounts):
        return []
    spans = [(a.start - 1 if _rand(line, a.start, a.has_decimals) else a.start, a.end) for a in amounts]
    for k in range(1, len(spans)):
        # "£10.00 £10.00": the second sign is read as the first amount's suffix; it leads the next.
        sign = re.search(r"\s*[^\d\s.,]+\s*$", line[spans[k - 1][0] : spans[k - 1][1]])
        if sign and spans[k - 1][1] == spans[k][0] and sign.start() > 0:
            cut = spans[k - 1][0] + sign.start()
            spans[k - 1] = (spans[k - 1][0], cut)
            spans[k] = (cut + len(sign.group(0)) - len(sign.group(0).lstrip()), spans[k][1])
    return spans


def _rand(line: str, start: int, cents: bool) -> bool:
    """ "R139.00": the rand's sign glued to an amount with cents (policy_currency's convention)."""
    return cents and start > 0 and line[start - 1] == "R" and (start == 1 or not line[start - 2].isalpha())


# A header that names a column of the rates before the current ones ("DESCRIPTION PREVIOUS NEW
# REVISED", "Old rate  New rate", "Prior  Current"): the older column is never in force.
_OLD = re.compile(r"(?i)(?<![^\W\d_])(?:previous|old|prior|former|superseded)(?![^\W\d_])")
_NEW = re.compile(r"(?i)(?<![^\W\d_])(?:new|current|revised|present|updated)(?![^\W\d_])")


def _superseded_columns(header: str) -> list[int] | None:
    """The two columns' order by age when the header names an old and a new one."""
    old, new = _OLD.search(header), _NEW.search(header)
    if old is None or new is None:
        return None
    return [0, 1] if old.start() < new.start() else [1, 0]


def _cells(header: str) -> list[str]:
    cells = [c for part in re.split(r"\s{2,}|\t", header.strip()) for c in _GLUED.split(part)]
    return [c.strip() for c in cells if c.strip()]


def _date_columns(header: str) -> list[int] | None:
    """The columns' order by date when the header is only dates ("1 Jan 2020 1 Feb 2022")."""
    dates = find_dates(header)
    rest = header
    for d in reversed(dates):
        rest = rest[: d.start] + rest[d.end :]
    if len(dates) < 2 or re.sub(r"(?i)\b(?:from|effective|w\.e\.f\.?|as\s+of)\b|[\W_]", "", rest):
        return None
    return [d.value.toordinal() for d in dates]


def _column_names(header: str, n: int) -> list[str | None] | None:
    """Each column's name where it names a place, grade or scope, else None."""
    cells = [c for c in _cells(header) if not _NO_MONEY_CELL.match(c)]
    if len(cells) != n:
        return None
    # "Without Itemized Receipt  With Itemized Receipt": a claiming method names a column as a
    # place or a grade does.
    named = [c if condition_in(c) or governing_in(c) else None for c in cells]
    if not any(named):
        return None  # a header must name a place, grade, scope or claiming method for a column
    return named


def _rows(lines: list[str], start: int) -> list[tuple[int, int]]:
    """The rows under the header at `start`: (first line, last line) with a continuation line
    ("continuing after 2:00 pm)") kept with the row it finishes."""
    rows: list[tuple[int, int]] = []
    n = 0
    k = start + 1
    while k < len(lines) and lines[k].strip():
        count = len(_money(lines[k]))
        if count == 0 and rows and lines[k].strip()[:1].islower():
            rows[-1] = (rows[-1][0], k)
        elif count >= 2 and (n == 0 or count == n):
            n = count
            rows.append((k, k))
        else:
            break
        k += 1
    return rows


def _split_row(line: str, names: list[str | None]) -> list[str]:
    """`names`: each column's name where it names a condition, else None."""
    spans = _money(line)
    label_end = spans[0][0]
    # "Breakfast up to £6.00 up to £7.50": each amount keeps the words that lead it ("up to").
    lead = re.search(r"(?i)(?:up\s+to|max(?:imum)?(?:\s+of)?)\s*$", line[:label_end])
    label = line[: lead.start() if lead else label_end].rstrip(" :-–")
    tail = line[spans[-1][1] :]
    out = []
    for k, (lo, hi) in enumerate(spans):
        start = lo
        if k and (
            led := re.search(r"(?i)(?:up\s+to|max(?:imum)?(?:\s+of)?)\s*$", line[spans[k - 1][1] : lo])
        ):
            start = spans[k - 1][1] + led.start()
        elif not k and lead:
            start = lead.start()
        named = f" ({names[k]})" if names[k] else ""
        out.append(f"{label}{named} {line[start:hi].strip()}{tail};")
    return out


def rewrite_columns(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        rows = _rows(lines, k) if not _money(line) and line.strip() else []
        n = len(_money(lines[rows[0][0]])) if rows else 0
        dated = _date_columns(line) if rows else None
        if dated is None and n == 2:
            dated = _superseded_columns(line)
        names = _column_names(line, n) if rows and dated is None else None
        if not rows or (dated is None and names is None) or (dated is not None and len(dated) != n):
            out.append(line)
            k += 1
            continue
        if (
            names is not None
            and not any(condition_in(c) for c in names if c)
            and not line.rstrip().endswith(":")
        ):
            # Columns named only by how the meal is claimed: the header leads the rows below it as a
            # lead-in does, so that a lead-in above it does not run it into the first row.
            line = f"{line.rstrip()}:"
        out.append(line)
        for first, last in rows:
            row = " ".join(s.strip() for s in lines[first : last + 1])
            if dated is not None:
                # Rates by the date they took effect, or old beside new: the newest is in force.
                newest = max(range(n), key=lambda j: dated[j])
                spans = _money(row)
                keep = row[spans[newest][0] : spans[newest][1]]
                keep = f"ZAR {keep[1:]}" if keep.startswith("R") else keep  # the rand's code, not its letter
                label = row[: spans[0][0]].rstrip()
                out.append(f"{label} {keep}{row[spans[-1][1] :]};")
            else:
                assert names is not None
                out.extend(_split_row(row, names))
        k = rows[-1][1] + 1
    return "\n".join(out)

"""Lists of sign-less amounts under a column header that is only a currency ("RANDS", "EUR",
"Euro"), under a heading that names the place they hold in ("Cape Town"):

    Cape Town
                                            RANDS
      • Overnight Rate - Period of 24 Hours   2,507.50
      • Vouched Accommodation Rate            1,253.75

Web pages lose the grid of such schedules and keep one amount a line, the currency printed once
above the amounts' column (as headed_tables.py reads captions like "Canadian $" over several
columns). Each list is a table of one column: the rows' labels, the amounts, and the heading's
place as the column's condition.
"""

from __future__ import annotations

import re

from reimburse.adapters.heuristic.conditions import condition_in
from reimburse.adapters.heuristic.headed_tables import Table
from reimburse.adapters.heuristic.policy_currency import named_currency
from reimburse.domain.verdict.policy import Condition

# One sign-less amount with cents ending the line: "2,507.50", "835.83".
_AMOUNT_END = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})*\.\d{2}|\d{1,3}(?:\.\d{3})*,\d{2})\s*$")
_BULLET = re.compile(r"^[\s•*·\-–]*")


def currency_header(line: str) -> str | None:
    """The currency a line names when it holds nothing else: "RANDS", "ZAR", "Euro", "(EUR)"."""
    word = line.strip().strip("()").strip()
    if not word or len(word.split()) > 3:
        return None
    return named_currency(word)


def _row(line: str) -> tuple[str, str] | None:
    m = _AMOUNT_END.search(line)
    label = _BULLET.sub("", line[: m.start()]).rstrip(" .:-–\t") if m else ""
    if m is None or not re.search(r"[^\W\d_]{3,}", label):
        return None
    return label, m.group(1)


def currency_columns(text: str) -> list[Table]:
    """Each list as (rows, line indexes, context, column conditions), as headed_tables gives them:
    the header row is ("Rates", currency line); the place is the heading's right above."""
    lines = text.split("\n")
    out: list[Table] = []
    for k, line in enumerate(lines):
        code = currency_header(line)
        if code is None:
            continue
        rows: list[tuple[str, ...]] = []
        j = k + 1
        while j < len(lines) and (row := _row(lines[j])) is not None:
            rows.append((row[0], f"{code} {row[1]}"))  # the currency beside each amount
            j += 1
        above = lines[k - 1].strip() if k else ""
        place = condition_in(above) if len(above.split()) <= 5 else None
        if len(rows) < 2 or place is None or not place.locations or place.grades:
            continue  # a list whose heading names no place: what the amounts are for is unclear
        out.append(
            ([("Rates", line.strip()), *rows], [*range(k, j)], above, [Condition(locations=place.locations)])
        )
    return out

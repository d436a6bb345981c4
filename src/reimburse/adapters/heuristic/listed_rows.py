"""A pipe table's one row that lists its row labels in one cell and, in each column after it, the
same number of amounts in the same order, the grid of a grade x destination table lost:

    Cargo ou vencimento | Deslocações no Continente | Deslocações ao estrangeiro |
    – Membros do Governo – Trabalhadores: – Com vencimento superior ao nível 18 – Outros |
    € 72,65 € 65,89 € 49,20 |
    € 167,07 € 148,91 € 111,88 |

The labels are the dash-led items of the first cell (an item ending in a colon heads the ones
after it and is no row); the k-th amount of each column is the k-th label's.
"""

from __future__ import annotations

import re

from reimburse.adapters.heuristic.amounts import find_amounts
from reimburse.adapters.heuristic.headed_tables import Table
from reimburse.adapters.heuristic.tables import lead_above
from reimburse.domain.verdict.policy import Condition

_ITEM = re.compile(r"\s*[–—-]\s+")


def _cells(block: str) -> list[str]:
    return [" ".join(c.split()) for c in block.split("|") if c.strip()]


def _money(cell: str) -> list[str]:
    """The cell's amounts when it holds only amounts, each led by its sign ("€ 72,65 € 65,89"; read
    whole, the second sign would pass for the first amount's suffix)."""
    parts = re.split(r"\s+(?=[^\w\s.,])", cell.strip())
    found = [find_amounts(p) for p in parts]
    if not all(
        len(f) == 1 and f[0].currency and f[0].value > 0 and f[0].end - f[0].start >= len(p) - 1
        for f, p in zip(found, parts, strict=True)
    ):
        return []
    return parts


def listed_rows(text: str) -> list[Table]:
    """Each table as (rows, line indexes, context, column conditions), as headed_tables gives them."""
    lines = text.split("\n")
    out: list[Table] = []
    for k, line in enumerate(lines):
        header = _cells(line) if line.rstrip().endswith("|") and not find_amounts(line) else []
        if len(header) < 2:
            continue
        # The row runs over the lines after the header until it holds a label cell and one cell per
        # column (each cell closes with a "|").
        j, block = k + 1, ""
        while j < len(lines) and j <= k + 12 and block.count("|") < len(header) and lines[j].strip():
            block += f" {lines[j]}"
            j += 1
        cells = _cells(block)
        if len(cells) != len(header) or not block.rstrip().endswith("|"):
            continue
        items = [i.strip() for i in _ITEM.split(cells[0]) if i.strip()]
        labels = [i for i in items if not i.endswith(":")]
        columns = [_money(c) for c in cells[1:]]
        if len(labels) < 2 or any(len(c) != len(labels) for c in columns):
            continue
        rows: list[tuple[str, ...]] = [tuple(header)]
        rows += [(label, *(c[r] for c in columns)) for r, label in enumerate(labels)]
        context = lead_above(lines, k, skip=lambda i: not lines[i].strip(" |"))
        out.append((rows, [*range(k, j)], context, [Condition(locations=(name,)) for name in header[1:]]))
    return out

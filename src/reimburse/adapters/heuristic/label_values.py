"""The value printed for a label: beside it on its line, or under it (a label alone on its line,
or a header row of a table whose values fill the next row)."""

from __future__ import annotations

import re

from reimburse.adapters.heuristic.totals import LineInfo
from reimburse.adapters.invoice_labels.labels import Label, LabelHit, find_labels

_HEADER_CELL = re.compile(
    r"(?i)^(age|gender|sex|status|booking status|current status|class|quota|seat|berth|coach|from|to|"
    r"distance|time|type|no\.?|qty|rate|amount|nationality|id)$"
)


_CELL = re.compile(r"\S+(?: \S+)*")


def cells(line: str) -> list[tuple[int, str]]:
    """Columns of a rebuilt PDF line: runs of text separated by two or more spaces."""
    return [(m.start(), m.group(0)) for m in _CELL.finditer(line)]


def label_value(infos: list[LineInfo], i: int, hit: LabelHit) -> str:
    """The value of a label: the rest of its line up to the next label; for a label alone or in a
    header row ("Name   Age   Gender" over "Rani Sharma   34   F"), the cell under it."""
    line = infos[i].text
    nxt = next((h for h in infos[i].hits if h.start >= hit.end), None)
    rest = line[hit.end : nxt.start if nxt else len(line)].strip(" :#.-=|\t")
    top = cells(line)
    column = max((k for k, (start, _) in enumerate(top) if start <= hit.start), default=0)
    following = top[column + 1][1] if column + 1 < len(top) else ""
    header = following and (find_labels(following) or _HEADER_CELL.match(following))
    if (re.search(r"\w", rest) and not header) or i + 1 >= len(infos):
        return rest
    under = cell_under(infos, i, column)
    if under is not None:
        return under
    below = next((info.text for info in infos[i + 1 : i + 3] if info.text.strip()), "")
    return below.strip() if not re.search(r"\w", rest) else rest


def cell_under(infos: list[LineInfo], i: int, column: int) -> str | None:
    """The cell under cell `column` of line i, a row of two or more cells: the same cell of the
    next non-blank line within two, when it holds as many cells; None otherwise. Shared by every
    reader of a header row so they match columns alike."""
    top = cells(infos[i].text)
    below = next((info.text for info in infos[i + 1 : i + 3] if info.text.strip()), "")
    bottom = cells(below)
    if len(top) < 2 or len(top) != len(bottom) or not 0 <= column < len(top):
        return None
    return bottom[column][1]


def label_hits(infos: list[LineInfo], *labels: Label) -> list[tuple[int, LabelHit]]:
    return [(i, h) for i, info in enumerate(infos) for h in info.hits if h.label in labels]

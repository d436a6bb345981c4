"""The value printed for a label: beside it on its line, or under it (a label alone on its line,
or a header row of a table whose values fill the next row)."""

from __future__ import annotations

import re

from reimburse.adapters.heuristic.layout import Layout, words_in
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


def label_value(infos: list[LineInfo], i: int, hit: LabelHit, layout: Layout | None = None) -> str:
    """The value of a label: the rest of its line up to the next label; for a label alone or in a
    header row ("Name   Age   Gender" over "Rani Sharma   34   F"), the cell under it (placed by
    `layout` when given: see `cell_under`)."""
    line = infos[i].text
    nxt = next((h for h in infos[i].hits if h.start >= hit.end), None)
    rest = line[hit.end : nxt.start if nxt else len(line)].strip(" :#.-=|\t")
    top = cells(line)
    column = max((k for k, (start, _) in enumerate(top) if start <= hit.start), default=0)
    following = top[column + 1][1] if column + 1 < len(top) else ""
    header = following and (find_labels(following) or _HEADER_CELL.match(following))
    if (re.search(r"\w", rest) and not header) or i + 1 >= len(infos):
        return rest
    under = cell_under(infos, i, column, layout)
    if under is not None:
        return under
    below = next((info.text for info in infos[i + 1 : i + 3] if info.text.strip()), "")
    return below.strip() if not re.search(r"\w", rest) else rest


def cell_under(infos: list[LineInfo], i: int, column: int, layout: Layout | None = None) -> str | None:
    """The cell under cell `column` of line i, a row of two or more cells, on the next non-blank
    line within two; None when there is none. Where `layout` places both lines on one page, it is
    the one cell of the lower line whose words overlap the header cell's horizontally and overlap
    no other header cell as much: a row with a cell left blank or split in two still matches its
    columns. Without a layout (text alone keeps no x positions), the same cell by index, when the
    lower line holds as many cells. Shared by every reader of a header row so they match columns
    alike."""
    top = cells(infos[i].text)
    below = next((k for k in range(i + 1, min(i + 3, len(infos))) if infos[k].text.strip()), None)
    if len(top) < 2 or below is None or not 0 <= column < len(top):
        return None
    bottom = cells(infos[below].text)
    placed = _placed_cells(layout, infos, i, top), _placed_cells(layout, infos, below, bottom)
    if placed[0] is None or placed[1] is None or placed[0][0] != placed[1][0]:
        return bottom[column][1] if len(top) == len(bottom) else None
    heads, values = placed[0][1], placed[1][1]
    under = [k for k, value in enumerate(values) if _overlap(value, heads[column]) > 0]
    if len(under) != 1:
        return None
    own = _overlap(values[under[0]], heads[column])
    if any(_overlap(values[under[0]], head) >= own for k, head in enumerate(heads) if k != column):
        return None
    return bottom[under[0]][1]


def _placed_cells(
    layout: Layout | None, infos: list[LineInfo], i: int, row: list[tuple[int, str]]
) -> tuple[int, list[tuple[float, float]]] | None:
    """The page number and each cell's left and right edge, from the words the layout places
    behind line i; None when the layout does not place the line as read or a cell has no words."""
    placed = layout.placed(i) if layout else None
    if placed is None or placed.text != infos[i].text:
        return None
    edges = []
    for start, text in row:
        words = words_in(placed, start, start + len(text))
        if not words:
            return None
        edges.append((min(w.x0 for w in words), max(w.x1 for w in words)))
    return placed.page.number, edges


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> float:
    return min(a[1], b[1]) - max(a[0], b[0])


def label_hits(infos: list[LineInfo], *labels: Label) -> list[tuple[int, LabelHit]]:
    return [(i, h) for i, info in enumerate(infos) for h in info.hits if h.label in labels]

"""Tables of bare amounts under a header set over several lines: a caption names the currency
("Canadian $ (taxes included)", "(En euros.)"), the column names follow one or a few to a line with
no separators, and each row is a label and N numbers with cents and no sign ("Breakfast 20.35 22.75
24.15 27.35", "Groupe 1 (cadres) | 110,70 | 31,00 | 79,90 | 31,00 |"). Web pages and text layers
print government allowance schedules this way (the Canadian travel directive's meal allowances by
region, a French collective agreement's ceilings by group and by Paris/province).

A header may have two levels: a top line of N/k wide cells, maybe led by the row headers' name
("GROUPE | PARIS | PROVINCE"), over N narrow ones ("Hôtel et petit déjeuner", "Repas", ...).
"""

from __future__ import annotations

import re

from reimburse.adapters.heuristic.amounts import CURRENCY_RE
from reimburse.adapters.heuristic.conditions import condition_in, condition_spans, has_fallback
from reimburse.adapters.heuristic.mentions import find_mentions
from reimburse.adapters.heuristic.policy_currency import stated_currency
from reimburse.domain.verdict.policy import ELSEWHERE, Condition

# A number with cents and no sign: "20.35", "110,70". Whole numbers in such rows are counts.
_CENTS = re.compile(r"^\d{1,5}[.,]\d{2}$")
_SECTION = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s+(?=[^\W\d_])")
RULE_LINE = re.compile(r"^[\s|:\-–]*$")  # "---|---|---|", "|": a pipe table's separators
_CONNECTOR = re.compile(r"(?i)^\s*(?:&|and|/|\+|et|e|y|und|en)\s*$")
_CURRENCY_WORDS = (
    r"euros?|dollars?|pounds?(?:\s+sterling)?|francs?|reais|rupees?|yen|kron(?:or|er|a)|z[łl]oty"
)
# A caption that names the currency of the figures below without an amount of its own.
_CAPTION_CURRENCY = re.compile(
    rf"(?i)\b(?:in|en|em|im|na|dans)\s+(?:{_CURRENCY_WORDS})\b|\(\s*(?:[A-Z]{{3}}|{CURRENCY_RE.pattern})\s*\)"
)
# English names the head noun last: "Northwest Territories", "Cayman Islands", "Central Region".
_HEAD_NOUN = re.compile(
    r"(?i)^(?:territor(?:y|ies)|provinces?|islands?|states?|regions?|count(?:y|ies)|cit(?:y|ies)|"
    r"coast|republic|districts?|areas?|zones?)$"
)
# The row headers' column: "Group", "Grade", "Band", "Cargo", "Category".
_ROW_HEADER = re.compile(
    r"(?i)^\s*(?:groupe?s?|grupos?|gruppi|gruppen?|grades?|bands?|levels?|cadres?|cat[eé]gor(?:y|ies|ie|ía|ia)s?|"
    r"cargos?|niveaux?|niveles?|stufen?|regions?|locations?|cit(?:y|ies)|zones?)\s*$"
)


def _names_currency(line: str) -> bool:
    if stated_currency(line) or _CAPTION_CURRENCY.search(line):
        return True
    # "Canadian $ (taxes included)": a sign with no amount either side of it.
    return any(
        not re.search(r"\d\s?$", line[: m.start()]) and not re.match(r"\s?\d", line[m.end() :])
        for m in CURRENCY_RE.finditer(line)
    )


def _bare_row(line: str) -> tuple[str, list[str]] | None:
    """(label, amounts) of a row of a label and two or more sign-less amounts with cents."""
    if "|" in line:
        cells = [c.strip() for c in line.split("|") if c.strip()]
        if len(cells) < 3:
            return None
        label, numbers = cells[0], cells[1:]
    else:
        words = line.split()
        k = len(words)
        while k and _CENTS.match(words[k - 1]):
            k -= 1
        label, numbers = " ".join(words[:k]), words[k:]
    if len(numbers) < 2 or not all(_CENTS.match(n) for n in numbers):
        return None
    if not re.search(r"[^\W\d_]{2,}", label) or CURRENCY_RE.search(label):
        return None
    return _SECTION.sub("", label).strip(" :"), numbers


def _split_names(run: str) -> list[str]:
    """The names a header line runs together: capitalised words, "&"/"and" and brackets binding,
    a head noun ("Territories") closing the name before it, known places kept whole."""
    keep = condition_spans(run)
    names: list[str] = []
    glue = False
    for m in re.finditer(r"\([^)]*\)|[^\s()]+", run):
        word = m.group(0)
        inside = any(a < m.start() < b for a, b in keep)
        connector = bool(_CONNECTOR.match(word))
        if names and (
            glue or connector or inside or word[0] == "(" or _HEAD_NOUN.match(word) or not word[0].isupper()
        ):
            names[-1] += f" {word}"
        else:
            names.append(word)
        glue = connector
    return names


def _join_connectors(lines: list[str]) -> list[tuple[str, bool]]:
    """The header's names as (text, may hold several): a line that is only "&" or "and" joins the
    lines either side into one name, and a pipe cell is one name."""
    out: list[tuple[str, bool]] = []
    glue = False
    for line in lines:
        if _CONNECTOR.match(line):
            glue = bool(out)
            if out:
                out[-1] = (f"{out[-1][0]} {line.strip()}", False)
            continue
        if glue:
            out[-1] = (f"{out[-1][0]} {line}", False)
        elif "|" in line:
            out.extend((cell, False) for cell in pipe_cells(line))
        else:
            out.append((line, True))
        glue = False
    return out


def pipe_cells(line: str, keep_empty: bool = False) -> list[str]:
    """A pipe row's cells; `keep_empty` keeps blank ones (only the outer pipes go), so each cell
    stays under its column."""
    if keep_empty:
        return [c.strip() for c in line.strip().strip("|").split("|")]
    return [c.strip() for c in line.split("|") if c.strip()]


def _two_levels(lines: list[str], n: int) -> tuple[str, list[str], list[str]] | None:
    """("GROUPE", ["PARIS Hôtel…", "PARIS Repas", …], ["PARIS", "PARIS", …]) for a top line of wide
    cells over n lines of one narrow cell each."""
    if len(lines) != n + 1 or any(len(pipe_cells(x)) != 1 or _CONNECTOR.match(x) for x in lines[1:]):
        return None
    narrow = [pipe_cells(x)[0] for x in lines[1:]]
    wide = [c.strip() for c in re.split(r"\||\s{2,}|\t", lines[0]) if c.strip()]
    row_name = ""
    if len(wide) > 2 and _ROW_HEADER.match(wide[0]):
        row_name, wide = wide[0], wide[1:]
    if len(wide) < 2 or n % len(wide):
        return None
    span = n // len(wide)
    return row_name, [f"{wide[j // span]} {narrow[j]}" for j in range(n)], [wide[j // span] for j in range(n)]


def _one_level(lines: list[str], n: int) -> list[str] | None:
    runs = _join_connectors(lines)
    if len(runs) == n:
        return [run for run, _ in runs]
    if len(runs) > n:
        return None
    names = [name for run, several in runs for name in (_split_names(run) if several else [run])]
    return names if len(names) == n else None


def _header(lines: list[str], n: int) -> tuple[str, list[str], list[str], str] | None:
    """(row headers' name, n column names, the place part of each, sub-heading) from the lines
    between the caption and the rows."""
    two = _two_levels(lines, n)
    if two:
        return two[0], two[1], two[2], ""
    one = _one_level(lines, n)
    if one:
        return "", one, one, ""
    # "1.1 Meal allowances" right above the rows names the rows' kind, no column.
    last = _SECTION.sub("", lines[-1]) if lines else ""
    if len(lines) > 1 and [m for m in find_mentions(last) if not m.as_unit] and not condition_in(last):
        one = _one_level(lines[:-1], n)
        if one:
            return "", one, one, last
    return None


Table = tuple[list[tuple[str, ...]], list[int], str, list[Condition | None]]


def headed_tables(text: str) -> list[Table]:
    """Each table as (rows, line indexes, context, column conditions): rows start with the header
    (row headers' name, column name, ...); context is the caption and any sub-heading above the
    rows; the columns are places, one of them known to the gazetteer, so all are."""
    lines = text.split("\n")
    out: list[Table] = []
    k = 0
    while k < len(lines):
        first = _bare_row(lines[k])
        if first is None:
            k += 1
            continue
        n = len(first[1])
        body = [k]
        j = k + 1
        while j < len(lines) and (row := _bare_row(lines[j])) is not None and len(row[1]) == n:
            body.append(j)
            j += 1
        found = _caption_and_header(lines, k, n) if len(body) >= 2 else None
        if found is None:
            k = j
            continue
        caption, head_at, (row_name, names, places, sub) = found
        rows: list[tuple[str, ...]] = [(row_name, *names)]
        for i in body:
            label, numbers = _bare_row(lines[i]) or ("", [])
            if re.search(r"(?i)\btotal\b", label):
                continue  # the sum of the rows above it
            rows.append((label, *numbers))
        columns: list[Condition | None] = [_place_column(p) for p in places]
        out.append((rows, [*head_at, *body], f"{caption} {sub}".strip(), columns))
        k = j
    return out


def _caption_and_header(
    lines: list[str], first_row: int, n: int
) -> tuple[str, list[int], tuple[str, list[str], list[str], str]] | None:
    head: list[int] = []
    i = first_row - 1
    while i >= 0 and len(head) <= 8:
        line = lines[i].strip()
        if not line:
            break
        if _names_currency(line):
            names = [lines[h].strip() for h in reversed(head) if not RULE_LINE.match(lines[h])]
            header = _header(names, n) if names else None
            if header is None or not _places(header[2]):
                return None
            return " ".join(line.split()), sorted(head), header
        if _bare_row(line) or re.search(r"\d[.,]\d{2}\b", line):
            return None
        head.append(i)
        i -= 1
    return None


# French tables set "Paris" against "province", every other place ("en province").
_REST = re.compile(r"(?i)^\s*(?:en\s+)?province\s*$")


def _place_column(name: str) -> Condition:
    """The column's place as printed; "Autres villes", "Rest of Canada", "Province" are every
    place no other column names."""
    if has_fallback(name) or _REST.match(name):
        return Condition(locations=(ELSEWHERE,))
    return Condition(locations=(" ".join(name.split()),))


def _places(names: list[str]) -> bool:
    """The columns of one header are one dimension: places, when the gazetteer knows one of them
    ("Paris" beside "Province", "Alaska" beside "Nunavut"), and none names an expense kind."""
    return any((c := condition_in(name)) is not None and c.locations for name in names) and not any(
        m for name in names for m in find_mentions(name) if not m.as_unit
    )

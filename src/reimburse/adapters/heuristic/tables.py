"""Limit tables: one limit per cell, its row and column headers as conditions.

Rows come from the PDF's ruled tables (pdfplumber) or from text lines whose columns the layout
kept apart by wide gaps ("Grade A   ₹3,000   ₹2,500"). A header is a grade or band ("Grade A",
"Directors"), a location ("Tier 1 cities", "Europe", "International"), an expense kind ("Hotel",
"Meals", "Breakfast") or a unit ("per night"); a cell holds the amount.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

from reimburse.adapters.heuristic.amounts import CURRENCY_RE, AmountMatch, find_amounts
from reimburse.adapters.heuristic.caps import CapFinding, unit_in
from reimburse.adapters.heuristic.captions import caption_occasion
from reimburse.adapters.heuristic.conditions import (
    condition_in,
    condition_spans,
    governing_in,
    merge,
    travel_hours_in,
)
from reimburse.adapters.heuristic.lexicon import ENGLISH_MEALS, meal_of, meals_pattern
from reimburse.adapters.heuristic.mentions import find_mentions, specific
from reimburse.domain.verdict.policy import CapUnit, Condition

COLUMN_GAP = re.compile(r"\s{3,}")
_MEAL_TIME = re.compile(rf"(?i)\b({meals_pattern(ENGLISH_MEALS)})\b")
_BED_AND_BREAKFAST = re.compile(r"(?i)\bbed\s+(?:and|&)\s+breakfast\b")
# "£200.00 inc. VAT", "$150 incl. GST": a note that the price includes the sales tax, printed after
# each amount of a row in British, Irish and Australasian tables; no words of a sentence. An
# "excl. VAT" price is net: read as a limit it would be cut from a gross bill, so it stays unread.
_LIMIT_WORDS = re.compile(
    r"(?i)(?<![^\W\d_])(?:limits?|maximums?|highest|at\s+most|allowances?|rates?|per\s+diem|"
    r"up\s+to|not\s+(?:to\s+)?exceed)(?![^\W\d_])"
)
_TAX_NOTE = re.compile(r"(?i)\b(?:inc|incl|including|inclusive\s+of)\.?\s+(?:of\s+)?(?:VAT|GST|HST)\b")


@dataclass(frozen=True)
class TableLimit:
    finding: CapFinding
    kinds: list[str]
    condition: Condition | None
    clause: str
    symbol: str = ""  # the currency sign as printed in the cell
    meal: str = ""  # "breakfast": the meal a per-meal row or column is for
    trip: str = ""  # "Meals While Traveling": the caption's trip, a condition beside other occasions
    hosted: str = ""  # "In Town Meals", "business meal": the caption's occasion (in `condition` too)


_HOURS = re.compile(r"(?i)\bhours?\b")
# "Overnight Rate", "DAY RATES", "Day Time Rate": a subsistence rate named by the period it pays.
_PERIOD_RATE = re.compile(r"(?i)\b(overnight|day(?:\s*time)?)\s+(?:rates?|allowances?)\b")


# The daily allowance's own name: "per diem", the Portuguese "ajudas de custo" (paid by the day,
# as the law that sets them says), the German "Tagegeld", the "D.A." of South Asian TA/DA rules.
_DAILY_ALLOWANCE = re.compile(
    r"(?i)\b(?:per\s+diem|ajudas?\s+de\s+custo|tagegeld(?:er)?|daily\s+allowances?|d\.a(?:\.|\b))"
)


def _period_rate(text: str, daily: bool = True) -> CapUnit | None:
    m = _PERIOD_RATE.search(text)
    if m is None:
        return CapUnit.DAY if daily and _DAILY_ALLOWANCE.search(text) else None
    return CapUnit.NIGHT if m.group(1).lower() == "overnight" else CapUnit.DAY


def _kinds(text: str) -> list[str]:
    return specific([m.kind for m in find_mentions(text) if not m.as_unit])


# "(Sept. 1 – 30, 2017)", "Aug. 31, 2018": a bare year after a day and comma or a month is a date's.
_DATE_BEFORE_YEAR = re.compile(
    r"(?i)(?:\b\d{1,2},|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?)\s*$"
)


def _date_year(cell: str, amount: AmountMatch) -> bool:
    return (
        amount.currency is None
        and re.fullmatch(r"(?:19|20)\d\d", amount.raw) is not None
        and _DATE_BEFORE_YEAR.search(cell[: amount.start]) is not None
    )


# "Up to £17 (only after 8.30pm)": a bracket that gives an hour of the day notes when the amount is
# paid (read as the row's condition); its hour is no second amount. A bracket that prints a currency
# sign ("$20.00 ($30.00 if after 8 pm)") holds the other amount, so it is no hour note.
_HOUR_NOTE = re.compile(
    r"(?i)\((?![^()]*[$€£¥₹])[^()]*?\b\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.m\.|[ap]m\b)[^()]*\)"
)


def _amount(cell: str) -> AmountMatch | None:
    cell = _HOUR_NOTE.sub(lambda m: " " * len(m.group(0)), cell)
    found = [a for a in find_amounts(cell) if a.value > 0 and not _date_year(cell, a)]
    if len(found) != 1:
        return None  # a cell with two numbers is a range or a note, not one limit
    rest = _TAX_NOTE.sub(" ", cell[: found[0].start] + cell[found[0].end :]).strip()
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


# A column whose amounts say when a receipt, an approval or an advance is needed, or what is taken
# off an allowance: none of them caps a payout.
THRESHOLD_COLUMN = re.compile(r"(?i)receipt|approv|authori[sz]|sign[- ]?off|advance|deduct|deposit|threshold")


def read_table(
    rows: list[tuple[str, ...]],
    context: str = "",
    columns: list[Condition | None] | None = None,
    headerless: bool = False,
    lead: str = "",
) -> list[TableLimit]:
    """Limits in a table. `context`: the heading or caption above it ("Hotel limits per night");
    `columns`: each amount column's condition when the caller knows it better than its name does
    (the places of a header whose names are not all in the gazetteer); `headerless`: a ruled table
    may have no header row (see `_unheaded`); `lead`: the sentence right above it."""
    rows = [r for r in rows if any(c.strip() for c in r)]
    unheaded = headerless and bool(rows) and not _is_header(rows[0])
    if unheaded:
        rows = _unheaded(rows)
        unheaded = rows[0] == ("",) * len(rows[0])
        if unheaded and _NOT_PAID_LEAD.search(context):
            return []  # "reduced as follows:", "receipts are needed above:": no limits, whatever the rows
    if len(rows) < 2 or not (unheaded or _is_header(rows[0])):
        return []
    rows = _join_spanned_header(rows)
    rows = _without_item_numbers(rows)
    if _labelless(rows) and _LIMIT_WORDS.search(f"{context} {lead}"):
        # "Breakfast | Lunch | Dinner" over "$22.50 | $37.50 | $70.00": each column's name says what
        # its amounts pay and no column names the rows; the row-header column is empty. A worked
        # example ("Airfare | Hotel | Meals" over one trip's costs) looks the same, so only a caption
        # or lead naming a limit makes the amounts limits.
        rows = [("", *r) for r in rows]
    header = rows[0]
    width = max(len(r) for r in rows)
    if len(header) < width:
        header = ("",) * (width - len(header)) + header  # the row-header column is unnamed
    # "(inclusive of tax and gratuity)": a caption's bracket says what the amounts include, not what
    # they cap.
    context_kinds = _kinds(_BRACKET.sub(" ", context))
    # Each header's and each label's condition, read once for all the cells they head.
    by_column = [
        columns[j - 1] if columns and j - 1 < len(columns) else condition_in(header[j], roles=True)
        for j in range(1, width)
    ]
    # Under a "Grades" column a label such as "G-2" or "12" names a grade, not an amount.
    grade_column = _GRADE_COLUMN.match(header[0]) is not None
    scope = _heading_scope(context)
    hosted, trip = caption_occasion(context, header[0], lead)
    occasion = Condition(other=hosted) if hosted else None
    point_decimals = _point_decimals(rows[1:])
    out: list[TableLimit] = []
    for row in rows[1:]:
        if len(row) < width:
            row = ("",) * (width - len(row)) + row
        label = row[0]
        if (_amount(label) and not grade_column) or _spilled(label) or _TOTAL_LABEL.search(label):
            continue
        # "Breakfast | 526150 | $8.60": beside amounts printed as money, a bare whole number is an
        # account or object code, not a limit.
        signed = any(a.currency for c in row[1:] if (a := _amount(c)))
        own, named = condition_in(label, roles=True), _named_by_column(header[0], label)
        if own and named and named.grades:
            own = Condition(locations=own.locations, other=own.other)  # the whole label is the grade
        # "Day Time Rate - Over 10 Hours": the hours away a row's label names are its condition.
        hours = [w for _, _, w in governing_in(label) if _HOURS.search(w)]
        own = merge(own, Condition(other="; ".join(hours))) if hours else own
        # "Where travel begins before | 6:00 a.m. and an overnight stay is required": a cell of words
        # beside the amount, read with its column's name, states when the row's amount is paid.
        notes = [w for k in range(1, width) for _, _, w in governing_in(_note(header[k], row[k]))]
        own = merge(own, Condition(other="; ".join(dict.fromkeys(notes)))) if notes else own
        for j in range(1, width):
            amount = _amount(row[j])
            if amount is None or (signed and not amount.explicit and _code_like(amount, header[j])):
                continue
            if point_decimals and _THOUSANDS_POINT.match(amount.raw):
                continue  # "$10.000" among "$15.00": ten dollars or ten thousand, no way to tell
            column = header[j]
            if THRESHOLD_COLUMN.search(column):
                continue  # "Receipt needed above", "Approval required over": a threshold, not a cap
            kinds = _room_with_breakfast(
                _kinds(label) or _kinds(column) or context_kinds, f"{column} {label}"
            )
            # "Bed & breakfast": a night's lodging, no meal of the day.
            meal = _MEAL_TIME.search(_BED_AND_BREAKFAST.sub(" ", f"{column} {label}"))
            condition = merge(own, by_column[j - 1], named)
            if when := travel_hours_in(" ".join(_HOUR_NOTE.findall(row[j]))):
                condition = merge(condition, Condition(other="; ".join(when)))
            if scope is not None and not (condition and condition.locations):
                condition = merge(condition, scope)
            meal_name = meal_of(meal.group(1)) if meal and len(kinds) <= 1 else ""
            if not kinds or (condition is None and not meal_name):
                continue  # a number with nothing saying what or for whom: not a limit we can use
            condition = merge(condition, occasion)
            # "Per Diem Amount" over a breakfast row: the allowance's name, the amount is per meal.
            heads = (
                [column, label] if meal is None else [_DAILY_ALLOWANCE.sub(" ", t) for t in (column, label)]
            )
            unit = (
                unit_in(row[j])
                or unit_in(heads[0])
                or unit_in(heads[1])
                or _period_rate(f"{column} {label}", daily=meal is None)
            )
            if unit is None:
                # A breakfast column under "Per Diem Rates" is still per meal: the caption's unit
                # serves only rows that name no meal.
                unit = CapUnit.MEAL if meal else unit_in(context) or _period_rate(context)
            clause = " | ".join(c for c in (context.strip(), label, column, row[j]) if c)
            sign = CURRENCY_RE.search(row[j])
            finding = CapFinding(amount, unit, False, True)
            out.append(
                TableLimit(
                    finding,
                    kinds,
                    condition,
                    clause,
                    sign.group(0).strip() if sign else "",
                    meal_name,
                    trip,
                    hosted,
                )
            )
    return out


_ENUMERATOR = re.compile(r"^\(?(?:\d{1,2}|[a-z])[.)]?$")


# "Item | If the meal is... | then the rate of allowance is ($)...", "S.No. | Grade | ...": a first
# column that numbers the rows, as legislation and Indian circulars print their tables.
_ITEM_COLUMN = re.compile(r"(?i)^\s*(?:items?|s\.?\s?no|sl\.?\s?no|sr\.?\s?no|no)\.?(?:\s+no\.?)?\s*$")


def _without_item_numbers(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The table without its item-number column, whose numbers ("1.", "2.") are no row labels: the
    next cell is the label. Only when every row's first cell is such a number."""
    if len(rows) < 2 or not _ITEM_COLUMN.match(rows[0][0]):
        return rows
    body = rows[1:]
    if not all(len(r) > 2 and _ENUMERATOR.match(r[0].strip()) for r in body):
        return rows
    return [r[1:] for r in rows]


def _labelless(rows: list[tuple[str, ...]]) -> bool:
    """A header whose every cell names an expense kind, over rows of amounts only."""
    header, body = rows[0], rows[1:]
    return (
        len(header) >= 2
        and all(c.strip() and _kinds(c) for c in header)
        and all(len(r) == len(header) and all(_amount(c) for c in r) for r in body)
    )


def _unheaded(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """A ruled table without a header row ("Breakfast | $6.00 | (must leave by 6:00 a.m.)", "$5.00 |
    Leaving before 5:31 am ..."), as US public bodies print their meal rates: each row a label, one
    amount and maybe a note. The columns get no names; an enumerator column ("(1)") is dropped and an
    amount printed first moves to the amount column. Any other shape is left alone."""
    width = max(len(r) for r in rows)
    if width < 2 or any(len(r) != width for r in rows):
        return rows
    if all(_ENUMERATOR.match(r[0].strip()) for r in rows):
        rows, width = [r[1:] for r in rows], width - 1
    out: list[tuple[str, ...]] = []
    for row in rows:
        amounts = [k for k, c in enumerate(row) if _amount(c)]
        if len(amounts) != 1 or width < 2:
            return rows
        if amounts[0] == 0:
            # "$5.00 | Leaving before ...": the words say when, not what; the row has no label.
            row = ("", row[0], *row[1:])
        out.append(row)
    width = max(len(r) for r in out)
    out = [r + ("",) * (width - len(r)) for r in out]
    return [("",) * width, *out]


# Without a header to name its columns, a headerless table has only its lead to say what it pays.
_NOT_PAID_LEAD = re.compile(
    r"(?i)reduc|receipt|approv|authori[sz]|sign[- ]?off|advance|deduct|deposit|threshold"
)
# "No reimbursement if travel begins after 7:00 am": a refusing note states when the row is not paid.
_REFUSING_NOTE = re.compile(r"(?i)\b(?:no|not|never|unless|except|excluding)\b")


def _note(name: str, cell: str) -> str:
    if not cell.strip() or _amount(cell) or _REFUSING_NOTE.search(cell):
        return ""
    return f"{name} {cell}".strip()


def _join_spanned_header(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """A header of two rows whose top cell spanned several columns ("Per Diem Amount" over "In
    State | Out of State"): the PDF gives the span's first cell the name and the others nothing, so
    each column is named by its spanning top cell and its own cell below."""
    if len(rows) < 3 or rows[1][0].strip() or any(_amount(c) for c in rows[1]):
        return rows
    top, sub = list(rows[0]), list(rows[1])
    if len(top) != len(sub):
        return rows
    spanned = False
    for j in range(2, len(top)):
        # An empty top cell over a named one, right of a named top over a named one: the span goes on.
        if not top[j].strip() and sub[j].strip() and top[j - 1].strip() and sub[j - 1].strip():
            top[j] = top[j - 1]
            spanned = True
    if not spanned:
        return rows
    names = tuple(" ".join(p for p in (t.strip(), b.strip()) if p) for t, b in zip(top, sub, strict=True))
    return [names, *rows[2:]]


# A heading over a table that names one travel scope ("In-State Travel Meal Allowances", "Out-of-State
# Rates"): the scope of every row that names none. A long line is a sentence, not a heading.
_HEADING_WORDS = 10


def _heading_scope(context: str) -> Condition | None:
    text = " ".join(context.split())
    if not text or len(text.split()) > _HEADING_WORDS or text.endswith("."):
        return None
    found = condition_in(text)
    if found is None or found.grades or len(found.locations) != 1:
        return None
    return found


# US and UK notation writes cents after a point ("$15.00"): in a table that does, "10.000" cannot be
# read with the point as a thousands mark, nor with any certainty as ten.
_THOUSANDS_POINT = re.compile(r"^\d{1,3}\.\d{3}$")
_POINT_CENTS = re.compile(r"^\d[\d,]*\.\d{2}$")


def _point_decimals(rows: list[tuple[str, ...]]) -> bool:
    return any(_POINT_CENTS.match(a.raw) for row in rows for c in row for a in find_amounts(c))


_CODE_COLUMN = re.compile(r"(?i)\b(?:account|acct|object|code)s?\b")


def _code_like(amount: AmountMatch, column: str) -> bool:
    """A bare whole number beside signed cells is an account or object code when it is long (UNC's
    six digits) or its column says so. A short unsigned number is the money of a table that prints
    its sign in the first amount column only ("$45 | 60")."""
    return amount.value >= 10000 or _CODE_COLUMN.search(column) is not None


# "TOTAL MEALS", "Total Allowance", "Grand total": the sum of the rows above, not a limit of its own.
# A total at the label's end only after what is summed ("Meals total"): "Dinner total | $30 |
# includes tip" is that meal's own limit.
_TOTAL_LABEL = re.compile(
    r"(?i)^\W*(?:grand\s+|sub-?\s*)?totals?\b|\b(?:meals?|allowances?|per\s+diem|daily)\s+totals?\W*$"
)


def _spilled(label: str) -> bool:
    """Amounts in cents inside a row's label ("C-Day 1-30 Basseterre 27.35 53.60") mean the header
    named fewer columns than the row has amounts, so no cell can be told its column."""
    return sum(1 for a in find_amounts(label) if a.has_decimals) >= 2


# "Hôtel et petit déjeuner", "Hotel incl. breakfast": a room sold with its breakfast is lodging.
_BREAKFAST = re.compile(
    r"(?i)\b(?:breakfast|petit[- ]d[ée]jeuner|fr[üu]hst[üu]ck|desayuno|colazione|pequeno[- ]almo[çc]o|"
    r"caf[ée]\s+da\s+manh[ãa]|ontbijt)\b"
)


def _room_with_breakfast(kinds: list[str], text: str) -> list[str]:
    if sorted(kinds) != ["hotel", "meals"] or not _BREAKFAST.search(text):
        return kinds
    return kinds if "meals" in _kinds(_BREAKFAST.sub(" ", text)) else ["hotel"]


_GRADE_COLUMN = re.compile(
    r"(?i)^\s*(?:employee\s+|staff\s+|job\s+)?(?:bands?|grades?|levels?|cadres?|designations?|cargos?|"
    # Indian pay tables head the rows by pay: "Grade Pay" ("GP>=10,000"), "Pay Range" ("E-9"),
    # "Pay Level"; the row's numbers are the band, not money.
    r"grade\s+pay|pay\s+(?:range|level|scale|band|grade)s?)"
    # "Cargo ou vencimento" (post or salary): a grade by either.
    r"(?:\s+(?:or|ou|o)\s+[^\W\d_]+)?\s*$"
)
_PLACE_COLUMN = re.compile(r"(?i)^\s*(?:locations?|cit(?:y|ies)|regions?|zones?|destinations?)\s*$")
# "Event Type | Who | Reimbursement Amount" (Penn Medicine): under a column that names the occasion,
# a row's label ("Team Lunch", "Class Outing") is the occasion its amount is for, as a label under
# "Grade" is a grade.
_EVENT_COLUMN = re.compile(
    r"(?i)^\s*(?:events?|occasions?|activit(?:y|ies)|functions?)(?:\s+(?:types?|names?))?\s*$"
)


def _occasion_words(label: str) -> bool:
    """Words besides the expense kinds a label names ("Team" in "Team Lunch"; none in "Lodging")."""
    rest = label
    for m in sorted(find_mentions(label), key=lambda m: -m.start):
        rest = rest[: m.start] + " " + rest[m.end :]
    return bool(re.sub(r"(?i)\b(?:and|or)\b|[\W\d_]", "", rest))


def _named_by_column(name: str, label: str) -> Condition | None:
    """A row label under a column headed "Band" or "Grade" is a grade, under "City" or "Location" a
    place, even when it reads like neither ("A1, A2, B1", "Pune"), under "Event Type" an occasion."""
    label = " ".join(label.split()).strip(" :*")
    if not label or any(a.currency for a in find_amounts(label)):
        return None
    found = condition_in(label, roles=True)
    named = condition_in(name, roles=True)
    if (
        found
        and named
        and found.grades
        and {g.casefold() for g in found.grades} <= {g.casefold() for g in named.grades}
    ):
        # "Groupe 1 (cadres)" under "GROUPE": the grade is the whole label, not the column's word.
        return Condition(grades=(label,))
    if _GRADE_COLUMN.match(name) and not (found and found.grades):
        return Condition(grades=(label,))
    if _PLACE_COLUMN.match(name) and not (found and found.locations):
        return Condition(locations=(label,))
    if _EVENT_COLUMN.match(name) and _occasion_words(label):
        return Condition(other=label)
    return None


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
    return " ".join(lead_above(lines, index).split())


def lead_above(
    lines: list[str],
    start: int,
    look_back: int = 3,
    skip: Callable[[int], bool] | None = None,
    exclude_kinds: Collection[str] | None = None,
) -> str:
    """The nearest of the `look_back` lines above `start` that is not blank nor `skip`ped, stripped.
    With `exclude_kinds`, only a line naming an expense kind other than those counts: a lead that says
    what the rows below pay ("The per diem rates are ..."), not generic travel."""
    for k in range(start - 1, max(-1, start - 1 - look_back), -1):
        line = lines[k]
        if not line.strip() or (skip is not None and skip(k)):
            continue
        if exclude_kinds is None or any(
            not m.as_unit and m.kind not in exclude_kinds for m in find_mentions(line)
        ):
            return line.strip()
    return ""


# A header cell names a kind, a meal, a grade or role, or a place; the row-header column may be
# named too ("Type of meal", "Grade").
_BRACKET = re.compile(r"\([^)]*\)")
# "Maximum Lodging", "Daily meals": words that open a column's name.
_QUALIFIER = re.compile(r"(?i)(?<![^\W\d_])(?:maximum|max\.?|daily|nightly|standard|total|allowable)\s+$")
_BETWEEN = re.compile(r"(?i)^\s*(?:(?:per|/|a|an|each)\s*[^\W\d_]+\.?)?\s*[-–+]?\s*$")


def _header_spans(line: str) -> list[tuple[int, int]]:
    """Where each column's name starts and ends in a header line whose cells the text layer ran
    together with single spaces ("Type of Meal Continental United States All Other Locations")."""
    text = _BRACKET.sub(lambda m: " " * len(m.group(0)), line)  # "(including international)" is a note
    spans = [(m.start, m.end) for m in find_mentions(text) if not m.as_unit]
    spans += [(m.start(), m.end()) for m in _MEAL_TIME.finditer(text)]
    spans += condition_spans(text)
    other = re.search(r"(?i)(?:all\s+)?other\s+[^\W\d_]+|elsewhere|rest\s+of\s+[^\W\d_]+", text)
    if other:
        spans.append((other.start(), other.end()))
    spans.sort()
    merged: list[tuple[int, int]] = []
    spans = [(_opening(text, start), end) for start, end in spans]
    for start, end in spans:
        gap = text[merged[-1][1] : start] if merged else ""
        # "Meals & Incidentals", "United States and Canada": one column named by several words.
        if merged and (start < merged[-1][1] or re.fullmatch(r"\s*(?:&|and|/|,)\s*", gap)):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _money_in(line: str) -> bool:
    """A number outside the names of grades and places ("Tier 1 cities", "L1-L3"): no header."""
    inside = condition_spans(line)
    return any(not any(a <= m.start < b for a, b in inside) for m in find_amounts(line))


def _opening(text: str, start: int) -> int:
    qualifier = _QUALIFIER.search(text[:start])
    return qualifier.start() if qualifier else start


def spaced_tables(text: str) -> list[tuple[list[tuple[str, ...]], list[int]]]:
    """Tables whose columns the text layer set one space apart: a header line naming N columns, then
    rows of a label and N amounts, with at most a unit between them ("Breakfast $28 $35",
    "E1-E3 3000 1200"). Each row becomes (label, cell, ...) under ("", column name, ...)."""
    lines = text.split("\n")
    out: list[tuple[list[tuple[str, ...]], list[int]]] = []
    i = 0
    while i < len(lines) - 1:
        head = lines[i].strip()
        spans = _header_spans(head) if head and len(head.split()) <= 14 and not _money_in(head) else []
        body: list[tuple[str, ...]] = []
        used: list[int] = []
        width = 0
        for n in (len(spans), len(spans) - 1):
            if n < 2:
                continue
            j = i + 1
            body, used = [], []
            while j < len(lines) and (row := _spaced_row(lines[j].strip(), n)) is not None:
                body.append(row)
                used.append(j)
                j += 1
            if body:
                width = n
                break
        if not body:
            i += 1
            continue
        cols = spans[-width:]
        names = tuple(
            head[start : (cols[k + 1][0] if k + 1 < width else len(head))].strip()
            for k, (start, _) in enumerate(cols)
        )
        out.append(([("", *names), *body], [i, *used]))
        i = used[-1] + 1
    return out


_NUMBER = re.compile(
    rf"(?:{CURRENCY_RE.pattern})?\s?\d(?:[\d,.]*\d)?(?:\s?(?:{CURRENCY_RE.pattern})(?![.\s]*\d))?"
)


def _row_amounts(line: str) -> list[AmountMatch]:
    """Each number of a row with the sign printed before it: "$28 $35" is 28 and 35 (read as one
    text, a sign between two numbers could be taken for the first one's suffix)."""
    out = []
    for m in _NUMBER.finditer(line):
        found = [a for a in find_amounts(m.group(0)) if a.value > 0]
        if len(found) == 1:
            a = found[0]
            out.append(
                AmountMatch(a.value, a.currency, m.start() + a.start, m.start() + a.end, a.has_decimals)
            )
    return out


def _spaced_row(line: str, n: int) -> tuple[str, ...] | None:
    amounts = _row_amounts(line)
    if len(amounts) < n or not line:
        return None
    cells = amounts[-n:]
    label = line[: cells[0].start].strip(" :-–")
    if not re.search(r"[^\W\d_]{2,}|[A-Z]\d", label) or len(label.split()) > 8:
        return None
    parts = []
    for k, a in enumerate(cells):
        end = cells[k + 1].start if k + 1 < n else len(line)
        note = _TAX_NOTE.sub("", _BRACKET.sub("", line[a.end : end]))
        between = CURRENCY_RE.sub("", note) if k + 1 < n else note
        if not _BETWEEN.match(between):
            return None  # words between the amounts: a sentence, not a row
        parts.append(f"{line[a.start : a.end]} {between}".strip())
    return (label, *parts)


# A header line that names the row headers' column: "Band", "Grade", "Employee level".
_ROW_HEADER_NAME = re.compile(
    r"(?i)^\s*(?:employee\s+|staff\s+|job\s+)?(?:bands?|grades?|levels?|cadres?|designations?|categor(?:y|ies)|"
    r"locations?|cit(?:y|ies)|regions?|zones?|destinations?)\s*$"
)
# "Preferably < 1250 Rs", "≤ $300": a soft or strict bound before the amount of a cell.
_CELL_BOUND = re.compile(
    r"(?i)^\s*(?:preferably|ideally|approx(?:\.|imately)?|about|around)?\s*(?:<=?|≤|below)?\s*"
)


def _stack_cell(line: str) -> str | None:
    """A line that is one cell of a table set one cell a line: an amount (maybe with a unit or a
    note in brackets), or a few words without money ("As per actuals"); None for anything else."""
    cell = _CELL_BOUND.sub("", _BRACKET.sub(" ", line)).strip()
    if len(cell.split()) > 8:
        return None
    if _amount(cell):
        return cell
    return None if _money_in(cell) else cell


def _stack_header(line: str) -> bool:
    if len(line.split()) > 8 or _money_in(line):
        return False
    return bool(
        _ROW_HEADER_NAME.match(line)
        or [m for m in find_mentions(line) if not m.as_unit]
        or _MEAL_TIME.search(line)
        or condition_spans(line)
    )


def _stack_rows(lines: list[str], start: int, width: int) -> list[list[int]]:
    """Rows of a label line and `width` cell lines from `start` (indexes into `lines`)."""
    rows: list[list[int]] = []
    shape: list[bool] = []
    k = start
    while k + width < len(lines):
        label = lines[k]
        cells = [_stack_cell(lines[k + 1 + j]) for j in range(width)]
        if (
            len(label.split()) > 10
            or any(a.currency for a in find_amounts(label))
            or any(c is None for c in cells)
            or not any(_amount(c) for c in cells if c)
        ):
            break
        # A column holds money in every row or in none: a shifted reading mixes them.
        money = [bool(_amount(c)) for c in cells if c is not None]
        if shape and money != shape:
            break
        shape = money
        rows.append(list(range(k, k + 1 + width)))
        k += 1 + width
    return rows


def stacked_tables(text: str) -> list[tuple[list[tuple[str, ...]], list[int]]]:
    """Tables whose text layer (or web page) puts each cell on a line of its own: N header lines
    naming the columns ("Tier 1 cities/day(maximum)", "Maximum Lodging"), maybe a first one naming
    the row headers ("Band"), then rows of a label line and N cell lines ("C3, D2", "< 750 Rs",
    "< 500 Rs", ...). Each row becomes (label, cell, ...) under (row-header name, column, ...)."""
    all_lines = text.split("\n")
    at = [k for k, line in enumerate(all_lines) if line.strip()]
    lines = [all_lines[k].strip() for k in at]
    out: list[tuple[list[tuple[str, ...]], list[int]]] = []
    i = 0
    while i < len(lines):
        run = 0
        while i + run < len(lines) and _stack_header(lines[i + run]):
            run += 1
        # The run may open with a caption ("Accommodation allowances") and end with the first row's
        # label ("Continental US"): the header is the part of it that the most rows follow.
        # On a tie the longer header: a header line read as a row label shifts every cell.
        best: tuple[int, int, int, int] | None = None  # (rows, width, header lines, -offset)
        for off in range(max(run - 1, 0)):
            for h in range(2, run - off + 1):
                for width in (h, h - 1):
                    if width < 2 or (width == h - 1 and not _ROW_HEADER_NAME.match(lines[i + off])):
                        continue
                    rows = _stack_rows(lines, i + off + h, width)
                    if rows and (best is None or (len(rows), width, h, -off) > best):
                        best = (len(rows), width, h, -off)
        if best is None:
            i += max(run, 1)
            continue
        _, width, h, neg = best
        i -= neg
        rows = _stack_rows(lines, i + h, width)
        head = tuple(lines[i : i + h])
        header = ("", *head) if width == h else head
        body = [
            (lines[r[0]], *(_CELL_BOUND.sub("", _BRACKET.sub(" ", lines[c])).strip() for c in r[1:]))
            for r in rows
        ]
        used = list(range(i, i + h)) + [k for r in rows for k in r]
        out.append(([header, *body], [at[k] for k in used]))
        i = rows[-1][-1] + 1
    return out

"""The structured reading of a reimbursement policy. Every rule keeps the clause it came from."""

from __future__ import annotations

import enum
import re
from decimal import Decimal

import msgspec


class CapUnit(enum.StrEnum):
    MEAL = "meal"
    TRIP = "trip"
    NIGHT = "night"
    DAY = "day"
    RIDE = "ride"
    MONTH = "month"
    YEAR = "year"
    INVOICE = "invoice"
    KM = "km"
    MILE = "mile"


class Period(enum.StrEnum):
    """What a cap's amount is shared by. INVOICE: each invoice alone (times its units); the others
    are an employee's running total per rule over a calendar period (a week starts on Monday), or,
    with `period_length` > 1 ("in any 3-year period"), over every window of that many periods."""

    INVOICE = "invoice"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


class RuleType(enum.StrEnum):
    """What a printed amount is. Only a LIMIT caps a payout; a RATE computes an allowance from a
    quantity; the others are read so that they are *not* mistaken for limits."""

    LIMIT = "limit"
    RATE = "rate"
    APPROVAL_THRESHOLD = "approval_threshold"
    ADVANCE = "advance"
    EXAMPLE = "example"
    REFERENCE = "reference"


class Fact(enum.StrEnum):
    """Facts about a claim that a limit may depend on (the claim's optional fields)."""

    GRADE = "employee_grade"
    LOCATION = "location"


# Words that only say which dimension a value belongs to: "Grade A" and "A" are the same grade.
_DIMENSION_WORDS = frozenset(
    [
        "grade",
        "grades",
        "band",
        "bands",
        "level",
        "levels",
        "class",
        "classes",
        "tier",
        "tiers",
        "category",
        "cat",
        "city",
        "cities",
        "town",
        "towns",
        "zone",
        "zones",
        "region",
        "regions",
        "area",
        "areas",
        "location",
        "locations",
        "the",
        "and",
        "of",
        "in",
        "for",
        "travel",
        "employee",
        "employees",
        "staff",
    ]
)


def condition_tokens(value: str) -> frozenset[str]:
    words = re.findall(r"[^\W_]+", value.casefold())
    return frozenset(w for w in words if w not in _DIMENSION_WORDS)


ELSEWHERE = "elsewhere"  # the location of a row that applies wherever no other row's does
_OTHER_GRADES = re.compile(
    r"(?i)^\s*(?:all\s+)?(?:other|remaining)\b|^\s*all\s+others\b|^\s*everyone\s+else\b"
)


class Condition(msgspec.Struct, frozen=True):
    """When a limit applies: any of `grades` and any of `locations` (empty = any), as printed in
    the policy's row/column headers. `other` is a condition the engine cannot check ("grant-funded
    travel"), so a limit carrying it always goes to a reviewer."""

    grades: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    other: str = ""

    @property
    def text(self) -> str:
        parts = [f"grade {' / '.join(self.grades)}" if self.grades else ""]
        parts.append(f"location {' / '.join(self.locations)}" if self.locations else "")
        parts.append(self.other)
        return "; ".join(p for p in parts if p)

    def holds(self, grade: str | None, location: str | None) -> bool | None:
        """True/False when the claim's facts decide it, None when a needed fact is missing or the
        claim's place may or may not be the row's ("London" for an "Inner London" row)."""
        unknown = bool(self.other)
        if self.grades:
            if grade is None or not grade.strip():
                unknown = True
            elif not any(_same(grade, a) for a in self.grades):
                return False
        if self.locations:
            if location is None or not location.strip():
                unknown = True
            else:
                place = self.names_location(location)
                if place is False:
                    return False
                unknown = unknown or place is None
        return None if unknown else True

    @property
    def fallback(self) -> bool:
        """ "Elsewhere", "other cities": holds where no other row's location does (the engine decides)."""
        return any(loc.casefold() == ELSEWHERE for loc in self.locations)

    def names_location(self, location: str) -> bool | None:
        """True when the claim's place is one of the row's, None when it may be (see place_match)."""
        found = [place_match(location, a) for a in self.locations if a.casefold() != ELSEWHERE]
        return True if True in found else None if None in found else False

    @property
    def grade_fallback(self) -> bool:
        """ "Other grades", "All others": the grade row for every grade no other row names."""
        return any(_OTHER_GRADES.match(g) for g in self.grades)

    def names_grade(self, grade: str) -> bool:
        return any(_same(grade, g) for g in self.grades if not _OTHER_GRADES.match(g))

    def missing(self, grade: str | None, location: str | None) -> tuple[str, ...]:
        out = []
        if self.grades and not (grade and grade.strip()):
            out.append(Fact.GRADE.value)
        if self.locations and not (location and location.strip()):
            out.append(Fact.LOCATION.value)
        elif self.locations and location and self.names_location(location) is None:
            out.append(f"whether {location.strip()} is {' / '.join(self.locations)}")
        if self.other:
            out.append(self.other)
        return tuple(out)


_RANGE = re.compile(r"(?i)\b([a-z]{0,2})\s*(\d{1,2})\s*(?:-|–|to)\s*([a-z]{0,2})\s*(\d{1,2})\b")
_LEVEL = re.compile(r"(?i)^(?:grade|band|level|scale)?\s*([a-z]{0,2})\s*-?\s*(\d{1,2})$")


# Open ranges as English prints them: "Band 3 and above", "level 4 or higher", "Grade 5+",
# "grades 2 and below". "Above" is read on the printed numbers (3, 4, 5...).
_OPEN = re.compile(
    r"(?i)\b([a-z]{0,2})\s*(\d{1,2})\s*(?:(\+)|(?:and|&|or)\s+(above|higher|over|more|below|lower|under|less))"
)


def _in_open_range(value: str, accepted: str) -> bool:
    r = _OPEN.search(accepted)
    v = _LEVEL.match(value.strip())
    if r is None or v is None or v.group(1).lower() != r.group(1).lower():
        return False
    bound, level = int(r.group(2)), int(v.group(2))
    upward = r.group(3) is not None or r.group(4).lower() in ("above", "higher", "over", "more")
    return level >= bound if upward else level <= bound


_LETTERS = re.compile(r"(?i)(?:grades?|bands?|levels?|class(?:es)?)\s+([A-H])\s*(?:-|–|to)\s*([A-H])\b")
_LETTER = re.compile(r"(?i)^(?:grade|band|level|class)?\s*([A-H])$")


def _in_letter_range(value: str, accepted: str) -> bool:
    """Grade C is in "Grades B to D"."""
    r, v = _LETTERS.search(accepted), _LETTER.match(value.strip())
    if r is None or v is None:
        return False
    low, high = sorted((r.group(1).upper(), r.group(2).upper()))
    return low <= v.group(1).upper() <= high


def _in_range(value: str, accepted: str) -> bool:
    """M2 is in "M1-M3", "Grade 4" in "Grades 3 to 5" (same letter prefix, bounds included), and
    in "Band 3 and above"."""
    if _in_open_range(value, accepted) or _in_letter_range(value, accepted):
        return True
    r = _RANGE.search(accepted)
    v = _LEVEL.match(value.strip())
    if r is None or v is None:
        return False
    prefix, low, prefix2, high = r.group(1).lower(), int(r.group(2)), r.group(3).lower(), int(r.group(4))
    if prefix2 and prefix2 != prefix:
        return False
    return v.group(1).lower() == prefix and low <= int(v.group(2)) <= high


def _same(value: str, accepted: str) -> bool:
    """Canada is in "United States and Canada"; "grade a" is "A"; "Tier 1" is not "Tier 2"; M2 is
    in "M1-M3"."""
    if _in_range(value, accepted):
        return True
    a, b = condition_tokens(value), condition_tokens(accepted)
    if not a or not b:
        return value.strip().casefold() == accepted.strip().casefold()
    return a <= b or b <= a


# Place matching (issue 19). A claim's place is "London", "London, UK", "New York, NY", "NYC"; a
# row's is "Inner London", "London rate", "New York City", "United States and Canada".
_PLACE_NOISE = frozenset(["rate", "rates", "allowance", "allowances", "limit", "limits"])
# A word that narrows or widens a place without naming another one.
_PLACE_QUALIFIERS = frozenset(["inner", "outer", "central", "greater", "downtown"])
_OPPOSITE_QUALIFIERS = (frozenset(["inner", "outer"]), frozenset(["central", "outer"]))
# Short forms a claim form or a policy uses for the same place (English usage, not one document's).
_PLACE_ALIASES: dict[tuple[str, ...], tuple[str, ...]] = {
    ("nyc",): ("new", "york"),
    ("uk",): ("united", "kingdom"),
    ("us",): ("united", "states"),
    ("usa",): ("united", "states"),
    ("united", "states", "america"): ("united", "states"),
    ("uae",): ("united", "arab", "emirates"),
}
_PLACE_LIST = re.compile(r"(?i)[,;/&()]|\b(?:and|or)\b")


def _place_words(value: str) -> tuple[str, ...]:
    # "U.K." is "UK"; dimension words ("city") and noise ("rate") say nothing about the place.
    words = re.findall(r"[^\W_]+", value.replace(".", "").casefold())
    kept = tuple(w for w in words if w not in _DIMENSION_WORDS and w not in _PLACE_NOISE)
    return _PLACE_ALIASES.get(kept, kept)


def _part_match(claim: tuple[str, ...], row: tuple[str, ...]) -> bool | None:
    claim_core = tuple(w for w in claim if w not in _PLACE_QUALIFIERS)
    row_core = tuple(w for w in row if w not in _PLACE_QUALIFIERS)
    if not claim_core or not row_core:
        return bool(claim) and claim == row
    # The row's place leads the claim's ("London Heathrow", "Paris 8e" for "Paris"); a row place at
    # the end ("York" in "New York") is another place.
    if claim_core[: len(row_core)] != row_core:
        return False
    claim_q, row_q = set(claim) & _PLACE_QUALIFIERS, set(row) & _PLACE_QUALIFIERS
    if row_q <= claim_q:
        return True
    if any(pair <= claim_q | row_q for pair in _OPPOSITE_QUALIFIERS):
        return False
    # "Inner London" row, "London" (or "Greater London") claim: Outer London is London too, so the
    # claim may or may not be in the row; a reviewer decides, never a guessed row.
    return None


def place_match(claim: str, accepted: str) -> bool | None:
    """Whether a claim's place is a row's place: True, False, or None when it may be (the row
    names a part of the claim's place). Any comma part of the claim counts ("London, UK" is in
    "UK"), and a row may list several places ("United States and Canada")."""
    claim_parts = [_place_words(p) for p in claim.split(",")]
    rows = [_place_words(accepted), *(_place_words(p) for p in _PLACE_LIST.split(accepted))]
    # "UK - London": the row's place is the last one, the rest is where it lies (never "UK" alone).
    rows += [_place_words(accepted.split(" - ")[-1])] if " - " in accepted else []
    found = [_part_match(c, r) for c in claim_parts if c for r in rows if r]
    return True if True in found else None if None in found else False


class Category(msgspec.Struct, frozen=True):
    """A covered expense category. `synonyms` are the words that identify it on an invoice."""

    name: str
    synonyms: tuple[str, ...] = ()
    clause: str = ""

    def matches(self, word: str) -> bool:
        w = word.strip().lower()
        return w == self.name.lower() or w in (s.lower() for s in self.synonyms)


class CapRule(msgspec.Struct, frozen=True):
    rule_id: str
    category: str
    amount: Decimal
    currency: str
    unit: CapUnit
    clause: str
    condition: Condition | None = None
    confidence: float = 1.0
    # Issue 13: a period cap is shared by every claim of the employee in the period; `claims` > 0
    # also limits how many claims are paid per period ("one phone bill a month"), and then
    # `amount` stays a limit of each claim.
    period: Period = Period.INVOICE
    period_length: int = 1
    claims: int = 0
    # Issue 19: the meal of the day a per-meal limit is for ("Breakfast: $30"); "" = any meal. It
    # says what is capped, not when, so it is no condition; an invoice does not tell its meal.
    meal: str = ""

    @property
    def needs_review(self) -> bool:
        return self.confidence < 0.6

    @property
    def scope(self) -> str:
        """What the limit is for beyond its category: its meal and condition, as words."""
        return "; ".join(p for p in (self.meal, self.condition.text if self.condition else "") if p)

    @property
    def spans_invoices(self) -> bool:
        return self.period is not Period.INVOICE or self.claims > 0


class AmountRule(msgspec.Struct, frozen=True):
    """A printed amount that is not a limit: a rate ($0.67 per mile), an approval threshold, an
    advance, an example or a reference. Rates compute an allowance; the rest cap nothing."""

    rule_id: str
    kind: RuleType
    amount: Decimal
    currency: str
    clause: str
    category: str | None = None
    unit: CapUnit | None = None
    condition: Condition | None = None
    confidence: float = 1.0

    @property
    def needs_review(self) -> bool:
        return self.confidence < 0.6


class ProcessRule(msgspec.Struct, frozen=True):
    """A rule about how to claim (duplicates, receipts in one's own name, weekends). `checked` says
    whether the engine enforces it (as a flag) or a reviewer must."""

    rule_id: str
    name: str
    clause: str
    checked: bool = False


class ExclusionRule(msgspec.Struct, frozen=True):
    """Items never reimbursed. `keywords` identify the line items; empty `categories` means all."""

    rule_id: str
    name: str
    keywords: tuple[str, ...]
    clause: str
    categories: tuple[str, ...] = ()
    confidence: float = 1.0  # how sure the reader is of the item words (below 0.6: needs review)
    # "Laundry (if the trip is under five days)": the item is excluded only when this holds. The
    # engine cannot check such words, so a matching item goes to a reviewer instead of being cut.
    condition: str = ""

    def applies_to(self, category: str) -> bool:
        return not self.categories or category in self.categories


class DeadlineRule(msgspec.Struct, frozen=True):
    """Days allowed to submit. `months` set: the policy counts calendar months (`days` is then an
    approximation for display); `business_days`: weekdays are counted, as the policy prints."""

    rule_id: str
    days: int
    clause: str
    months: int = 0
    business_days: bool = False

    @property
    def wording(self) -> str:
        if self.months:
            return f"{self.months}-month"
        return f"{self.days}-business-day" if self.business_days else f"{self.days}-day"


class Policy(msgspec.Struct, frozen=True):
    policy_id: str
    currency: str
    categories: tuple[Category, ...] = ()
    caps: tuple[CapRule, ...] = ()
    exclusions: tuple[ExclusionRule, ...] = ()
    deadline: DeadlineRule | None = None
    title: str = ""
    source_sha256: str = ""
    interpreter: str = ""
    amounts: tuple[AmountRule, ...] = ()
    process_rules: tuple[ProcessRule, ...] = ()
    version: int = 1
    # Rules an admin wrote (a correction or a policy-as-data file): never replaced by a re-read.
    corrected: bool = False

    def category(self, word: str | None) -> Category | None:
        if not word:
            return None
        return next((c for c in self.categories if c.matches(word)), None)

    def caps_for(self, category: str) -> tuple[CapRule, ...]:
        return tuple(c for c in self.caps if c.category == category)

    def rates_for(self, category: str) -> tuple[AmountRule, ...]:
        return tuple(a for a in self.amounts if a.kind is RuleType.RATE and a.category == category)

    @property
    def rule_count(self) -> int:
        return (
            len(self.categories)
            + len(self.caps)
            + len(self.exclusions)
            + (1 if self.deadline else 0)
            + sum(1 for a in self.amounts if a.kind is RuleType.RATE)
        )

"""Conditions on a limit, as printed beside it: a grade, band or level ("Grade A", "Band 3",
"M1-M3"), a location ("Europe", "United States and Canada", "Tier 1 cities", "domestic").

Country names come from Babel's CLDR territory names (English); regions, city classes and the
domestic/international split are the common English conventions of travel policies.
"""

from __future__ import annotations

import itertools
import re

from babel import Locale

from reimburse.adapters.heuristic.durations import durations_in
from reimburse.adapters.heuristic.places import cities_in
from reimburse.domain.verdict.policy import ELSEWHERE, Condition

_COUNTRIES = sorted(
    {
        name
        for code, name in Locale("en").territories.items()
        if code.isalpha() and len(code) == 2 and len(name) >= 4 and "(" not in name
    },
    key=len,
    reverse=True,
)
_REGIONS = (
    "Asia-Pacific|Asia Pacific|APAC|EMEA|LATAM|Europe|European Union|Eurozone|Schengen|Asia|Africa|"
    "North America|South America|Latin America|Central America|Middle East|the Americas|Americas|Oceania|"
    "Caribbean|Scandinavia|Nordics|Rest of (?:the )?World|Continental US|Continental U\\.S\\.|CONUS|OCONUS|"
    # The US split of per diem tables: the contiguous states against Alaska, Hawaii and territories.
    "Alaska|Hawaii|U\\.S\\. (?:territories|possessions)"
)
# Location classes policies print as headers: "Tier 1 cities", "Class A city", "Zone 2", "Metro cities".
_CLASSES = (
    r"(?:tier|class|category|cat\.?|zone|region|area|group)\s*[-:]?\s*(?:[A-D]|[1-4]|I{1,3}|IV)\b"
    r"(?:\s+(?:cit(?:y|ies)|towns?|locations?|areas?|countries))?|"
    r"(?:[A-D]|[1-4]|I{1,3})\s*-?\s*class\s+cit(?:y|ies)|metro(?:politan)?\s+cit(?:y|ies)|metros?\b|"
    r"non-?metro(?:\s+cit(?:y|ies))?|(?:major|large)\s+cit(?:y|ies)|"
    # "non-high cost areas" (Georgia's statewide rules): the negation is part of the class.
    r"(?:non-?)?(?:high|low)[- ]cost\s+(?:metropolitan\s+)?(?:cit(?:y|ies)|areas?|locations?)|"
    r"(?:major\s+)?metropolitan\s+areas?|"
    # French scales split Paris (and its region) from the provinces; German ones name big cities.
    r"paris|île-de-france|r[ée]gion\s+parisienne|grandes\s+villes|gro(?:ß|ss)st(?:ä|ae)dte(?:n)?"
)
# Domestic/international: a condition wherever it qualifies the travel the limit is for.
_SCOPE = (
    r"domestic(?:ally)?|international(?:ly)?|in-state|out-of-state|overseas|foreign|abroad|"
    r"inter-?state|intra-?state|"
    # German, Dutch, French, Spanish, Italian: "Inland / Ausland", "binnenland / buitenland", ...
    r"inland|ausland|auslandsreisen|inlandsreisen|binnenland|buitenland|à\s+l'étranger|étranger|"
    r"extranjero|estero|"
    # "por territorio nacional", "em território nacional", "sul territorio nazionale": the home country.
    r"territorio\s+nacional|território\s+nacional|territorio\s+nazionale|estrangeiro"
)
# One word per side, so that a claim's "international" matches a policy's "abroad" or "overseas".
_CANONICAL_SCOPE = {
    "domestically": "domestic",
    "internationally": "international",
    "overseas": "international",
    "foreign": "international",
    "abroad": "international",
    "inland": "domestic",
    "inlandsreisen": "domestic",
    "binnenland": "domestic",
    "ausland": "international",
    "auslandsreisen": "international",
    "buitenland": "international",
    "à l'étranger": "international",
    "étranger": "international",
    "extranjero": "international",
    "estero": "international",
    "territorio nacional": "domestic",
    "território nacional": "domestic",
    "territorio nazionale": "domestic",
    "estrangeiro": "international",
}
_LOCATION = re.compile(
    r"(?<![^\W\d_])(?:"
    + "|".join(re.escape(c) for c in _COUNTRIES)
    + "|"
    + _REGIONS
    + "|"
    + _CLASSES
    + r")(?![^\W\d_])",
    re.IGNORECASE,
)
# The row for every other place: "elsewhere", "other cities", "all other locations", "rest of India";
# French "en province" / "autres villes" (beside a Paris row), German "übrige Orte".
_OTHERWISE = re.compile(
    r"(?i)(?<![^\W\d_])(?:elsewhere|other\s+(?:cities|towns|locations|places|areas|countries|regions)|"
    r"all\s+other\s+(?:cities|towns|locations|places|areas|countries|regions)|rest\s+of\s+(?:the\s+)?"
    r"(?:world|country|[A-Z][a-z]+)|en\s+province|autres\s+(?:villes|localités|départements)|"
    r"(?:übrige|sonstige|andere)n?\s+(?:orte|städte|gemeinden))(?![^\W\d_])"
)
_CLASSES_RE = re.compile(rf"(?i)(?<![^\W\d_])(?:{_CLASSES})(?![^\W\d_])")
_SCOPE_RE = re.compile(rf"(?i)(?<![^\W\d_])(?:{_SCOPE})(?![^\W\d_])")
_GRADE = re.compile(
    # Kenya's public service names its grades "Job groups A to V": any letter after "job group".
    r"(?<![^\W\d_])(?:job\s+groups?\s+[A-Z](?:\s*(?:-|to|–)\s*[A-Z])?(?![^\W\d_])|(?:pay\s+|job\s+)?(?:grade|band|level|cadre|scale|grp|group)s?\s*[-:]?\s*"
    r"(?:[A-Z]{0,2}\d{1,2}[A-Z]?|[A-H]|[IVX]{1,4})(?:\s*(?:-|to|–)\s*(?:[A-Z]{0,2}\d{1,2}|[A-H]|[IVX]{1,4}))?"
    r"(?:\s*(?:and|&|or)\s*(?:above|higher|over|below|lower|under)|\s*\+)?"
    r"|[EMLP]\d{1,2}(?:\s*(?:-|to)\s*[EMLP]?\d{1,2})?(?:\s*(?:and|&|or)\s*(?:above|higher|below|lower)|\s*\+)?)"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)
# Role headers in grade tables ("Directors and above", "Other employees"); the table's last row is
# often the fallback for every grade not named above it ("Other grades", "All others").
_ROLE = re.compile(
    r"(?i)(?<![^\W\d_])(?:c-?suite|executives?|senior\s+management|vice\s+presidents?|vps?|directors?|"
    r"senior\s+managers?|managers?|officers?|(?:junior|senior)\s+staff|"
    r"(?:all\s+)?(?:other|remaining)\s+(?:employees|staff|personnel|grades|bands|levels|travell?ers)|"
    r"all\s+others|everyone\s+else)(?:\s+(?:and|&)\s+above)?(?![^\W\d_])"
)


def _unique(values: list[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for v in values:
        seen.setdefault(re.sub(r"\s+", " ", v).strip().casefold(), re.sub(r"\s+", " ", v).strip())
    return tuple(seen.values())


def locations_in(text: str) -> tuple[str, ...]:
    if _OTHERWISE.search(text):
        # "All other locations (including international)": the fallback row, which names a side too.
        return _unique([ELSEWHERE, *scopes_in(text)])
    # "outside the United States" is the international side, not the United States.
    sided = [(m.start(), m.end()) for m in _PLACE_SCOPE.finditer(text)]
    found = [(m.start(), m.end(), m.group(0)) for m in _LOCATION.finditer(text)]
    # "London", "Mumbai": a city is a place too, unless inside a longer name ("El Salvador").
    cities = [c for c in cities_in(text) if not any(a <= c[0] < b for a, b, _ in found)]
    found += cities
    # "UK", "U.K.", "in the USA": the country, unless a city beside it is the row's place ("UK -
    # London": the London row is no row for Manchester).
    if not cities:
        short = [
            (m.start("us"), m.end("us")) if m.group("us") else m.span() for m in _SHORT_COUNTRY.finditer(text)
        ]
        found += [(a, b, "UK" if "K" in text[a:b] else "US") for a, b in short]
    # "24 hours outside London": every place but the city, the row beside the city's own.
    found = [
        (start, end, ELSEWHERE if _OUTSIDE.search(text, max(0, start - 40), start) else w)
        for start, end, w in found
    ]
    # "within the US" is the domestic side and the country too (a claim may name either).
    named = [w for start, _, w in sorted(found) if w == "US" or not any(a <= start < b for a, b in sided)]
    return _unique(named + scopes_in(text))


_OUTSIDE = re.compile(r"(?i)(?<![^\W\d_])outside(?:\s+of)?\s+(?:the\s+)?$")

# Countries printed by their short form, in capitals only so that the pronoun "us" is none: "UK" and
# "U.K." anywhere; "US" only after "in/within/across/throughout the" ("US" alone is too often
# something else); never after "non-" ("Non-UK" is every other country, read as a scope), nor as
# the table's context before a row's own place ("UK - Other", "UK - Manchester").
_SHORT_COUNTRY = re.compile(
    r"(?<![\w-])(?:UK|U\.K\.|USA|U\.S\.A\.)(?![\w-])(?!\s*[-–—]\s*\w)"
    r"|\b(?:in|within|across|throughout|inside)\s+the\s+(?P<us>US|U\.S\.)(?![\w-])"
)


# "within the state", "outside the continental United States": the same split said with a place.
# As US policies use them, the country is the domestic side and the state the in-state side.
_PLACE_SCOPE = re.compile(
    r"(?i)(?<![^\W\d_])(?P<side>within|inside|in|outside(?:\s+of)?|out\s+of)\s+(?:the\s+)?"
    r"(?:(?:continental|contiguous)\s+)?(?P<place>United\s+States|U\.\s?S\.(?:\s?A\.)?|US(?:A)?|country|state|"
    r"(?:lower|contiguous)\s+48(?:\s+states)?|48\s+contiguous\s+states)"
    r"(?![^\W\d_])"
)


# "U.S. travel: $65", "Non-U.S. travel: $90": the country named as the trip's side.
_US_TRAVEL = re.compile(r"(?i)(?<![^\W\d_])(?P<non>non-?\s?)?U\.?S\.?(?=\s+(?:travel|trips?)\b)")
# "Non-UK: £10 per night", "non-U.K. stays": every country but the policy's own, as "non-US" is.
_NON_UK = re.compile(r"(?<![^\W\d_])[Nn]on-?\s?(?:UK|U\.K\.)(?![\w-])")


def _place_scope(m: re.Match[str]) -> str:
    inside = not m.group("side").lower().startswith("out")
    if m.group("place").lower() == "state":
        return "in-state" if inside else "out-of-state"
    return "domestic" if inside else "international"


def scopes_in(text: str) -> list[str]:
    found = [
        (m.start(), m.end(), _CANONICAL_SCOPE.get(re.sub(r"\s+", " ", m.group(0).lower()), m.group(0)))
        for m in _SCOPE_RE.finditer(text)
    ]
    found += [(m.start(), m.end(), _place_scope(m)) for m in _PLACE_SCOPE.finditer(text)]
    found += [
        (m.start(), m.end(), "international" if m.group("non") else "domestic")
        for m in _US_TRAVEL.finditer(text)
    ]
    found += [(m.start(), m.end(), "international") for m in _NON_UK.finditer(text)]
    # Ordered by place, then name, as the scopes are listed; sorted once, here.
    found.sort(key=lambda f: (f[0], f[2]))
    return [scope for _, _, scope in _drop_both_sides(text, found)]


# "im Inland wie im Ausland", "domestic or international travel": both sides joined, so no side.
_BOTH_GAP = re.compile(
    r"(?i)\s*(?:travel\s+)?(?:and|or|&|as\s+well\s+as|wie|und|sowie|oder|et|ou|e|o|y|en|of)"
    r"\s+(?:(?:im|in|the|à|al|all')\s*)?"
)


_SIDES = ({"domestic", "international"}, {"in-state", "out-of-state"})


def _drop_both_sides(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """`found` (start, end, scope) in order, less each pair of sides joined by "and" or "or"."""
    both: set[int] = set()
    for (a, end, first), (b, _, second) in itertools.pairwise(found):
        if {first.casefold(), second.casefold()} not in _SIDES:
            continue
        if _BOTH_GAP.fullmatch(text, end, b):
            both |= {a, b}
    return [f for f in found if f[0] not in both]


def has_fallback(text: str) -> bool:
    return _OTHERWISE.search(text) is not None


def classes_in(text: str) -> list[str]:
    """City classes only ("major cities", "Tier 1 cities"): safe to read after an amount, where a
    country name may already be the next amount's label."""
    if _OTHERWISE.search(text):
        return [ELSEWHERE]
    return [m.group(0) for m in _CLASSES_RE.finditer(text)]


def grades_in(text: str, *, roles: bool = False) -> tuple[str, ...]:
    found = [m.group(0) for m in _GRADE.finditer(text)]
    if roles:
        found += [m.group(0) for m in _ROLE.finditer(text)]
    return _unique(found)


def condition_in(label: str, *, roles: bool = False) -> Condition | None:
    """The grade and location a label (the words printed right before an amount, or a table
    header) names, or None."""
    grades = grades_in(label, roles=roles)
    locations = locations_in(label)
    if not grades and not locations:
        return None
    return Condition(grades=grades, locations=locations)


def merge(*conditions: Condition | None) -> Condition | None:
    present = [c for c in conditions if c is not None]
    if not present:
        return None
    grades = _unique([g for c in present for g in c.grades])
    locations = _unique([loc for c in present for loc in c.locations])
    other = "; ".join(dict.fromkeys(c.other for c in present if c.other))
    return Condition(grades=grades, locations=locations, other=other)


# Conditions the engine cannot check but a reviewer must see (Condition.other), as US and UK
# policies print them in a heading or lead-in: who funds the trip ("State of Florida Grants",
# "sponsored programs", "funded by federal awards"), how meals are claimed ("actual cost basis",
# "per diem basis"), the kind of trip ("overnight travel", "day trips", "first and last day of
# travel", "at least 50 miles away") and who travels ("students", "candidates").
_FUNDING = re.compile(
    r"(?:(?:[A-Z][\w.&'-]*\s+(?:of\s+)?){1,4}(?:[Gg]rants?|[Cc]ontracts?|[Aa]wards?)(?![^\W\d_])|"
    r"(?i:(?<![^\W\d_])(?:(?:federal(?:ly)?|state|government|grant|externally|sponsor)[- ]funded|"
    r"(?:funded|paid|reimbursed|charged)\s+(?:by|from|to|through|with)\s+(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:grants?|contracts?|awards?|funds?|sponsors?|projects?|accounts?)|"
    r"sponsored\s+(?:programs?|projects?|awards?|agreements?|research|grants?(?:\s+(?:or|and)\s+contracts?)?)|"
    r"(?:federal|state|government)\s+(?:grants?|funds|awards?|contracts?))(?![^\W\d_])))"
)
_METHOD = re.compile(
    r"(?i)(?<![^\W\d_])(?:(?:actual\s+(?:cost|expense)s?|per\s+diem|allowance|reimbursement)\s+(?:basis|method)|"
    # "Without Itemized Receipt" / "With Itemized Receipt" columns, "Travelers without meal receipts":
    # the same meal is paid at a lower rate when no receipt shows what it cost.
    # "paid with itemized receipts being submitted" is what the claim must carry, no alternative.
    r"without\s+(?:an?\s+)?(?:itemi[sz]ed\s+|original\s+|detailed\s+|meal\s+)?receipts?|"
    r"with\s+(?:an?\s+)?(?:itemi[sz]ed\s+|original\s+|detailed\s+|meal\s+)?receipts?"
    r"(?!\s+(?:being|to\s+be|must\s+be)(?![^\W\d_]))|"
    r"in\s+lieu\s+of\s+receipts?|un-?receipted(?:\s+method)?|"
    # "a standard meal allowance ... when receipts are not available": the claim without receipts.
    r"(?:when|if|where)\s+(?:no\s+)?receipts?\s+(?:are|is)\s+(?:not\s+|un)?available)(?![^\W\d_])"
)
_TRIP = re.compile(
    # "but no overnight stay", "without an overnight stay", "non-overnight meals": the negation is
    # the condition; read alone, "overnight stay" would say the opposite.
    r"(?i)(?<![^\W\d_])(?:(?:no|non-?|not\s+an?|without\s+(?:an?\s+)?)\s*overnight(?:\s+(?:stays?|travel|trips?|"
    r"accommodation|lodging))?|overnight\s+(?:stays?|travel|trips?)|(?:same|single)[- ]day\s+(?:travel|trips?)|"
    r"day\s+trips?|(?:travel|trips?)\s+(?:without|with)\s+(?:an?\s+)?overnight(?:\s+stay)?|"
    r"(?:the\s+)?(?:first\s+(?:and|or|&)\s+last|first|last)\s+days?\s+of\s+(?:travel|the\s+trip)|"
    # The same days said by what the traveller does on them (the federal 75% convention's first
    # and last day): "On days that the traveler leaves home or returns home", "the day of departure
    # and the day of return". "Other than on the days of departure and return" keeps its negation.
    r"(?:(?:other\s+than|except|excluding|apart\s+from|not)\s+(?:on\s+)?(?:the\s+)?)?(?:"
    r"days?\s+(?:that|when|on\s+which)\s+(?:the\s+)?travell?er\s+(?:leaves|departs)(?:\s+(?:from\s+)?home)?"
    r"\s+(?:or|and)\s+returns?(?:\s+home)?|"
    r"days?\s+of\s+departure\s+(?:and|or|&)\s+(?:the\s+days?\s+of\s+)?return)|"
    r"(?:at\s+least|(?:more|greater|farther|further|less|fewer)\s+than|over|under|within|beyond)\s+\d+\s+(?:miles?|km|kilomet(?:er|re)s?|"
    r"hours?|days?|nights?|weeks?)(?:\s+away)?|"
    r"\d+\s+(?:consecutive\s+)?(?:days?|nights?|hours?)\s+or\s+(?:more|longer|less|fewer)|"
    r"(?:exceed(?:s|ing)?|last(?:s|ing)?)\s+(?:more\s+than\s+)?\d+\s+(?:hours?|days?|nights?|weeks?)|"
    r"(?:longer|shorter)\s+than\s+\d+\s+(?:days?|nights?|hours?|weeks?)|"
    r"extended\s+stays?|long[- ]term\s+(?:stays?|assignments?))(?![^\W\d_])"
)
# "(Requiring travel before 7:30 am)", "only if leaving home before 7.00 am": UK subsistence rates
# pay a meal only when the journey starts or ends at certain hours, which no receipt shows.
# An hour of the day, never a date or a year ("before 15 March", "after 2024").
# "8.30pm", "16.00hrs", "16.00 hours", "12 noon": a time of day.
_HOUR = (
    r"\d{1,2}(?:[:.]\d{2}(?!\d)\s*(?:[ap]\.m\.|[ap]m|hours|hrs?|h)?|\s*(?:[ap]\.m\.|[ap]m|hours|hrs?|h|noon))"
)
_TRAVEL_HOURS = re.compile(
    rf"(?i)(?<![^\W\d_])(?:requiring\s+)?(?:travel(?:l?ing)?|leaving\s+(?:home|base|the\s+office)|"
    rf"(?:must\s+)?leav(?:e|ing)|"
    rf"depart(?:ing|ure)|start(?:ing)?\s+(?:travel|the\s+journey)|return(?:ing)?(?:\s+home)?|"
    rf"(?:travel|the\s+journey)\s+(?:starts|begins|ends)|"
    # "Dinner Up to £17 (only after 8.30pm)": a meal row's own hour, said without the journey.
    rf"only)\s+"
    # "must leave by 6:00 a.m." (US school districts' meal tables): by that hour, i.e. before it.
    rf"(?:before|after|by)\s+{_HOUR}(?:\s+and\s+continuing\s+(?:after|beyond|until)\s+{_HOUR})?(?![^\W\d_])"
    # "Lunch Allowance £12.00 (between 12 noon and 16.00hrs)", "Dinner £25 (after 16.00 hours)": the
    # hours of a meal's allowance in a bracket of its own (Scottish councils, as Dartford's "only").
    rf"|(?<=\()\s*(?:(?:before|after)\s+{_HOUR}|between\s+{_HOUR}\s+and\s+{_HOUR})(?=\s*\))"
)
# "60 € je Student und Nacht", "$40 per student": a unit of the amount (per head), no condition.
_PER_ONE = r"(?<!\bje\s)(?<!\bpro\s)(?<!\bper\s)(?<!\bpar\s)(?<!\bpor\s)(?<!\beach\s)(?<!\bevery\s)"
_TRAVELLER = re.compile(
    r"(?i)(?<![^\W\d_])"
    + _PER_ONE
    + r"(?:students?|(?:job\s+)?candidates?|non-?employees?|volunteers?|interns?)(?![^\W\d_])"
)
# "Employee and student meals", "students and staff": a group joined with the employees names
# everyone the policy pays for, so no one group's condition (as both scopes joined are no scope).
_STAFF = r"(?:employees?|staff(?:\s+members?)?|faculty(?:\s+members?)?)"
_WITH_STAFF_BEFORE = re.compile(rf"(?i)(?<![^\W\d_]){_STAFF},?\s+(?:and|&|or)\s+$")
_WITH_STAFF_AFTER = re.compile(rf"(?i),?\s+(?:and|&|or)\s+{_STAFF}(?![^\W\d_])")


def _everyone(text: str, m: re.Match[str]) -> bool:
    """A traveller group joined by "and"/"or" with the employees: the whole staff, no condition."""
    return bool(_WITH_STAFF_BEFORE.search(text, 0, m.start()) or _WITH_STAFF_AFTER.match(text, m.end()))


# The trip's purpose, when a limit holds only for it: "to present a paper", "conference travel",
# "recruiting trips" ("professional development" is an expense kind of its own, training).
_PURPOSE = re.compile(
    r"(?i)(?<![^\W\d_])(?:(?:to\s+)?present(?:ing)?\s+(?:a\s+)?(?:paper|poster|research)|"
    # "who delivers a paper or is a discussant", "students delivering talks": the same part said
    # with "deliver" and the panel's discussant (Boston College, WashU Art History).
    r"(?:to\s+)?deliver(?:s|ing)?\s+(?:a\s+)?(?:papers?|talks?)|(?:is|serves?|serving)\s+(?:as\s+)?a\s+discussant|"
    # The other parts faculty travel funds are granted for, and their absence: "invited to read a
    # paper", "chairing a session", "actively participate" / "not actively participating", "authors
    # of papers", "attend ... without presenting" (Vassar, Union, Mount Holyoke, Washington and Lee,
    # American University's CAS).
    # The negation stays inside the phrase ("do not read a paper", "without active participation"):
    # read alone, the role would tell the reviewer the opposite.
    r"(?:(?:do(?:es)?\s+)?not\s+|without\s+|no\s+)?(?:(?:to\s+)?read(?:s|ing)?\s+a\s+paper|"
    r"chair(?:s|ing)?\s+a\s+session|chair\s+of\s+a\s+session|actively\s+participat(?:e|es|ing)|"
    r"active\s+participation)|"
    r"authors?\s+of\s+(?:a\s+)?papers?|without\s+presenting|"
    r"conference\s+(?:travel|attendance|presentations?|trips?)|"
    r"(?:attend(?:ing|ance\s+at)?|travel(?:l?ing)?\s+to)\s+(?:a\s+|an\s+)?(?:professional\s+)?"
    r"(?:conferences?|workshops?)|"
    r"recruit(?:ing|ment)\s+(?:travel|trips?)|research\s+(?:travel|trips?)|(?:team|athletic)\s+travel)"
    r"(?![^\W\d_])"
)


_EXCEPTION = re.compile(
    r"(?i)\b(?:unless|except\s+(?:when|if|where|for)|sauf\s+(?:si|en\s+cas)|außer\s+(?:wenn|bei)|"
    r"salvo\s+(?:que|en)|a\s+meno\s+che|tenzij)\b[^,;.]*"
)


def governing_in(text: str) -> list[tuple[int, int, str]]:
    """Spans and words of the unchecked conditions a heading, lead-in or sentence part states."""
    found = [
        (m.start(), m.end(), re.sub(r"\s+", " ", m.group(0)).strip())
        for pattern in (_FUNDING, _METHOD, _TRIP, _TRAVELLER, _PURPOSE, _TRAVEL_HOURS)
        for m in pattern.finditer(text)
        if not (pattern is _TRAVELLER and _everyone(text, m))
    ]
    found += durations_in(text)  # "supera le otto ore", "8 – 14 Stunden": in one wording
    found.sort()
    # "... $200 per night unless attending a conference at the hotel": an exception, no condition.
    excepted = [(m.start(), m.end()) for m in _EXCEPTION.finditer(text)]
    out: list[tuple[int, int, str]] = []
    for start, end, words in found:
        if out and start < out[-1][1]:
            continue  # inside a longer phrase already taken
        if any(lo <= start < hi for lo, hi in excepted):
            continue
        out.append((start, end, words))
    return out


def travel_hours_in(text: str) -> list[str]:
    """The hours a journey must start or end at for an allowance ("travel before 7:30 am")."""
    return [re.sub(r"\s+", " ", m.group(0)) for m in _TRAVEL_HOURS.finditer(text)]


def condition_spans(text: str) -> list[tuple[int, int]]:
    """Where a header line names grades, roles, places and scopes ("Tier 1 cities", "Band 3")."""
    spans = [(m.start(), m.end()) for m in _LOCATION.finditer(text)]
    spans += [(start, end) for start, end, _ in cities_in(text)]
    spans += [(m.start(), m.end()) for m in _SCOPE_RE.finditer(text)]
    spans += [(m.start(), m.end()) for m in _GRADE.finditer(text)]
    spans += [(m.start(), m.end()) for m in _ROLE.finditer(text)]
    spans += [(m.start(), m.end()) for m in _OTHERWISE.finditer(text)]
    return spans

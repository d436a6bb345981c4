"""The header row of a per diem breakdown table, as US colleges print the GSA's M&IE tiers:

    Per Diem Rate:   $40  $51  $54  $59
    Breakfast          7   12   13   14
    Lunch             11   14   15   17

The first row names the tiers (one column per daily rate), the rows below split each tier into
meals. The header's amounts are column names, not limits: read as caps, its last amount became a
daily meal limit for every trip.
"""

from __future__ import annotations

import re

# Three or more money amounts in a row with nothing but spaces between them, ending the line.
_AMOUNT = r"\$\s?\d{1,4}(?:\.\d\d)?"
_HEADER = re.compile(rf"(?:{_AMOUNT}\s+){{2,}}{_AMOUNT}\s*$")
# A meal row of three or more bare numbers (no currency sign): the tier's split.
_MEAL_ROW = re.compile(
    r"(?i)\s*(?:breakfast|lunch|dinner|supper|incidentals?|m\s?&\s?ie)\b[\s.:]*\d{1,3}(?:\.\d\d)?"
    r"(?:\s+\d{1,3}(?:\.\d\d)?){2,}"
)


def is_tier_header(sentence: str, following: str) -> bool:
    """True for a row of three or more amounts over a meal row of bare numbers."""
    return _HEADER.search(sentence) is not None and _MEAL_ROW.match(following) is not None

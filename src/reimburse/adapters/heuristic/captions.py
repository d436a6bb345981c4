"""The occasion a limit table's caption names (issue 19).

A caption, the heading right above a table, or the name of its row-header column scopes the rows
below it, as a heading scopes the prose under it: "Meals While Traveling" / "In Town Meals"
(Northwestern), "The maximum per-person food amount for a business meal is as follows:" (Texas
Woman's). A generic caption ("Meal limits", "Maximum per Person", "Rates") names no occasion and
gives no condition. The words themselves are in `occasions`.
"""

from __future__ import annotations

import re

from reimburse.adapters.heuristic.amounts import find_amounts
from reimburse.adapters.heuristic.occasions import CAPTION_OCCASION, NEGATED, TRIP_WORDS

# A caption is a short line or one that leads into the table with a colon; a sentence that ends with
# a full stop is prose, read by the sentence rules.
_CAPTION_WORDS = 14
# "In Town Meals, as permitted by Travel & Entertainment Policy": past the comma or bracket, the
# cell cites the policy that permits the meals, no second occasion.
_CELL_NOTE = re.compile(r"\s*[,(].*$")
# "The department has established spending limits for meals with visitors, interviewees, or student
# groups when ...:" a sentence right above a table that says whose limits the table holds is its
# caption written out; only a hosted occasion right after "limits for" counts.
_LIMITS_FOR = re.compile(r"(?i)(?<![^\W\d_])(?:limits?|maximums?|allowances?)\s+(?:for|on)\s+(?=\S)")


_CLOSING_NOTE = re.compile(r"\s*\([^()]*\)$")


def _caption(text: str) -> bool:
    words = text.split()
    # "Hospitality $50 per person": a line printing money is a row (often the last of the table
    # above), not a caption.
    return (
        bool(words)
        and not find_amounts(text)
        and (text.endswith(":") or (len(words) <= _CAPTION_WORDS and not text.endswith(".")))
    )


def _found(text: str) -> tuple[str, str]:
    """The hosted (or in-town) occasion and the trip a text names, each "" when none."""
    hosted = trip = ""
    for m in CAPTION_OCCASION.finditer(text):
        if NEGATED.search(text, 0, m.start()):
            continue
        if m.group("hosted") and not hosted:
            hosted = " ".join(m.group(0).split())
        elif m.group("trip") and not trip:
            trip = " ".join(m.group(0).split())
    return hosted, trip


def caption_occasion(caption: str, corner: str = "", lead: str = "") -> tuple[str, str]:
    """(hosted, trip): the occasion a table's `caption` (the line above it), `corner` (the name
    of its row-header column) or `lead` (the sentence right above it) names. `hosted` is a
    condition of every row; `trip` ("while traveling") only when the document splits its limits by
    occasion."""
    # "... for non-travel business meals (rates are not inclusive of tax and tip)": a closing
    # bracket says what the amounts include, no part of the caption's length or occasion.
    caption = " ".join(caption.split())
    note = _CLOSING_NOTE.search(caption)
    if note and not any(_found(note.group(0))) and not TRIP_WORDS.search(note.group(0)):
        caption = caption[: note.start()]  # "(when hosting guests)" is the occasion itself: kept
    corner = _CELL_NOTE.sub("", " ".join(corner.split()))
    hosted, trip = _found(corner)
    if _caption(caption):
        above_hosted, above_trip = _found(caption)
        if any(not NEGATED.search(caption, 0, m.start()) for m in TRIP_WORDS.finditer(caption)):
            above_hosted = ""  # "Travel and Entertainment Expense Limits": the traveller's own limits
        hosted, trip = hosted or above_hosted, trip or above_trip
    limits_for = _LIMITS_FOR.search(lead)
    named = CAPTION_OCCASION.match(lead, limits_for.end()) if limits_for else None
    if not hosted and named and named.group("hosted"):
        hosted = " ".join(named.group(0).split())
    return (hosted, "") if hosted else ("", trip)

"""Calendar days on the wire: a date, or a date-time as Dart's `DateTime.toIso8601String()` writes it."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

import msgspec

# 2024-06-01 | 2024-06-01T00:00:00.000 | ...Z | ...+05:30 (Dart writes up to 6 fraction digits)
_DAY = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:[.,]\d{1,9})?)?(?:[zZ]|[+-]\d{2}(?::?\d{2})?)?)?$"
)
DAY_PATTERN = _DAY.pattern
DAY_DESCRIPTION = "a date (2024-06-01) or a date-time (2024-06-01T00:00:00.000, with or without an offset)"

DayText = Annotated[str, msgspec.Meta(max_length=40, pattern=DAY_PATTERN, description=DAY_DESCRIPTION)]


def calendar_day(text: str) -> date:
    """The calendar day as written. The time and offset are dropped, not converted: a client's
    `DateTime(2024, 6, 1)` means June 1st wherever it runs, and shifting it to UTC could move it
    to May 31st. Raises ValueError for text that is no real day."""
    match = _DAY.match(text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not a date")
    year, month, day = (int(g) for g in match.groups())
    return date(year, month, day)

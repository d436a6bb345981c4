"""A Clock that always says the same day: date-relative questions ("last month") become testable."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta


class FixedClock:
    def __init__(self, today: date) -> None:
        self._today = today
        self._ticks = 0

    def today(self) -> date:
        return self._today

    def now(self) -> datetime:
        # distinct, increasing instants on the fixed day, so message order is well defined
        self._ticks += 1
        return datetime(self._today.year, self._today.month, self._today.day, 12, tzinfo=UTC) + timedelta(
            microseconds=self._ticks
        )

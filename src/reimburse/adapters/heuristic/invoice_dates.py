"""Invoice dates: the invoice date by label priority, every date printed, and a hotel stay's
check-in, check-out and number of nights."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from reimburse.adapters.heuristic.dates import DateMatch, find_dates, writes_month_first
from reimburse.adapters.heuristic.label_values import label_hits, label_value
from reimburse.adapters.heuristic.labels import Label, LabelHit
from reimburse.adapters.heuristic.totals import LineInfo

_NIGHTS = re.compile(
    r"(?i)(?<!\d)(\d{1,2})\s*(?:room\s*)?(?:nights?|nts?\.?(?![^\W\d_])|nächte|nacht|nuits?|nuitées?|"
    r"nachten|noches|notti)(?![^\W\d_])"
    r"|(?:nights?|no\.?\s*of\s*nights|number\s*of\s*nights|nächte|nuits|nachten|noches)\s*[:\-]?\s*(\d{1,2})(?!\d)"
)


@dataclass(frozen=True)
class DateReading:
    invoice_date: date | None
    confidence: float
    dates: tuple[date, ...]
    period_start: date | None
    period_end: date | None
    nights: int | None


def _datelabel_value(infos: list[LineInfo], i: int, hit: LabelHit, month_first: bool) -> date | None:
    found = find_dates(label_value(infos, i, hit), month_first)
    return found[0].value if found else None


def read_dates(infos: list[LineInfo], text: str, *, stay: bool) -> DateReading:
    """Invoice date by label priority; check-in/out and nights only for stays (a flight's
    "Departure"/"Arrival" are not a period)."""
    month_first = writes_month_first(text)
    every: list[DateMatch] = find_dates(text, month_first)
    dates = tuple(dict.fromkeys(d.value for d in every))
    invoice_date, confidence = None, 0.0
    for label, conf in ((Label.INVOICE_DATE, 0.9), (Label.DATE, 0.8), (Label.TRAVEL_DATE, 0.7)):
        found = [d for i, h in label_hits(infos, label) if (d := _datelabel_value(infos, i, h, month_first))]
        if found:
            invoice_date, confidence = found[0], conf
            break
    if not stay:
        return DateReading(
            invoice_date or (dates[0] if dates else None),
            confidence or 0.5 * bool(dates),
            dates,
            None,
            None,
            None,
        )
    start = next(
        (
            d
            for i, h in label_hits(infos, Label.CHECK_IN)
            if (d := _datelabel_value(infos, i, h, month_first))
        ),
        None,
    )
    end = next(
        (
            d
            for i, h in label_hits(infos, Label.CHECK_OUT)
            if (d := _datelabel_value(infos, i, h, month_first))
        ),
        None,
    )
    if start is None or end is None:
        start, end = _stay_line(infos, month_first) or (start, end)
    nights = _nights(text)
    if nights is None and start and end and end > start:
        nights = (end - start).days
    if invoice_date is None and end is not None:
        invoice_date, confidence = end, 0.6
    if invoice_date is None and dates:
        invoice_date, confidence = dates[0], 0.5
    return DateReading(invoice_date, confidence, dates, start, end, nights)


def _stay_line(infos: list[LineInfo], month_first: bool) -> tuple[date, date] | None:
    """'Stay: 12 Dec 2024 - 14 Dec 2024' / 'Period 12.12.2024 to 14.12.2024'."""
    for info in infos:
        if re.search(
            r"(?i)\b(stay|period|dates? of stay|aufenthalt|séjour|verblijf|estancia|soggiorno)\b", info.text
        ):
            found = find_dates(info.text, month_first)
            if len(found) >= 2:
                return found[0].value, found[1].value
    return None


def _nights(text: str) -> int | None:
    m = _NIGHTS.search(text)
    if m is None:
        return None
    value = int(m.group(1) or m.group(2))
    return value if 0 < value <= 60 else None

"""The offline vendor reader on a plain text, for the vendor tests."""

from __future__ import annotations

from reimburse.adapters.heuristic.fields import read_vendor
from reimburse.adapters.heuristic.text import normalize
from reimburse.adapters.heuristic.totals import analyse_lines


def vendor_of(text: str) -> str | None:
    """The vendor read from `text`, its lines as the reader splits them (None: no vendor)."""
    return read_vendor(analyse_lines(normalize(text).split("\n")))[0]

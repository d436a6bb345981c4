"""Invoice batches and SSE reading shared by the crash and load tests.

Batches are generated from a seeded RNG: varied vendors, amounts and dates, so the verdicts
cover full, partial and declined, and every batch has invoice numbers of its own (no two
batches share a file, so a re-upload never hides a lost write).
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tests.conftest import cab_invoice, make_zip, meal_invoice

EMPLOYEE = "Rani Sharma"
SUBMITTED_ON = "2024-12-31"


def invoice_batch(rng: random.Random, tag: str, count: int) -> bytes:
    """A ZIP of `count` small invoices; `tag` makes every file (and so every invoice id) unique."""
    files: dict[str, bytes] = {}
    for i in range(count):
        day = rng.randint(1, 28)
        month = rng.choice((10, 11, 12))  # October is past the 30-day deadline: declined
        when = f"{day:02d}/{month:02d}/2024"
        if rng.random() < 0.6:
            total = f"{rng.randint(80, 900)}.{rng.randint(0, 99):02d}"
            files[f"{tag}-cab-{i:03d}.pdf"] = cab_invoice(f"{tag}-C{i}", total, when)
        else:
            food = f"{rng.randint(200, 1400)}.00"
            beer = f"{rng.choice((0, 150, 400))}.00"
            files[f"{tag}-meal-{i:03d}.pdf"] = meal_invoice(f"{tag}-M{i}", food, beer, when)
    return make_zip(files)


def sse_events(lines: Iterator[str]) -> Iterator[dict[str, Any]]:
    """The `data:` events of an SSE stream, decoded; `: ping` comments are skipped."""
    for line in lines:
        if line.startswith("data: "):
            yield json.loads(line[len("data: ") :])


def record_figures(name: str, figures: dict[str, Any]) -> None:
    """Prints the figures; also writes them to $RELIABILITY_FIGURES_DIR/<name>.json when set."""
    text = json.dumps(figures, indent=2, sort_keys=True, default=str)
    print(f"\n{name} figures:\n{text}")
    target = os.environ.get("RELIABILITY_FIGURES_DIR")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        (Path(target) / f"{name}.json").write_text(text + "\n", encoding="utf-8")

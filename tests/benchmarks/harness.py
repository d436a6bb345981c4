"""What every benchmark shares: sizes, figures (runs -> median/min/max), goals and sections.

A figure keeps every run's value. The report shows the median with min and max, and a goal is
judged on the median. Headline figures are ratios against a baseline measured in the same run,
because on a shared machine absolute times say little on their own.
"""

from __future__ import annotations

import math
import statistics
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal

Op = Literal["<", "<=", ">", ">="]


@dataclass(frozen=True)
class Profile:
    """Sizes and repetitions. FULL is what `make bench` runs; QUICK is for development."""

    name: str
    runs: int
    llm_invoices: int
    llm_sequential_invoices: int
    llm_latency: float
    llm_concurrency: int
    offline_invoices: int
    chat_sizes: tuple[int, ...]
    chat_repeats: int
    memory_invoices: int
    memory_pad_bytes: int
    sse_invoices: int
    sse_requests: int
    ingest_points: int
    ingest_batch: int
    ingest_path_points: int
    backup_invoices: int = 10_000
    load_batch_invoices: int = 200
    load_idle_seconds: float = 4.0


FULL = Profile(
    name="full",
    runs=5,
    llm_invoices=100,
    llm_sequential_invoices=20,
    llm_latency=0.4,
    llm_concurrency=16,
    offline_invoices=200,
    chat_sizes=(1_000, 10_000, 100_000),
    chat_repeats=20,
    memory_invoices=500,
    memory_pad_bytes=200 * 1024,
    sse_invoices=5,
    sse_requests=10,
    ingest_points=20_000,
    ingest_batch=500,
    ingest_path_points=1_000,
)

QUICK = Profile(
    name="quick",
    runs=2,
    llm_invoices=16,
    llm_sequential_invoices=4,
    llm_latency=0.2,
    llm_concurrency=16,
    offline_invoices=20,
    chat_sizes=(300, 2_000),
    chat_repeats=5,
    memory_invoices=40,
    memory_pad_bytes=200 * 1024,
    sse_invoices=3,
    sse_requests=3,
    ingest_points=2_000,
    ingest_batch=500,
    ingest_path_points=200,
    backup_invoices=2_000,
    load_batch_invoices=40,
    load_idle_seconds=2.0,
)


@dataclass(frozen=True)
class Goal:
    op: Op
    value: float
    text: str  # as the issue states it, e.g. ">= 10x"

    def met(self, measured: float) -> bool:
        return {
            "<": measured < self.value,
            "<=": measured <= self.value,
            ">": measured > self.value,
            ">=": measured >= self.value,
        }[self.op]


@dataclass
class Figure:
    label: str
    unit: str
    runs: list[float] = field(default_factory=list)
    goal: Goal | None = None
    headline: bool = False  # in the summary table

    def add(self, value: float) -> None:
        self.runs.append(value)

    @property
    def median(self) -> float:
        return statistics.median(self.runs) if self.runs else math.nan

    @property
    def low(self) -> float:
        return min(self.runs) if self.runs else math.nan

    @property
    def high(self) -> float:
        return max(self.runs) if self.runs else math.nan

    @property
    def met(self) -> bool | None:
        if self.goal is None or not self.runs:
            return None
        return self.goal.met(self.median)


@dataclass
class Section:
    """One item of the issue: its figures, how they were measured, and what bounds them."""

    number: int
    title: str
    figures: list[Figure] = field(default_factory=list)
    method: list[str] = field(default_factory=list)  # markdown paragraphs
    notes: list[str] = field(default_factory=list)  # markdown paragraphs, written from this run's numbers
    seconds: float = 0.0

    def figure(self, label: str, unit: str, goal: Goal | None = None, *, headline: bool = False) -> Figure:
        found = Figure(label, unit, goal=goal, headline=headline)
        self.figures.append(found)
        return found

    def get(self, label: str) -> Figure:
        return next(f for f in self.figures if f.label == label)


def percentile(samples: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100): a value that was actually observed."""
    ordered = sorted(samples)
    if not ordered:
        return math.nan
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


class Stopwatch:
    def __init__(self) -> None:
        self.seconds = 0.0


@contextmanager
def stopwatch() -> Iterator[Stopwatch]:
    watch = Stopwatch()
    started = time.perf_counter()
    try:
        yield watch
    finally:
        watch.seconds = time.perf_counter() - started


def log(message: str) -> None:
    """Progress on stderr, so a long run shows where it is."""
    sys.stderr.write(f"[bench {time.strftime('%H:%M:%S')}] {message}\n")
    sys.stderr.flush()

"""The console table and docs/benchmarks.md, both from the same sections."""

from __future__ import annotations

import math
from collections.abc import Sequence

from tests.benchmarks.harness import Figure, Profile, Section
from tests.benchmarks.machine import Machine


def number(value: float, unit: str) -> str:
    if math.isnan(value):
        return "n/a"
    magnitude = abs(value)
    if magnitude >= 1000:
        text = f"{value:,.0f}"
    elif magnitude >= 100:
        text = f"{value:.0f}"
    elif magnitude >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.2f}"
    return f"{text}x" if unit == "x" else f"{text} {unit}"


def verdict(figure: Figure) -> str:
    if figure.met is None:
        return ""
    return "met" if figure.met else "MISSED"


def _rows(sections: Sequence[Section], headline_only: bool) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for section in sections:
        for f in section.figures:
            if headline_only and not f.headline:
                continue
            rows.append(
                (
                    str(section.number),
                    f.label,
                    number(f.median, f.unit),
                    number(f.low, f.unit),
                    number(f.high, f.unit),
                    str(len(f.runs)),
                    f.goal.text if f.goal else "",
                    verdict(f),
                )
            )
    return rows


HEADER = ("#", "figure", "median", "min", "max", "runs", "goal", "")


def console_table(sections: Sequence[Section]) -> str:
    rows = [HEADER, *_rows(sections, headline_only=False)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(HEADER))]
    lines = []
    for n, row in enumerate(rows):
        cells = [
            c.rjust(w) if 2 <= i <= 5 else c.ljust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _md_table(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> list[str]:
    def esc(cell: str) -> str:
        return cell.replace("|", "\\|")

    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(esc(c) for c in row) + " |" for row in rows]
    return out


def markdown(
    sections: Sequence[Section], machine: Machine, profile: Profile, load_at_end: str, seconds: float
) -> str:
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`python -m tests.benchmarks.run`); do not edit by hand. Every figure is "
        f"the median of {profile.runs} runs, with the smallest and largest run beside it. Headline "
        "figures are ratios against a baseline measured in the same run, interleaved with it, because "
        "this machine is shared and its absolute speed varies from minute to minute. Goals are judged "
        "on the median.",
        "",
        "## Machine",
        "",
        f"- Run: {machine.started}, profile `{profile.name}`, {seconds / 60:.1f} minutes in all",
        f"- CPU: {machine.cores} cores, {machine.cpu}; memory {machine.memory}",
        f"- System: {machine.system}; {machine.python}",
        f"- Load average (1/5/15 min) at start: {machine.load_at_start}; at end: {load_at_end} "
        "(other work shared these cores during the run)",
        f"- Commit: {machine.commit}",
        "- Packages: " + ", ".join(f"{name} {version}" for name, version in machine.packages),
        "",
        "## Summary",
        "",
    ]
    lines += _md_table(_rows(sections, headline_only=True), HEADER)
    for section in sections:
        lines += ["", f"## {section.number}. {section.title}", ""]
        for paragraph in section.method:
            lines += [paragraph, ""]
        lines += _md_table(_rows([section], headline_only=False), HEADER)
        if section.notes:
            lines.append("")
        for paragraph in section.notes:
            lines += [paragraph, ""]
        lines.append(f"_Section time: {section.seconds:.0f} s._")
    lines.append("")
    return "\n".join(lines)

"""`make bench`: runs the benchmarks, prints a table, writes the report.

    .venv/bin/python -m tests.benchmarks.run                    # full sizes -> docs/benchmarks.md
    .venv/bin/python -m tests.benchmarks.run --quick --only 1 3 # small sizes, printed only

Not collected by pytest (pyproject's addopts ignore tests/benchmarks). CI runs no benchmark.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.harness import FULL, QUICK, Section, log
from tests.benchmarks.machine import describe, load_average
from tests.benchmarks.report import console_table, markdown

DEFAULT_OUT = Path(__file__).resolve().parents[2] / "docs" / "benchmarks.md"
# number -> module; each has run(profile, work_dir) -> Section
BENCHMARKS = {
    1: "tests.benchmarks.llm_loop",
    2: "tests.benchmarks.offline_throughput",
    3: "tests.benchmarks.chat_scale",
    4: "tests.benchmarks.memory",
    5: "tests.benchmarks.sse_first_event",
    6: "tests.benchmarks.ingest",
    7: "tests.benchmarks.backup_restore",
    8: "tests.benchmarks.ocr_throughput",
    9: "tests.benchmarks.loaded_listing",
    10: "tests.benchmarks.durable_write",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="small sizes and 2 runs, for development")
    parser.add_argument(
        "--only", type=int, nargs="+", choices=sorted(BENCHMARKS), help="run these items only"
    )
    parser.add_argument("--out", type=Path, help=f"report path (default: {DEFAULT_OUT} for a full run)")
    args = parser.parse_args(argv)
    profile = QUICK if args.quick else FULL
    out = args.out or (DEFAULT_OUT if not args.quick and not args.only else None)
    machine = describe()
    started = time.perf_counter()
    sections: list[Section] = []
    with tempfile.TemporaryDirectory(prefix="reimburse-bench-") as tmp:
        for number in args.only or sorted(BENCHMARKS):
            module = importlib.import_module(BENCHMARKS[number])
            log(f"{number}. {module.__name__.rsplit('.', 1)[-1]} ...")
            work = Path(tmp) / f"item{number}"
            work.mkdir()
            t0 = time.perf_counter()
            section: Section = module.run(profile, work)
            section.seconds = time.perf_counter() - t0
            sections.append(section)
            log(f"{number}. done in {section.seconds:.0f} s")
    elapsed = time.perf_counter() - started
    print()
    print(console_table(sections))
    print(f"\n{profile.name} profile, {elapsed / 60:.1f} min, load average now {load_average()}")
    if out is not None:
        out.write_text(markdown(sections, machine, profile, load_average(), elapsed), encoding="utf-8")
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

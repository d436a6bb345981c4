"""2. Offline throughput: the whole pipeline vs reading the same PDFs' text once, in series.

Baseline: plain `pdfplumber` `extract_text()` of every file, one after another, in this process.
Measured: `POST /api/v1/analyze-invoices` on a real offline server (pdfplumber reader in the process
pool, heuristic policy and invoice readers, verdict engine, one durable Qdrant Edge write), with
`WORKERS=1` and with `WORKERS=2`. Each run measures the three back to back on the same files.
"""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

import httpx
import pdfplumber

from reimburse.adapters.pdf.pdfplumber_document_reader import PdfplumberDocumentReader
from tests.benchmarks.corpus import (
    EXAMPLE_EMPLOYEE,
    EXAMPLE_POLICY,
    EXAMPLE_SUBMITTED_ON,
    example_invoices,
    example_kinds,
    zip_bytes,
)
from tests.benchmarks.harness import Goal, Profile, Section, log, stopwatch
from tests.benchmarks.servers import analyse, running_server


def service_reader(files: dict[str, bytes]) -> int:
    """The service's own PDF reader for invoices, in series: separates reading from the rest of
    the pipeline."""
    reader = PdfplumberDocumentReader(tables=False)  # as the container's invoice reader
    return sum(len(reader.read(data, name).text) for name, data in files.items())


def plain_text(files: dict[str, bytes]) -> int:
    """The baseline: every file's text through pdfplumber, in series. Returns the characters read."""
    chars = 0
    for data in files.values():
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            chars += len("\n".join(page.extract_text() or "" for page in pdf.pages))
    return chars


def tree_cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process and its living descendants (the pool's workers).
    CPU time does not depend on what else the machine runs, unlike the wall times above."""
    ticks, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (FileNotFoundError, ProcessLookupError):  # ended meanwhile
            continue
    return ticks / os.sysconf("SC_CLK_TCK")


def run(profile: Profile, work: Path) -> Section:
    n = profile.offline_invoices
    section = Section(2, "Offline throughput")
    ratio = {
        w: section.figure(
            f"pipeline time / plain extract_text time, WORKERS={w}",
            "x",
            Goal("<=", 1.0, "<= 1.0x"),
            headline=True,
        )
        for w in (1, 2)
    }
    scaling = section.figure("pipeline speedup, WORKERS=2 vs WORKERS=1", "x")
    cpu_ratio = {
        w: section.figure(f"pipeline CPU (server and workers) / plain extract_text CPU, WORKERS={w}", "x")
        for w in (1, 2)
    }
    reader_ratio = section.figure("service PDF reader alone, in series / plain extract_text", "x")
    rate_plain = section.figure(f"plain extract_text, {n} files in series", "inv/s")
    rate = {w: section.figure(f"pipeline, WORKERS={w}", "inv/s") for w in (1, 2)}

    policy = EXAMPLE_POLICY.read_bytes()
    batches = [example_invoices(n, f"run{i}") for i in range(profile.runs)]
    zips = [zip_bytes(files) for files in batches]
    warm = zip_bytes(example_invoices(4, "warm"))
    with (
        running_server(work, "offline-w1", WORKERS="1") as one,
        running_server(work, "offline-w2", WORKERS="2") as two,
        httpx.Client() as client,
    ):
        servers = {1: one, 2: two}
        for server in servers.values():  # caches the policy reading, starts the process pool
            analyse(client, server.base, warm, policy, EXAMPLE_EMPLOYEE, EXAMPLE_SUBMITTED_ON)
        for i, (files, zip_data) in enumerate(zip(batches, zips, strict=True), start=1):
            cpu_before = time.process_time()
            with stopwatch() as base:
                if plain_text(files) == 0:
                    raise AssertionError("the baseline read no text")
            plain_cpu = time.process_time() - cpu_before
            with stopwatch() as alone:
                service_reader(files)
            reader_ratio.add(alone.seconds / base.seconds)
            times = {}
            for workers, server in servers.items():
                cpu_before = tree_cpu_seconds(server.pid)
                with stopwatch() as watch:
                    summary = analyse(
                        client, server.base, zip_data, policy, EXAMPLE_EMPLOYEE, EXAMPLE_SUBMITTED_ON
                    )
                cpu_ratio[workers].add((tree_cpu_seconds(server.pid) - cpu_before) / plain_cpu)
                if summary["processed_invoices"] != n:
                    raise AssertionError(f"{summary['processed_invoices']} of {n} invoices analysed")
                times[workers] = watch.seconds
                ratio[workers].add(watch.seconds / base.seconds)
                rate[workers].add(n / watch.seconds)
            rate_plain.add(n / base.seconds)
            scaling.add(times[1] / times[2])
            log(f"2. run {i}: plain {base.seconds:.2f} s, pipeline w1 {times[1]:.2f} s, w2 {times[2]:.2f} s")

    section.method = [
        f"{n} one-page invoices: the {example_kinds()} readable one-page layouts of `docs/examples` "
        f"(GST tax invoices with item tables, thermal receipts, ride receipts, tickets, hotel bills, "
        f"European receipts), cycled, each copy made byte-unique with a trailing PDF comment. "
        f"**Baseline**: `pdfplumber.open(...)` and `page.extract_text()` for every file, in series, in "
        f"the benchmark process. **Pipeline**: one `POST /api/v1/analyze-invoices` to a real offline "
        f"`reimburse serve` (heuristic readers, Qdrant Edge), from the upload to the response with all "
        f"{n} verdicts stored (one durable write); everything the service does per invoice is inside: "
        f"unzip, hash, PDF checks and text (pdfplumber, in the process pool), invoice reading, "
        f"duplicate lookups, the verdict, the store. Two servers run side by side, `WORKERS=1` and "
        f"`WORKERS=2`; each run times the baseline then both servers on the same files. A warm-up "
        f"request first starts the process pool and caches the policy reading.",
    ]
    section.notes = [
        f"The service's reader alone, in series, takes {reader_ratio.median:.2f}x the time of "
        f"`extract_text` (it builds lines from pdfminer's layout objects directly instead of going "
        f"through pdfplumber's per-character dicts, and invoices skip the ruled-table search only "
        f"policies need). Since the event loop was kept free (issue 15), the invoice reading runs "
        f"in the process pool too: one task per file reads the PDF (parsed once) and extracts the "
        f"invoice. Each file's original is stored as soon as it is read, while the worker reads the "
        f"next; the batch is decided in one order (invoice date, then ZIP order) after every file "
        f"is read, and its store look-ups start together when deciding begins. With `WORKERS=1` "
        f"one worker process therefore does nearly all the CPU work while the server process "
        f"mostly waits: the pipeline's CPU time (server and workers) is "
        f"{cpu_ratio[1].median:.2f}x the baseline's; overlap can bring the wall time down to the "
        f"worker's share of it, not below. A second worker gives {scaling.median:.2f}x (on 2 cores it competes with "
        f"the server process and, during this run, with other jobs). The workers run at a lower "
        f"priority (`WORKER_NICENESS`) than the baseline, so other load on the machine slows the "
        f"pipeline more than the baseline; the CPU ratios do not depend on it.",
    ]
    return section

"""4. Memory: peak RSS of a real server while it accepts and analyses a ~100 MB ZIP, against idle.

Each run starts a fresh offline server (WORKERS=2), warms it with a small analysis (process pool
started, policy read), takes its idle RSS, resets the kernel's peak mark (/proc/<pid>/clear_refs)
and uploads the big ZIP to POST /api/v1/analyze-invoices. Peak = VmHWM of the server process.
"""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.benchmarks.corpus import pad_pdf, simple_invoices, write_zip, zip_bytes
from tests.benchmarks.harness import Goal, Profile, Section, log, stopwatch
from tests.benchmarks.servers import analyse, memory_kib, reset_peak, running_server
from tests.conftest import policy_pdf

MIB = 1024 * 1024
EMPLOYEE = "Rani Sharma"


def build_zip(path: Path, count: int, pad_to: int) -> tuple[int, int]:
    """Writes the ZIP; returns (its size, the total size of the PDFs in it)."""
    files = {
        name: pad_pdf(data, pad_to, seed=i)
        for i, (name, data) in enumerate(simple_invoices(count, "mem").items())
    }
    return write_zip(path, files), sum(len(d) for d in files.values())


def _upload(client: httpx.Client, base: str, zip_path: Path, policy: bytes) -> dict[str, object]:
    with zip_path.open("rb") as handle:  # streamed from disk by httpx, in chunks
        response = client.post(
            f"{base}/api/v1/analyze-invoices",
            data={"employee_name": EMPLOYEE, "submitted_on": "2024-12-31"},
            files={
                "policy_file": ("policy.pdf", policy, "application/pdf"),
                "invoices_zip": ("invoices.zip", handle, "application/zip"),
            },
            timeout=1800,
        )
    if response.status_code != 200:
        raise AssertionError(f"upload failed ({response.status_code}): {response.text[:300]}")
    body: dict[str, object] = response.json()
    return body


def run(profile: Profile, work: Path) -> Section:
    n = profile.memory_invoices
    section = Section(4, "Memory while accepting and analysing a big ZIP")
    above = section.figure(
        "peak RSS - idle RSS, server process", "MiB", Goal("<", 150, "< 150 MB"), headline=True
    )
    of_zip = section.figure("(peak - idle) / ZIP size", "x", headline=True)
    peak_over_idle = section.figure("peak RSS / idle RSS, server process", "x")
    idle = section.figure("idle RSS (after a warm-up analysis)", "MiB")
    peak = section.figure("peak RSS (VmHWM)", "MiB")
    workers = section.figure("largest peak RSS of a PDF worker process", "MiB")
    seconds = section.figure(f"request time (upload + {n} invoices)", "s")

    zip_path = work / "big.zip"
    zip_size, pdf_bytes = build_zip(zip_path, n, profile.memory_pad_bytes)
    log(f"4. ZIP of {n} PDFs: {zip_size / MIB:.1f} MiB ({pdf_bytes / MIB:.1f} MiB of PDFs)")
    policy = policy_pdf()
    warm = zip_bytes(simple_invoices(4, "mem-warm"))
    for i in range(1, profile.runs + 1):
        with running_server(work, f"memory-{i}", WORKERS="2") as server, httpx.Client() as client:
            analyse(client, server.base, warm, policy, EMPLOYEE, "2024-12-31")
            children = list(server.children_memory_kib())
            for pid in [server.pid, *children]:
                reset_peak(pid)
            before = memory_kib(server.pid)["VmRSS"]
            with stopwatch() as watch:
                summary = _upload(client, server.base, zip_path, policy)
            after = memory_kib(server.pid)["VmHWM"]
            child_peaks = [m.get("VmHWM", 0) for m in server.children_memory_kib().values()]
        if summary["processed_invoices"] != n:
            raise AssertionError(f"{summary['processed_invoices']} of {n} invoices analysed")
        idle.add(before / 1024)
        peak.add(after / 1024)
        above.add((after - before) / 1024)
        of_zip.add((after - before) * 1024 / zip_size)
        peak_over_idle.add(after / before)
        workers.add(max(child_peaks, default=0) / 1024)
        seconds.add(watch.seconds)
        log(f"4. run {i}: idle {before / 1024:.0f} MiB, peak {after / 1024:.0f} MiB, {watch.seconds:.1f} s")

    section.method = [
        f"A ZIP of {n} one-page invoices (cab and restaurant receipts), each padded to "
        f"{profile.memory_pad_bytes // 1024} KiB with an incremental-update PDF object of random bytes "
        f"(incompressible, like an embedded photo; the PDF stays valid and its text unchanged): "
        f"{zip_size / MIB:.1f} MiB compressed, {pdf_bytes / MIB:.1f} MiB of PDFs. Each run starts a "
        f"fresh `reimburse serve` (offline, `WORKERS=2`), makes one small warm-up analysis (starts the "
        f"process pool, caches the policy), reads the idle `VmRSS`, resets the peak mark of the server "
        f"and its workers (`/proc/<pid>/clear_refs`), uploads the ZIP from disk to "
        f"`POST /api/v1/analyze-invoices` and reads `VmHWM` once the response is in. The baseline is "
        f"the same process's idle RSS; (peak - idle) / ZIP size shows that the upload is not held in "
        f"memory (Litestar spools multipart files to a `SpooledTemporaryFile`, 1 MiB in memory, then "
        f"disk; the archive is read entry by entry from there).",
    ]
    section.notes = [
        f"PDF workers are separate processes and not in the server's figure; their largest peak "
        f"({workers.median:.0f} MiB) is listed for completeness. Each worker holds one invoice at a "
        f"time (at most {profile.memory_pad_bytes // 1024} KiB of PDF plus pdfminer's objects).",
    ]
    return section

"""Real `reimburse serve` processes for the benchmarks, and the requests they answer.

Built on tests/server_process.py. Every server gets its own data dir, a rate limit out of the
way, and quiet logs (a benchmark must not measure log formatting).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from tests.server_process import ServerProcess

QUIET = {"LOG_LEVEL": "WARNING", "RATE_LIMIT_PER_MINUTE": "1000000"}


@contextmanager
def running_server(work: Path, name: str, **env: str) -> Iterator[ServerProcess]:
    server = ServerProcess(work / name / "data", **{**QUIET, **env})
    try:
        server.start(timeout=90)
        yield server
    finally:
        server.stop()


def analysis_form(
    zip_data: bytes, policy: bytes, employee: str, submitted_on: str | None = None
) -> tuple[dict[str, str], dict[str, tuple[str, bytes, str]]]:
    data = {"employee_name": employee}
    if submitted_on:
        data["submitted_on"] = submitted_on
    files = {
        "policy_file": ("policy.pdf", policy, "application/pdf"),
        "invoices_zip": ("invoices.zip", zip_data, "application/zip"),
    }
    return data, files


def analyse(
    client: httpx.Client,
    base: str,
    zip_data: bytes,
    policy: bytes,
    employee: str,
    submitted_on: str | None = None,
) -> dict[str, Any]:
    """POST /analyze-invoices; the parsed summary (raises on any status but 200)."""
    data, files = analysis_form(zip_data, policy, employee, submitted_on)
    response = client.post(f"{base}/api/v1/analyze-invoices", data=data, files=files, timeout=900)
    if response.status_code != 200:
        raise AssertionError(f"analysis failed ({response.status_code}): {response.text[:500]}")
    body: dict[str, Any] = response.json()
    return body


def flag_codes(summary: dict[str, Any]) -> set[str]:
    return {flag["code"] for result in summary["results"] for flag in result["flags"]}


def reset_peak(pid: int) -> None:
    """Resets the kernel's peak-RSS mark (VmHWM) of `pid` to its current RSS."""
    Path(f"/proc/{pid}/clear_refs").write_text("5")


def memory_kib(pid: int) -> dict[str, int]:
    values: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0])
    return values

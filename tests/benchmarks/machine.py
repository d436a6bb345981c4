"""The machine a benchmark ran on: cores, CPU, memory, load, Python and the package versions."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

PACKAGES = (
    "litestar",
    "uvicorn",
    "httpx",
    "msgspec",
    "pdfplumber",
    "pdfminer.six",
    "qdrant-edge-py",
    "qdrant-client",
    "google-genai",
    "reportlab",
)


def _first(path: str, key: str) -> str:
    try:
        for line in Path(path).read_text().splitlines():
            name, _, value = line.partition(":")
            if name.strip() == key:
                return value.strip()
    except OSError:
        pass
    return "unknown"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=5, check=False
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    commit = out.stdout.strip() or "unknown"
    return f"{commit} (with uncommitted changes)" if dirty.stdout.strip() else commit


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


@dataclass(frozen=True)
class Machine:
    started: str
    cores: int
    cpu: str
    memory: str
    system: str
    python: str
    commit: str
    load_at_start: str
    packages: tuple[tuple[str, str], ...]


def describe() -> Machine:
    mem_kib = _first("/proc/meminfo", "MemTotal").split()[0]
    memory = f"{int(mem_kib) / 1024 / 1024:.1f} GiB" if mem_kib.isdigit() else "unknown"
    return Machine(
        started=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        cores=os.cpu_count() or 0,
        cpu=_first("/proc/cpuinfo", "model name"),
        memory=memory,
        system=f"{platform.system()} {platform.release()} ({platform.machine()})",
        python=f"{platform.python_implementation()} {sys.version.split()[0]}",
        commit=_commit(),
        load_at_start=load_average(),
        packages=tuple((p, _version(p)) for p in PACKAGES),
    )

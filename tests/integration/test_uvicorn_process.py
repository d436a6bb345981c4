"""The real thing: `reimburse serve` in its own process, spoken to over loopback HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import analysis_files


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(data_dir: Path, port: int, **env: str) -> subprocess.Popen[bytes]:
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("GOOGLE_", "QDRANT_", "GEMINI_"))},
        "DATA_DIR": str(data_dir),
        "LOG_DIR": str(data_dir.parent / "logs"),
        "ENV_FILE": str(data_dir.parent / "none.env"),
        "WORKERS": "1",
        **env,
    }
    return subprocess.Popen(
        [sys.executable, "-m", "reimburse.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def wait_ready(base: str, process: subprocess.Popen[bytes], timeout: float = 30) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if process.poll() is not None:
            out = process.stdout.read().decode() if process.stdout else ""
            raise AssertionError(f"server exited: {out}")
        try:
            if httpx.get(f"{base}/api/v1/health/quick", timeout=1).status_code == 200:
                return time.perf_counter() - started
        except httpx.HTTPError:
            time.sleep(0.05)
    raise AssertionError("server did not become ready")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    process = start_server(tmp_path / "data", port)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ready(base, process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=15)


def test_real_server_analyses_and_streams(server: str) -> None:
    form = {"employee_name": "Rani Sharma", "submitted_on": "2024-12-31"}
    response = httpx.post(f"{server}/api/v1/analyze-invoices", data=form, files=analysis_files(), timeout=60)
    assert response.status_code == 200, response.text
    assert response.json()["processed_invoices"] == 3
    with httpx.stream(
        "POST", f"{server}/api/v1/analyze-invoices-stream", data=form, files=analysis_files(), timeout=60
    ) as stream:
        kinds = [line.split('"type":"')[1].split('"')[0] for line in stream.iter_lines() if line.startswith("data: ")]
    assert kinds[0] == "metadata" and kinds[-1] == "done"
    assert httpx.get(f"{server}/api/v1/invoices").json()["total"] == 3


def test_second_server_on_same_data_dir_fails_clearly(server: str, tmp_path: Path) -> None:
    process = start_server(tmp_path / "data", _free_port())
    try:
        process.wait(timeout=30)
        output = process.stdout.read().decode() if process.stdout else ""
    finally:
        process.kill()
    assert process.returncode != 0
    assert "single-process" in output or "in use by another process" in output

"""The real thing: `reimburse serve` in its own process, spoken to over loopback HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import analysis_files
from tests.server_process import end_server, free_port, start_server, wait_ready


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    port = free_port()
    process = start_server(tmp_path / "data", port)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ready(base, process)
        yield base
    finally:
        end_server(process)  # the server, its PDF workers and its resource tracker


def test_real_server_analyses_and_streams(server: str) -> None:
    form = {"employee_name": "Rani Sharma", "submitted_on": "2024-12-31"}
    response = httpx.post(f"{server}/api/v1/analyze-invoices", data=form, files=analysis_files(), timeout=60)
    assert response.status_code == 200, response.text
    assert response.json()["processed_invoices"] == 3
    with httpx.stream(
        "POST", f"{server}/api/v1/analyze-invoices-stream", data=form, files=analysis_files(), timeout=60
    ) as stream:
        kinds = [
            line.split('"type":"')[1].split('"')[0]
            for line in stream.iter_lines()
            if line.startswith("data: ")
        ]
    assert kinds[0] == "metadata" and kinds[-1] == "done"
    assert httpx.get(f"{server}/api/v1/invoices").json()["total"] == 3


def test_second_server_on_same_data_dir_fails_clearly(server: str, tmp_path: Path) -> None:
    process = start_server(tmp_path / "data", free_port())
    try:
        process.wait(timeout=30)
        output = process.stdout.read().decode() if process.stdout else ""
    finally:
        end_server(process)
    assert process.returncode != 0
    assert "single-process" in output or "in use by another process" in output

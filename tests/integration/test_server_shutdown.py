"""Nothing the service starts outlives it: `reimburse serve` and `reimburse analyze` as real processes,
each in a session of its own, stopped the ways operators and users stop them.

Every check polls with a deadline (15 s, the issue's bound) instead of sleeping and hoping.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import analysis_files, policy_pdf
from tests.reliability.workload import EMPLOYEE, SUBMITTED_ON, invoice_batch, sse_events
from tests.server_process import (
    HEALTH_PATH,
    ServerProcess,
    kill_session,
    server_environment,
    session_members,
    wait_session_empty,
)

FORM = {"employee_name": EMPLOYEE, "submitted_on": SUBMITTED_ON}
BOUND = 15.0


def _workers(sid: int) -> dict[int, str]:
    return {pid: cmd for pid, cmd in session_members(sid).items() if "multiprocessing" in cmd}


def _wait_exit(process: subprocess.Popen[bytes], timeout: float = 60) -> int:
    try:
        return process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_session(process.pid)
        raise


@pytest.mark.parametrize(
    "stop",
    [
        pytest.param(lambda pid: os.kill(pid, signal.SIGTERM), id="SIGTERM-to-the-server"),
        pytest.param(lambda pid: os.killpg(pid, signal.SIGINT), id="ctrl-c-to-the-process-group"),
    ],
)
def test_stop_after_a_batch_exits_0_and_leaves_nothing(tmp_path: Path, stop: Callable[[int], None]) -> None:
    server = ServerProcess(tmp_path / "data", WORKERS="2")
    server.start(timeout=60)
    try:
        response = httpx.post(
            f"{server.base}/api/v1/analyze-invoices", data=FORM, files=analysis_files(), timeout=120
        )
        assert response.status_code == 200, response.text
        # the two PDF workers and multiprocessing's resource tracker
        assert len(_workers(server.pid)) == 3, session_members(server.pid)

        assert server.process is not None
        stop(server.pid)
        assert _wait_exit(server.process) == 0, server.log_text()[-2000:]
        gone = wait_session_empty(server.pid, BOUND)
        assert gone is not None, f"alive {BOUND} s after the stop: {session_members(server.pid)}"
        print(f"\nstopped: every process of the server's session gone {gone:.2f} s after it exited")
    finally:
        server.stop()


def test_sigkill_to_the_server_alone_takes_its_busy_workers_down(tmp_path: Path) -> None:
    server = ServerProcess(tmp_path / "data", WORKERS="2")
    server.start(timeout=60)
    try:
        batch = invoice_batch(random.Random(7), "kill", 40)
        with httpx.stream(
            "POST",
            f"{server.base}/api/v1/analyze-invoices-stream",
            data=FORM,
            files=analysis_files(batch),
            timeout=120,
        ) as response:
            assert response.status_code == 200
            for event in sse_events(response.iter_lines()):
                assert event["type"] != "done", "the batch finished before the kill"
                if event["type"] == "result":
                    break  # the workers are in the middle of the batch
            workers = _workers(server.pid)
            assert len(workers) == 3, session_members(server.pid)
            gone = server.kill()  # SIGKILL to the server's pid only, as the OOM killer does
        assert gone is not None, f"workers outlived the server by {BOUND} s: {workers}"
        print(f"\nSIGKILL: the server's workers and resource tracker gone {gone:.2f} s after it died")
    finally:
        server.stop()


def test_sigterm_lets_the_batch_in_flight_finish_and_refuses_new_requests(tmp_path: Path) -> None:
    server = ServerProcess(tmp_path / "data", WORKERS="1", SHUTDOWN_GRACE_SECONDS="120")
    server.start(timeout=60)
    try:
        batch = invoice_batch(random.Random(11), "grace", 40)
        events: list[dict[str, Any]] = []
        with httpx.stream(
            "POST",
            f"{server.base}/api/v1/analyze-invoices-stream",
            data=FORM,
            files=analysis_files(batch),
            timeout=120,
        ) as response:
            assert response.status_code == 200
            lines = response.iter_lines()
            for event in sse_events(lines):
                events.append(event)
                # Files still being read (results come once all are read, in decision order).
                if event["type"] == "progress" and event["data"]["current_invoice"] >= 2:
                    break
            assert server.process is not None
            server.process.send_signal(signal.SIGTERM)
            assert _refuses_connections(server.base), "still accepting requests after SIGTERM"
            events += sse_events(lines)
        assert events[-1]["type"] == "done"
        assert events[-1]["data"]["processed_invoices"] == 40
        assert _wait_exit(server.process) == 0
        assert wait_session_empty(server.pid, BOUND) is not None, session_members(server.pid)
        assert "Waiting for connections to close" in server.log_text()  # it did wait for the stream
    finally:
        server.stop()


def _refuses_connections(base: str) -> bool:
    deadline = time.monotonic() + BOUND
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{base}{HEALTH_PATH}", timeout=2)
        except httpx.ConnectError:
            return True
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    return False


def test_grace_over_cancels_the_batch_but_keeps_what_was_streamed(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    server = ServerProcess(data_dir, WORKERS="1", SHUTDOWN_GRACE_SECONDS="1")
    server.start(timeout=60)
    streamed: list[dict[str, Any]] = []
    try:
        batch = invoice_batch(random.Random(13), "cut", 200)
        with httpx.stream(
            "POST",
            f"{server.base}/api/v1/analyze-invoices-stream",
            data=FORM,
            files=analysis_files(batch),
            timeout=120,
        ) as response:
            assert response.status_code == 200
            sent_term = False
            with contextlib.suppress(httpx.HTTPError):  # the server ends the stream mid-way
                for event in sse_events(response.iter_lines()):
                    if event["type"] == "result":
                        streamed.append(event["data"])
                        if not sent_term:
                            assert server.process is not None
                            server.process.send_signal(signal.SIGTERM)
                            sent_term = True
        assert server.process is not None
        assert _wait_exit(server.process) == 0
        assert wait_session_empty(server.pid, BOUND) is not None, session_members(server.pid)
    finally:
        server.stop()

    # One GET per streamed result: more than the default rate limit allows in a minute.
    restarted = ServerProcess(data_dir, WORKERS="1", RATE_LIMIT_PER_MINUTE="100000")
    restarted.start(timeout=60)
    try:
        for result in streamed:
            stored = httpx.get(f"{restarted.base}/api/v1/invoices/{result['invoice_id']}", timeout=30)
            assert stored.status_code == 200, result["invoice_id"]
            assert stored.json() == result
    finally:
        restarted.stop()
    print(f"\ngrace over: {len(streamed)} of 200 results streamed before the cut, all stored")


def _analyze(tmp_path: Path, count: int) -> subprocess.Popen[bytes]:
    policy = tmp_path / "policy.pdf"
    policy.write_bytes(policy_pdf())
    invoices = tmp_path / "invoices.zip"
    invoices.write_bytes(invoice_batch(random.Random(17), "cli", count))
    stderr = (tmp_path / "analyze.err").open("wb")
    with stderr:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "reimburse.cli",
                "analyze",
                "--policy",
                str(policy),
                "--invoices",
                str(invoices),
                "--employee",
                EMPLOYEE,
                "--submitted-on",
                SUBMITTED_ON,
                "--no-store",
            ],
            env=server_environment(tmp_path / "data", WORKERS="2"),
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            start_new_session=True,
        )


def test_analyze_interrupted_by_ctrl_c_leaves_nothing(tmp_path: Path) -> None:
    process = _analyze(tmp_path, 200)
    err = tmp_path / "analyze.err"
    try:
        deadline = time.monotonic() + 120
        while "] 1/200" not in err.read_text(errors="replace"):  # the progress bar: one invoice done
            assert process.poll() is None, err.read_text(errors="replace")
            assert time.monotonic() < deadline, "no progress"
            time.sleep(0.05)
        assert len(_workers(process.pid)) == 3, session_members(process.pid)
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole group
        assert _wait_exit(process) == 130
        gone = wait_session_empty(process.pid, BOUND)
        assert gone is not None, f"alive {BOUND} s after Ctrl-C: {session_members(process.pid)}"
        text = err.read_text(errors="replace")
        assert "interrupted" in text and "Traceback" not in text, text[-2000:]
    finally:
        kill_session(process.pid)
        process.wait(timeout=15)

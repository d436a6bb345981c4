"""`reimburse serve` in its own process on a free loopback port, for tests that need the real thing.

The server's output goes to a file, not a pipe: a pipe nobody drains fills up under load and
blocks the server on its own log lines.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

HEALTH_PATH = "/api/v1/health/quick"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def server_environment(data_dir: Path, **env: str) -> dict[str, str]:
    """The parent's environment without remote services, pointed at `data_dir`, with overrides."""
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("GOOGLE_", "QDRANT_", "GEMINI_"))},
        "DATA_DIR": str(data_dir),
        "LOG_DIR": str(data_dir.parent / "logs"),
        "ENV_FILE": str(data_dir.parent / "none.env"),
        "WORKERS": "1",
        **env,
    }


def session_members(sid: int) -> dict[int, str]:
    """Live (non-zombie) processes of session `sid`, pid -> command line. A server started with
    start_new_session=True leads its own session, and its workers and resource tracker stay in it
    even after the server dies and they are reparented."""
    found: dict[int, str] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if fields[0] == "Z" or int(fields[3]) != sid:  # fields: state ppid pgrp session ...
                continue
            cmdline = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, IndexError, ValueError):
            continue  # the process went away while we looked
        found[int(stat.parent.name)] = cmdline.strip()
    return found


def wait_session_empty(sid: int, timeout: float = 15) -> float | None:
    """Seconds until no process of session `sid` is left, or None if some are still alive at `timeout`."""
    started = time.perf_counter()
    while session_members(sid):
        if time.perf_counter() - started > timeout:
            return None
        time.sleep(0.05)
    return time.perf_counter() - started


def kill_session(sid: int) -> None:
    """Cleanup, not a test: SIGKILL whatever is left of the session (the server's process group)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(sid, signal.SIGKILL)


def end_server(process: subprocess.Popen[bytes], timeout: float = 30) -> int:
    """SIGTERM, wait for the server and everything it started; SIGKILL what is left after `timeout`."""
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_session(process.pid)
        process.wait(timeout=15)
    if wait_session_empty(process.pid, timeout) is None:
        kill_session(process.pid)
    return process.returncode


def start_server(
    data_dir: Path, port: int, output: Path | None = None, **env: str
) -> subprocess.Popen[bytes]:
    """Starts the server in a session of its own (so everything it starts can be found and ended);
    its output goes to `output` when given, else to a pipe (short tests only)."""
    sink = output.open("ab") if output is not None else subprocess.PIPE
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "reimburse.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=server_environment(data_dir, **env),
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    finally:
        if output is not None and not isinstance(sink, int):
            sink.close()  # the child holds its own descriptor


def _output(process: subprocess.Popen[bytes], output: Path | None) -> str:
    if output is not None:
        return output.read_text(errors="replace")[-4000:]
    return process.stdout.read().decode(errors="replace") if process.stdout else ""


def wait_ready(
    base: str, process: subprocess.Popen[bytes], timeout: float = 30, output: Path | None = None
) -> float:
    """Seconds until the health check answers 200; raises with the server's output if it exits."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if process.poll() is not None:
            raise AssertionError(f"server exited ({process.returncode}): {_output(process, output)}")
        try:
            if httpx.get(f"{base}{HEALTH_PATH}", timeout=1).status_code == 200:
                return time.perf_counter() - started
        except httpx.HTTPError:
            time.sleep(0.05)
    raise AssertionError("server did not become ready")


class ServerProcess:
    """One server on `data_dir`; start(), then stop() gracefully or kill() with SIGKILL."""

    def __init__(self, data_dir: Path, **env: str) -> None:
        self.data_dir = data_dir
        self.env = env
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.output = data_dir.parent / f"server-{self.port}.log"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 30) -> float:
        self.data_dir.parent.mkdir(parents=True, exist_ok=True)
        self.process = start_server(self.data_dir, self.port, self.output, **self.env)
        try:
            return wait_ready(self.base, self.process, timeout, self.output)
        except BaseException:
            self.stop()  # a server that never became ready must not outlive the test either
            raise

    @property
    def pid(self) -> int:
        assert self.process is not None, "start() first"
        return self.process.pid

    def kill(self) -> float | None:
        """SIGKILL to the server alone: no shutdown hook runs, nothing is flushed on the way out.
        Its workers must notice and exit by themselves; returns the seconds until the last one
        did (None: some were still alive after 15 s, and were then killed with the session)."""
        if self.process is None or self.process.poll() is not None:
            return None
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=15)
        gone = wait_session_empty(self.process.pid)
        if gone is None:
            kill_session(self.process.pid)
        return gone

    def stop(self) -> int | None:
        """SIGTERM; returns the exit code. Nothing the server started is left afterwards."""
        if self.process is None:
            return None
        return end_server(self.process)

    def log_text(self) -> str:
        return self.output.read_text(errors="replace") if self.output.exists() else ""

    def memory_kib(self) -> dict[str, int]:
        """VmRSS (now) and VmHWM (peak resident set) of the server process, in KiB."""
        values: dict[str, int] = {}
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0])
        return values

    def children_memory_kib(self) -> dict[int, dict[str, int]]:
        """The same figures for each child (the PDF-reading process pool), keyed by pid."""
        found: dict[int, dict[str, int]] = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) != self.pid:  # fields[1] is the parent pid
                    continue
                status = (stat.parent / "status").read_text().splitlines()
            except (OSError, IndexError, ValueError):
                continue  # the process went away while we looked
            values = {}
            for line in status:
                key, _, rest = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    values[key] = int(rest.split()[0])
            found[int(stat.parent.name)] = values
        return found

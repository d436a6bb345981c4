"""Several API processes, one deployment: with REDIS_URL they share one rate limit through a real
redis-server (Debian's package; .ci/run installs it); `serve --workers N` refuses N > 1 on the
embedded store and runs N processes in server mode.

The two-replica test runs each `reimburse serve` on its own embedded store: the state under test is
the rate limit, and Redis is what shares it. (Sharing invoices needs a Qdrant server, which cannot
be installed here; qdrant-client's local mode, like Qdrant Edge, has one writer per directory.)
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.redis_server import next_database, redis_server  # noqa: F401  (fixture)
from tests.server_process import ServerProcess, end_server, free_port, server_environment, session_members

LIMIT = 10
LISTING = "/api/v1/invoices"


@pytest.fixture
def redis_url(redis_server: str) -> str:  # noqa: F811  (the fixture)
    """A database of its own for each test: one test's counts never spend another's limit."""
    return next_database(redis_server)


def _replicas(root: Path, **env: str) -> list[ServerProcess]:
    common = {"RATE_LIMIT_PER_MINUTE": str(LIMIT), "AUTH_ENABLED": "false", **env}
    return [ServerProcess(root / name / "data", **common) for name in ("a", "b")]


def _alternate(replicas: list[ServerProcess], requests: int) -> list[tuple[str, int]]:
    """Requests spread over the replicas in turn, as a round-robin proxy would: (replica, status)."""
    seen = []
    for i in range(requests):
        replica = replicas[i % len(replicas)]
        seen.append((replica.base, httpx.get(f"{replica.base}{LISTING}", timeout=30).status_code))
    return seen


def _run(replicas: list[ServerProcess], requests: int) -> list[tuple[str, int]]:
    try:
        for replica in replicas:
            replica.start(timeout=60)
        return _alternate(replicas, requests)
    finally:
        for replica in replicas:
            replica.stop()


def test_two_replicas_with_one_redis_hit_the_limit_together(tmp_path: Path, redis_url: str) -> None:
    replicas = _replicas(tmp_path, REDIS_URL=redis_url)
    seen = _run(replicas, LIMIT + 6)
    statuses = [status for _, status in seen]
    # the 11th request overall is refused, whichever replica gets it: one count for both
    assert statuses == [200] * LIMIT + [429] * 6, seen
    assert {base for base, status in seen if status == 429} == {r.base for r in replicas}


def test_without_redis_each_replica_counts_alone(tmp_path: Path) -> None:
    """The contrast that makes the test above mean something: the same traffic, no REDIS_URL."""
    seen = _run(_replicas(tmp_path), LIMIT + 6)
    assert [status for _, status in seen] == [200] * (LIMIT + 6), seen


def _serve(tmp_path: Path, *args: str, **env: str) -> subprocess.Popen[bytes]:
    port = free_port()
    return subprocess.Popen(
        [sys.executable, "-m", "reimburse.cli", "serve", "--host", "127.0.0.1", "--port", str(port), *args],
        env=server_environment(tmp_path / "data", PORT=str(port), **env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def test_several_workers_are_refused_on_the_embedded_store(tmp_path: Path) -> None:
    process = _serve(tmp_path, "--workers", "2")
    output, _ = process.communicate(timeout=60)
    assert process.returncode == 2
    text = output.decode()
    assert "Qdrant Edge" in text and "QDRANT_URL" in text and "single writer" in text


def test_several_workers_serve_in_server_mode_and_share_the_limit(tmp_path: Path, redis_url: str) -> None:
    """`--workers 2` with QDRANT_URL: two API processes behind one socket. No Qdrant server runs
    here, so the listing answers 503 (the store is unreachable); the rate limit is counted before
    the store is asked, so the 11th request is still the first 429, across both processes."""
    closed = free_port()  # nothing listens there
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "reimburse.cli",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            "2",
        ],
        env=server_environment(
            tmp_path / "data",
            QDRANT_URL=f"http://127.0.0.1:{closed}",
            REDIS_URL=redis_url,
            RATE_LIMIT_PER_MINUTE=str(LIMIT),
            AUTH_ENABLED="false",
        ),
        stdout=(tmp_path / "serve.log").open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        ready = False
        while not ready:
            assert process.poll() is None, (tmp_path / "serve.log").read_text()[-3000:]
            assert time.monotonic() < deadline, "not ready"
            try:
                ready = httpx.get(f"{base}/api/v1/health/quick", timeout=1).status_code == 200
            except httpx.HTTPError:
                time.sleep(0.1)
        apis = [
            cmd
            for pid, cmd in session_members(process.pid).items()
            if pid != process.pid and "spawn_main" in cmd
        ]
        assert len(apis) >= 2  # the two API processes (each also starts its PDF worker)
        statuses = []
        for _ in range(LIMIT + 4):
            with httpx.Client(timeout=30) as fresh:  # a new connection each time: either process may answer
                statuses.append(fresh.get(f"{base}{LISTING}").status_code)
        assert 429 not in statuses[:LIMIT] and statuses[LIMIT:] == [429] * 4, statuses
    finally:
        assert end_server(process) == 0

"""The recovery drill, on the real thing: `reimburse serve` in its own process, the CLI in another.

1. Analyse a batch, decide two of its invoices (approve, reject) and chat.
2. While a second batch streams, take a backup with `reimburse backup`; then SIGKILL the server.
3. Wipe DATA_DIR, `reimburse restore`, start the server again: every record acknowledged before
   the backup started is back, identical (canonical JSON through the API), and /health passes.
4. A backup with one flipped byte is refused by `reimburse restore --force`, and changes nothing.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
import tarfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from tests.conftest import analysis_files
from tests.reliability.workload import EMPLOYEE, SUBMITTED_ON, invoice_batch, record_figures, sse_events
from tests.server_process import ServerProcess, server_environment
from tests.store_dump import tree_digest

FORM = {"employee_name": EMPLOYEE, "submitted_on": SUBMITTED_ON}
ACKED_BEFORE_BACKUP = 4  # streamed results to wait for before the backup starts
# The dumps read every acknowledged record and its history (two requests each, up to ~140); the
# drill is about backups, not the per-client rate limit, which would answer some of them 429.
UNLIMITED = {"RATE_LIMIT_PER_MINUTE": "100000"}


def _cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reimburse.cli", *args],
        env=server_environment(data_dir),
        capture_output=True,
        text=True,
        timeout=300,
    )


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def _dump(base: str, invoice_ids: list[str], policy_id: str, session_id: str) -> dict[str, str]:
    """Every acknowledged record as the API shows it (with its history), as canonical JSON."""
    out: dict[str, str] = {}
    with httpx.Client(base_url=base, timeout=30) as client:
        for invoice_id in sorted(invoice_ids):
            response = client.get(f"/api/v1/invoices/{invoice_id}")
            out[invoice_id] = f"{response.status_code} {_canonical(response.json())}"
            history = client.get(f"/api/v1/invoices/{invoice_id}/history")
            out[f"{invoice_id}/history"] = f"{history.status_code} {_canonical(history.json())}"
        out[policy_id] = _canonical(client.get(f"/api/v1/policies/{policy_id}").json())
        out[session_id] = _canonical(client.get(f"/api/v1/chat/history/{session_id}").json())
    return out


class Stream(threading.Thread):
    """Streams a batch, collecting the `result` events; `ready` is set after `wait_for` of them.

    It then stops reading until `resume` is set: results now stream fast enough that the whole
    batch could be read before the test looks, and the backup must start while the request is open."""

    def __init__(self, base: str, zip_bytes: bytes, wait_for: int) -> None:
        super().__init__(daemon=True)
        self.base = base
        self.zip_bytes = zip_bytes
        self.wait_for = wait_for
        self.results: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        self.ready = threading.Event()
        self.resume = threading.Event()
        self.done = False

    def run(self) -> None:
        try:
            with httpx.stream(
                "POST",
                f"{self.base}/api/v1/analyze-invoices-stream",
                data=FORM,
                files=analysis_files(self.zip_bytes),
                timeout=120,
            ) as response:
                for event in sse_events(response.iter_lines()):
                    if event["type"] == "result":
                        with self.lock:
                            self.results.append(event["data"])
                            if len(self.results) >= self.wait_for:
                                self.ready.set()
                        if self.ready.is_set():
                            self.resume.wait(120)
                    elif event["type"] == "done":
                        self.done = True
        except httpx.HTTPError:
            pass  # the server was killed mid-stream: expected
        finally:
            self.ready.set()

    def acknowledged(self) -> list[dict[str, Any]]:
        with self.lock:
            return list(self.results)


def _flip_a_byte(path: Path) -> None:
    with tarfile.open(path) as tar:
        member = max((m for m in tar.getmembers() if m.name != "manifest.json"), key=lambda m: m.size)
        offset = member.offset_data + member.size // 3
    with path.open("r+b") as fh:
        fh.seek(offset)
        byte = fh.read(1)
        fh.seek(offset)
        fh.write(bytes([byte[0] ^ 0x55]))


def test_backup_kill_wipe_restore_drill(tmp_path: Path) -> None:
    rng = random.Random(20241231)
    data_dir = tmp_path / "data"
    backup = tmp_path / "backups" / "drill.tar"
    backup.parent.mkdir()
    server = ServerProcess(data_dir, **UNLIMITED)
    server.start(timeout=60)
    restarted: ServerProcess | None = None
    try:
        # 1. a batch, and a chat about it
        first = httpx.post(
            f"{server.base}/api/v1/analyze-invoices",
            data=FORM,
            files=analysis_files(invoice_batch(rng, "first", 8)),
            timeout=120,
        )
        assert first.status_code == 200, first.text
        summary = first.json()
        acked = [r["invoice_id"] for r in summary["results"]]
        decisions = [("approve", None), ("reject", "not a business expense")]
        for result, (action, note) in zip(summary["results"], decisions, strict=False):
            decided = httpx.post(
                f"{server.base}/api/v1/invoices/{result['invoice_id']}/review",
                json={"action": action, "note": note, "version": result.get("version", 1)},
                timeout=30,
            )
            assert decided.status_code == 200, decided.text
        chat = httpx.post(
            f"{server.base}/api/v1/chat",
            json={"query": f"How many invoices did {EMPLOYEE} submit?"},
            timeout=60,
        )
        assert chat.status_code == 200, chat.text
        session_id = chat.json()["session_id"]

        # 2. a second batch streams; once some results are acknowledged, back up, then SIGKILL
        stream = Stream(server.base, invoice_batch(rng, "second", 60), ACKED_BEFORE_BACKUP)
        stream.start()
        assert stream.ready.wait(120)
        streamed_before = stream.acknowledged()
        assert len(streamed_before) >= ACKED_BEFORE_BACKUP and not stream.done, "the batch must still stream"
        acked += [r["invoice_id"] for r in streamed_before]
        before = _dump(server.base, acked, summary["policy_id"], session_id)

        started = time.perf_counter()
        made = _cli(data_dir, "backup", str(backup), "--json")
        backup_seconds = time.perf_counter() - started
        assert made.returncode == 0, made.stderr
        report = json.loads(made.stdout)
        server.kill()
        stream.resume.set()  # it reads what the server sent before the kill, then the stream ends
        stream.join(60)
        streamed_during = len(stream.acknowledged()) - len(streamed_before)

        # 3. wipe, restore, restart: everything acknowledged before the backup is back, identical
        shutil.rmtree(data_dir)
        restored = _cli(data_dir, "restore", str(backup))
        assert restored.returncode == 0, restored.stderr
        restarted = ServerProcess(data_dir, **UNLIMITED)
        restarted.start(timeout=60)
        health = httpx.get(f"{restarted.base}/api/v1/health", timeout=30)
        assert health.status_code == 200 and health.json()["status"] == "healthy", health.text
        after = _dump(restarted.base, acked, summary["policy_id"], session_id)
        assert after == before
        assert all(value.startswith("200 ") for key, value in after.items() if key.startswith("inv_"))
        decided_after = [json.loads(after[r["invoice_id"]][4:]) for r in summary["results"][:2]]
        assert [d["review"]["action"] for d in decided_after] == ["approve", "reject"], decided_after
        listed = httpx.get(f"{restarted.base}/api/v1/invoices", params={"limit": 200}, timeout=30).json()
        assert listed["total"] == report["manifest"]["collections"]["invoices"]

        # 4. a damaged backup is refused and changes nothing
        restarted.stop()
        damaged = tmp_path / "backups" / "damaged.tar"
        shutil.copyfile(backup, damaged)
        _flip_a_byte(damaged)
        digest = tree_digest(data_dir)
        refused = _cli(data_dir, "restore", str(damaged), "--force")
        assert refused.returncode == 2
        assert "does not match its SHA-256" in refused.stderr, refused.stderr
        assert tree_digest(data_dir) == digest
    finally:
        server.kill()
        if restarted is not None:
            restarted.stop()

    record_figures(
        "backup_drill",
        {
            "acknowledged_before_backup": len(acked),
            "streamed_by_the_kill": streamed_during,
            "backup_command_seconds": round(backup_seconds, 2),
            "backup_seconds": round(report["seconds"], 3),
            "writes_paused_ms": round(report["writes_paused_seconds"] * 1000, 1),
            "backup_bytes": report["size_bytes"],
            "invoices_in_backup": report["manifest"]["collections"]["invoices"],
        },
    )

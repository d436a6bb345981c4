"""Every case of the hostile corpus (build_corpus.py) through the real app on its real store.

For each case: the outcome it expects (a contract 4xx naming the field, or a 200 where each hostile
entry is a processing_error and the good files are still judged and stored); nothing created or
changed outside DATA_DIR (the process's working directory, the parent of DATA_DIR and a sentinel
tree are snapshotted; zip-slip targets must not exist anywhere); and, for bombs, a bounded
tracemalloc peak while the service handled the request.
"""

from __future__ import annotations

import json
import os
import tempfile
import tracemalloc
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import TestClient

from reimburse.container import build_container
from reimburse.http.app import create_app
from tests.conftest import make_settings, offline_container
from tests.faults.harness import record_figures
from tests.hostile.build_corpus import ANALYZE_STREAM, CORPUS_SETTINGS, MIB, Case, build_corpus

TOKEN = os.urandom(4).hex()
CASES = build_corpus(TOKEN)
IN_PROCESS = [c for c in CASES if not c.needs_worker_pool]
IN_WORKERS = [c for c in CASES if c.needs_worker_pool]
ERROR_FIELDS = {"success", "error", "message", "details", "request_id", "timestamp"}
VERDICTS = {"fully_reimbursed", "partially_reimbursed", "declined"}
PEAKS: dict[str, int] = {}  # case name -> tracemalloc peak (bytes), for the report


def test_corpus_is_large_and_covers_every_topic() -> None:
    assert len(CASES) >= 40
    topics = {c.topic for c in CASES}
    assert topics >= {"zip slip", "zip bomb", "entries", "names", "pdf", "policy", "form", "chat", "stream"}
    assert sum(c.expect.status == 200 for c in CASES) >= 20
    assert sum(400 <= c.expect.status < 500 for c in CASES) >= 20


@dataclass
class Sandbox:
    root: Path  # everything this module may touch lives under here
    data_dir: Path
    log_dir: Path
    cwd: Path  # the process's working directory during the run: relative writes would land here
    tmp: Path  # tempfile's directory during the run (multipart spooling)
    system_tmp: Path

    def snapshot(self) -> dict[str, tuple[int, int]]:
        """Every file and folder under root except DATA_DIR and the log dir: (size, mtime)."""
        found: dict[str, tuple[int, int]] = {}
        for folder, dirs, files in os.walk(self.root):
            here = Path(folder)
            dirs[:] = [d for d in dirs if here / d not in (self.data_dir, self.log_dir)]
            for name in [*dirs, *files]:
                info = (here / name).lstat()
                found[str((here / name).relative_to(self.root))] = (info.st_size, info.st_mtime_ns)
        return found

    def landing_spots(self, target: str) -> list[Path]:
        """Where a zip-slip entry would land if anything extracted it, from any plausible base."""
        bases = [self.cwd, self.data_dir, self.data_dir / "qdrant", self.tmp, self.root, self.system_tmp]
        spots = [Path(os.path.normpath(base / target.lstrip("/"))) for base in bases]
        if target.startswith("/"):
            spots.append(Path(target))
        spots += [base / Path(target).name for base in bases]
        return spots


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    root = tmp_path_factory.mktemp("hostile")
    service = root / "service"  # the parent of DATA_DIR
    box = Sandbox(
        root=root,
        data_dir=service / "data",
        log_dir=service / "logs",
        cwd=root / "cwd" / "a" / "b",
        tmp=root / "tmp",
        system_tmp=Path(tempfile.gettempdir()),
    )
    for folder in (service, box.cwd, box.tmp, root / "outside" / "keep"):
        folder.mkdir(parents=True, exist_ok=True)
    (service / "sentinel.txt").write_text("must not change")
    (root / "outside" / "keep" / "sentinel.txt").write_text("must not change")
    previous_cwd, previous_tmp = Path.cwd(), tempfile.tempdir
    os.chdir(box.cwd)
    tempfile.tempdir = str(box.tmp)
    try:
        yield box
    finally:
        os.chdir(previous_cwd)
        tempfile.tempdir = previous_tmp


@pytest.fixture(scope="module")
def client(sandbox: Sandbox) -> Iterator[TestClient[Any]]:
    settings = make_settings(sandbox.data_dir.parent, **CORPUS_SETTINGS)
    assert Path(settings.data_dir) == sandbox.data_dir
    with TestClient(create_app(offline_container(settings))) as test_client:
        yield test_client


def send(client: TestClient[Any], case: Case) -> Any:
    if case.body is not None:
        headers = {"content-type": case.content_type} if case.content_type else {}
        return client.post(case.path, content=case.body, headers=headers)
    files = [(name, (u.filename, u.content, u.content_type)) for name, u in case.files]
    return client.post(case.path, data=dict(case.form), files=files)


def sse_events(text: str) -> list[dict[str, Any]]:
    return [json.loads(line[len("data: ") :]) for line in text.splitlines() if line.startswith("data: ")]


def stored_ids(client: TestClient[Any], employee: str) -> set[str]:
    listing = client.get("/api/v1/invoices", params={"employee_name": employee, "limit": 100})
    assert listing.status_code == 200, listing.text
    return {item["invoice_id"] for item in listing.json()["items"]}


def check_error(client: TestClient[Any], case: Case, response: Any) -> None:
    expect = case.expect
    assert response.status_code == expect.status, response.text[:500]
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body.keys() == ERROR_FIELDS
    assert body["success"] is False
    assert body["request_id"] == response.headers["x-request-id"]
    assert body["message"]
    if expect.error_field is not None:
        assert expect.error_field in [d["field"] for d in body["details"]], body
    if expect.error is not None:
        assert body["error"] == expect.error, body
    employee = case.form.get("employee_name")
    if case.is_analysis and isinstance(employee, str) and employee.strip() and len(employee) <= 100:
        assert stored_ids(client, employee) == set(), "a rejected request stored something"


def check_batch(client: TestClient[Any], case: Case, response: Any) -> None:
    expect = case.expect
    assert response.status_code == 200, response.text[:500]
    if case.path == ANALYZE_STREAM:
        events = sse_events(response.text)
        assert events[0]["type"] == "metadata" and events[-1]["type"] == "done", [e["type"] for e in events]
        results = [e["data"] for e in events if e["type"] == "result"]
        errors = [e["data"] for e in events if e["type"] == "error"]
        summary = events[-1]["data"]
        assert summary["success"] is True
        assert sorted(r["invoice_id"] for r in summary["results"]) == sorted(r["invoice_id"] for r in results)
    else:
        summary = response.json()
        results, errors = summary["results"], summary["processing_errors"]
    assert {e["filename"]: e["error"] for e in errors} == dict(expect.failed), errors
    assert sorted(r["filename"] for r in results) == sorted(expect.judged), [r["filename"] for r in results]
    for result in results:
        assert result["status"] in VERDICTS
        printed = expect.judged[result["filename"]]
        if printed is not None:
            assert Decimal(str(result["total_amount"])) == printed, result
    total = len(expect.judged) + len(expect.failed)
    assert (summary["total_invoices"], summary["processed_invoices"], summary["failed_invoices"]) == (
        total,
        len(expect.judged),
        len(expect.failed),
    )
    if expect.employee_name is not None:
        assert summary["employee_name"] == expect.employee_name
    # every verdict is stored, nothing is stored for a file that failed
    assert stored_ids(client, summary["employee_name"]) == {r["invoice_id"] for r in results}


@pytest.fixture(scope="module")
def pool_client(sandbox: Sandbox) -> Iterator[TestClient[Any]]:
    """The app with its real worker processes (the watchdog can only stop a process), on its own
    store inside DATA_DIR (the embedded store has one writer)."""
    settings = make_settings(
        sandbox.data_dir, data_dir=str(sandbox.data_dir / "workers"), workers=2, **CORPUS_SETTINGS
    )
    with TestClient(create_app(build_container(settings))) as test_client:
        yield test_client


@pytest.mark.parametrize("case", IN_PROCESS, ids=[c.name for c in IN_PROCESS])
def test_hostile_case(case: Case, client: TestClient[Any], sandbox: Sandbox) -> None:
    run_case(case, client, sandbox)


@pytest.mark.parametrize("case", IN_WORKERS, ids=[c.name for c in IN_WORKERS])
def test_hostile_case_in_worker_processes(case: Case, pool_client: TestClient[Any], sandbox: Sandbox) -> None:
    run_case(case, pool_client, sandbox)


def run_case(case: Case, client: TestClient[Any], sandbox: Sandbox) -> None:
    before = sandbox.snapshot()
    if case.max_peak is not None:
        tracemalloc.start()
    try:
        response = send(client, case)
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        if case.max_peak is not None:
            PEAKS[case.name] = peak

    assert response.status_code < 500, response.text[:500]
    assert "Traceback" not in response.text
    if case.expect.status == 200:
        check_batch(client, case, response)
    else:
        check_error(client, case, response)

    assert sandbox.snapshot() == before, "something was written outside DATA_DIR"
    for target in case.forbidden:
        landed = [p for p in sandbox.landing_spots(target) if p.exists()]
        assert not landed, f"zip slip wrote {landed}"
    if case.max_peak is not None:
        assert peak < case.max_peak, f"peak {peak / MIB:.1f} MiB >= {case.max_peak / MIB:.0f} MiB"


def test_no_file_named_after_this_run_exists_anywhere(client: TestClient[Any], sandbox: Sandbox) -> None:
    """After the corpus: nothing under the sandbox or the system temp dir carries this run's token."""
    hits = [*sandbox.root.rglob(f"*{TOKEN}*"), *sandbox.system_tmp.glob(f"*{TOKEN}*")]
    assert not hits, hits
    assert client.get("/api/v1/health/quick").status_code == 200
    topics: dict[str, int] = {}
    for case in CASES:
        topics[case.topic] = topics.get(case.topic, 0) + 1
    record_figures(
        "hostile_inputs",
        {
            "cases": len(CASES),
            "by_topic": topics,
            "expect_4xx": sum(c.expect.status != 200 for c in CASES),
            "expect_200_with_per_file_outcomes": sum(c.expect.status == 200 for c in CASES),
            "hostile_entries_expected_as_processing_errors": sum(len(c.expect.failed) for c in CASES),
            "good_files_expected_judged": sum(len(c.expect.judged) for c in CASES),
            "zip_slip_targets_checked": sum(len(c.forbidden) for c in CASES),
            "bomb_peak_mib": {name: round(peak / MIB, 1) for name, peak in sorted(PEAKS.items())},
        },
    )

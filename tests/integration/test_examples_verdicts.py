"""The bundled examples end to end: every verdict, total, date and flag matches expected.json.

expected.json is written by docs/examples/generate.py from its own table, never by running the
service, so this compares the offline engine against independent ground truth.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from reimburse.application.analyze_batch import BatchRequest
from reimburse.application.results import BatchSummary
from reimburse.container import close_container, open_container
from tests.conftest import make_settings, offline_container

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
EXPECTED = json.loads((EXAMPLES / "expected.json").read_text())
INVOICES = EXPECTED["invoices"]


@pytest.fixture(scope="module")
def summary(tmp_path_factory: pytest.TempPathFactory) -> BatchSummary:
    import asyncio

    async def run() -> BatchSummary:
        container = offline_container(make_settings(tmp_path_factory.mktemp("examples")))
        await open_container(container)
        try:
            request = BatchRequest(
                employee_name=EXPECTED["employee_name"],
                policy_bytes=(EXAMPLES / "policy.pdf").read_bytes(),
                policy_filename="policy.pdf",
                archive=EXAMPLES / "invoices.zip",
                submitted_on=date.fromisoformat(EXPECTED["submitted_on"]),
            )
            return await container.analyze_batch().run(request)
        finally:
            await close_container(container)

    return asyncio.run(run())


def _by_name(summary: BatchSummary) -> dict[str, Any]:
    return {r.filename: r for r in summary.results}


def test_every_file_is_accounted_for(summary: BatchSummary) -> None:
    judged = {r.filename for r in summary.results}
    failed = {e.filename for e in summary.processing_errors}
    assert judged.isdisjoint(failed)
    expected_judged = {i["filename"] for i in INVOICES if i.get("status")}
    expected_failed = {i["filename"] for i in INVOICES if i.get("error")}
    assert judged == expected_judged
    # non-PDF entries get a per-file error too (hidden/__MACOSX entries are skipped silently)
    assert failed == expected_failed | {"notes.txt"}


@pytest.mark.parametrize("case", [i for i in INVOICES if i.get("status")], ids=lambda i: i["filename"])
def test_verdict_matches_ground_truth(summary: BatchSummary, case: dict[str, Any]) -> None:
    result = _by_name(summary)[case["filename"]]
    assert result.status == case["status"], result.reason
    assert result.total_amount == Decimal(case["total_amount"])
    assert result.reimbursement_amount == Decimal(case["reimbursement_amount"]), result.reason
    assert result.currency == case["currency"]
    assert result.invoice_date == date.fromisoformat(case["invoice_date"])
    assert {f.code for f in result.flags} == set(case["flags"]), [f.message for f in result.flags]
    assert result.review_required == case["review_required"]
    assert result.reason


@pytest.mark.parametrize("case", [i for i in INVOICES if i.get("error")], ids=lambda i: i["filename"])
def test_unreadable_files_are_processing_errors_not_verdicts(
    summary: BatchSummary, case: dict[str, Any]
) -> None:
    errors = {e.filename: e for e in summary.processing_errors}
    assert errors[case["filename"]].error == case["error"]
    assert errors[case["filename"]].message

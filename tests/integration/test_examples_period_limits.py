"""The period-limit example (docs/examples/period-limits) end to end through the API on the embedded
store: two batches of one employee, every grant and every period's sum as expected.json says.

expected.json is written by the example's generate.py from its own table, never by running the
service, so this compares the engine and its ledger against independent ground truth.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

from litestar.testing import TestClient

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "period-limits"
EXPECTED = json.loads((EXAMPLE / "expected.json").read_text())


def test_two_batches_match_the_ground_truth(client: TestClient[Any]) -> None:
    policy = (EXAMPLE / EXPECTED["policy"]).read_bytes()
    per_period: dict[str, Decimal] = defaultdict(Decimal)
    for batch in EXPECTED["batches"]:
        files = {
            "policy_file": ("policy.pdf", policy, "application/pdf"),
            "invoices_zip": (batch["zip"], (EXAMPLE / batch["zip"]).read_bytes(), "application/zip"),
        }
        form = {"employee_name": EXPECTED["employee_name"], "submitted_on": batch["submitted_on"]}
        response = client.post("/api/v1/analyze-invoices", data=form, files=files)
        assert response.status_code == 200, response.text
        body = response.json()
        assert not body["processing_errors"]
        got = {r["filename"]: r for r in body["results"]}
        assert set(got) == set(batch["invoices"])
        for filename, want in batch["invoices"].items():
            result = got[filename]
            seen = (result["categories"], result["invoice_date"], result["status"])
            assert seen == ([want["category"]], want["invoice_date"], want["status"]), (
                filename,
                result["reason"],
            )
            amount = Decimal(str(result["reimbursement_amount"]))
            assert amount == Decimal(want["reimbursement_amount"]), (filename, result["reason"])
            limit = EXPECTED["limits"][want["category"]]
            period = want["invoice_date"] if limit["period"] == "day" else want["invoice_date"][:7]
            per_period[f"{want['category']} {period}"] += amount
    assert {k: str(v.quantize(Decimal("0.01"))) for k, v in per_period.items()} == EXPECTED[
        "granted_per_period"
    ]


def test_the_committed_files_are_what_the_generator_writes(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(EXAMPLE / "generate.py"), "--out", str(tmp_path)], check=True)
    for name in ("policy.pdf", "batch-1.zip", "batch-2.zip", "expected.json"):
        assert (tmp_path / name).read_bytes() == (EXAMPLE / name).read_bytes(), name

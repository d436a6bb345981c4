"""The committed example corpus (docs/examples) is complete, reproducible and readable.

The verdicts themselves are checked end to end elsewhere; here: every file is accounted for,
the ground truth is internally consistent, and the PDF reader gets the text the truth relies on.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from reimburse.adapters.pdf import PdfplumberDocumentReader
from reimburse.domain.errors import DocumentError
from reimburse.domain.verdict.document import Document

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
EXPECTED: dict[str, Any] = json.loads((EXAMPLES / "expected.json").read_text(encoding="utf-8"))
INVOICES: list[dict[str, Any]] = EXPECTED["invoices"]
READABLE = [i for i in INVOICES if "error" not in i]
UNREADABLE = [i for i in INVOICES if "error" in i]
STATUSES = {"fully_reimbursed", "partially_reimbursed", "declined"}


def _ids(items: list[dict[str, Any]]) -> list[str]:
    return [i["filename"] for i in items]


@pytest.fixture(scope="module")
def documents() -> dict[str, Document]:
    reader = PdfplumberDocumentReader()
    return {
        i["filename"]: reader.read((EXAMPLES / "invoices" / i["filename"]).read_bytes(), i["filename"])
        for i in READABLE
    }


def test_expected_lists_exactly_the_invoices_in_the_zip_and_on_disk() -> None:
    with zipfile.ZipFile(EXAMPLES / "invoices.zip") as zf:
        entries = zf.namelist()
        zipped = {n: zf.read(n) for n in entries}
    archive = EXPECTED["archive"]
    assert sorted(entries) == sorted(archive["invoices"] + archive["skipped"])
    assert archive["invoices"] == _ids(INVOICES)
    on_disk = sorted(p.name for p in (EXAMPLES / "invoices").glob("*.pdf"))
    assert on_disk == sorted(_ids(INVOICES))
    for name in archive["invoices"]:
        assert zipped[name] == (EXAMPLES / "invoices" / name).read_bytes(), name
    assert any(n.startswith("__MACOSX/") for n in archive["skipped"])
    assert any(not n.lower().endswith(".pdf") for n in archive["skipped"])
    assert len(READABLE) >= 25


def test_generator_reproduces_the_committed_files() -> None:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "generate.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ground_truth_is_internally_consistent() -> None:
    assert EXPECTED["submitted_on"] == "2024-12-31"
    for inv in READABLE:
        total = Decimal(inv["total_amount"])
        paid = Decimal(inv["reimbursement_amount"])
        subtotal, taxes = Decimal(inv["subtotal"]), Decimal(inv["taxes"])
        assert inv["status"] in STATUSES, inv["filename"]
        assert Decimal(0) <= paid <= total, inv["filename"]
        expected_status = (
            "declined" if paid == 0 else "fully_reimbursed" if paid == total else "partially_reimbursed"
        )
        assert inv["status"] == expected_status, inv["filename"]
        assert sum(Decimal(li["amount"]) for li in inv["line_items"]) == subtotal, inv["filename"]
        # Only the deliberately contradictory invoice prints a total that is not subtotal + taxes.
        assert (subtotal + taxes != total) == ("total_mismatch" in inv["flags"]), inv["filename"]
        assert (inv["currency"] != EXPECTED["policy"]["currency"]) == ("currency_mismatch" in inv["flags"])


def test_corpus_covers_the_cases_it_claims() -> None:
    flags = {f for inv in READABLE for f in inv["flags"]}
    assert {"total_mismatch", "duplicate", "name_mismatch", "currency_mismatch"} <= flags
    assert {i["status"] for i in READABLE} == STATUSES
    decided = {d for inv in READABLE for d in inv["decided_by"]}
    assert {"exclusion", "cap", "deadline", "category_not_covered", "within_policy"} <= decided
    assert {i["error"] for i in UNREADABLE} >= {"NoTextLayer", "CorruptDocument"}


def test_duplicate_is_byte_identical_to_its_original() -> None:
    duplicates = [i for i in READABLE if "duplicate" in i["flags"]]
    assert duplicates
    for dup in duplicates:
        original = (EXAMPLES / "invoices" / dup["duplicate_of"]).read_bytes()
        copy = (EXAMPLES / "invoices" / dup["filename"]).read_bytes()
        assert dup["filename"] != dup["duplicate_of"]
        assert hashlib.sha256(copy).digest() == hashlib.sha256(original).digest()


@pytest.mark.parametrize("invoice", READABLE, ids=_ids(READABLE))
def test_reader_gets_the_text_the_ground_truth_relies_on(
    invoice: dict[str, Any], documents: dict[str, Document]
) -> None:
    text = documents[invoice["filename"]].text
    assert invoice["total_text"], "the generator recorded how the total is printed"
    assert invoice["total_text"] in text
    assert invoice["date_text"] in text
    for name in invoice["names"]:
        assert name in text
    for item in invoice["line_items"]:
        assert item["description"][:20] in text


@pytest.mark.parametrize("invoice", UNREADABLE, ids=_ids(UNREADABLE))
def test_reader_rejects_unreadable_files_with_the_expected_error(invoice: dict[str, Any]) -> None:
    data = (EXAMPLES / "invoices" / invoice["filename"]).read_bytes()
    with pytest.raises(DocumentError) as info:
        PdfplumberDocumentReader().read(data, invoice["filename"])
    assert info.value.code == invoice["error"]
    assert invoice["filename"] in str(info.value)


def test_policy_is_two_pages_of_prose_stating_each_rule() -> None:
    doc = PdfplumberDocumentReader().read((EXAMPLES / "policy.pdf").read_bytes(), "policy.pdf")
    assert doc.page_count == 2
    flat = " ".join(doc.text.split())
    for cap in EXPECTED["policy"]["caps"]:
        assert f"INR {int(Decimal(cap['amount'])):,} per {cap['unit']}" in flat
    assert f"within {EXPECTED['policy']['deadline_days']} days of the invoice date" in flat
    assert "will not be reimbursed" in flat
    assert "Alcoholic beverages" in flat

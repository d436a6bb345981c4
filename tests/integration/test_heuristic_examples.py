"""The heuristic adapters on the example corpus (docs/examples), measured against its ground truth.

Categories are compared through the policy, not by name: the category chosen for an invoice must
carry the cap the ground truth says applies (or none, for an expense the policy does not cover).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from reimburse.adapters.heuristic import HeuristicInvoiceExtractor, HeuristicPolicyInterpreter
from reimburse.domain.errors import DocumentError
from reimburse.domain.verdict.policy import Policy

ROOT = Path(__file__).resolve().parents[2] / "docs" / "examples"
pytestmark = pytest.mark.skipif(not (ROOT / "expected.json").exists(), reason="example corpus not generated")


@dataclass
class Score:
    right: int = 0
    seen: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.seen += 1

    @property
    def rate(self) -> float:
        return self.right / self.seen if self.seen else 1.0


def _cap_key(policy: Policy, category: str | None) -> tuple[tuple[Decimal, str], ...] | None:
    found = policy.category(category)
    if found is None:
        return None
    return tuple(sorted((c.amount, c.unit.value) for c in policy.caps_for(found.name)))


def _expected_cap(truth: dict[str, Any], category: str) -> tuple[tuple[Decimal, str], ...]:
    caps = [c for c in truth["policy"]["caps"] if c["category"] == category]
    return tuple(sorted((Decimal(c["amount"]), c["unit"]) for c in caps))


async def test_examples_are_read_accurately() -> None:
    from reimburse.adapters.pdf.pdfplumber_document_reader import PdfplumberDocumentReader

    truth = json.loads((ROOT / "expected.json").read_text())
    reader = PdfplumberDocumentReader()
    policy_doc = reader.read((ROOT / truth["policy"]["file"]).read_bytes(), truth["policy"]["file"])
    policy = await HeuristicPolicyInterpreter().interpret(policy_doc)
    assert policy.currency == truth["policy"]["currency"]
    assert policy.deadline is not None and policy.deadline.days == truth["policy"]["deadline_days"]
    expected_caps = {(Decimal(c["amount"]), c["unit"]) for c in truth["policy"]["caps"]}
    assert {(c.amount, c.unit.value) for c in policy.caps} == expected_caps

    extractor = HeuristicInvoiceExtractor()
    totals, dates, categories = Score(), Score(), Score()
    for case in truth["invoices"]:
        if case.get("error"):
            continue
        try:
            document = reader.read((ROOT / "invoices" / case["filename"]).read_bytes(), case["filename"])
        except DocumentError:
            continue  # the reader's business, measured by its own tests
        invoice = await extractor.extract(document, policy)
        totals.add(invoice.total == Decimal(case["total_amount"]))
        wanted = case["invoice_date"]
        dates.add((invoice.invoice_date.isoformat() if invoice.invoice_date else None) == wanted)
        if case["category_covered"]:
            categories.add(_cap_key(policy, invoice.category) == _expected_cap(truth, case["category"]))
        else:
            categories.add(invoice.category is None)
    assert totals.seen >= 20
    assert totals.rate >= 0.95, totals
    assert dates.rate >= 0.9, dates
    assert categories.rate >= 0.9, categories

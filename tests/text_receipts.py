"""Synthetic receipts as plain text through the offline invoice reader and the engine, for the
tests of how totals are read and when they go to review."""

from __future__ import annotations

import hashlib
from datetime import date

from reimburse.adapters.heuristic import HeuristicInvoiceExtractor
from reimburse.domain.verdict.decide import Claim, decide
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.policy import Category, Policy

POLICY = Policy(policy_id="pol", currency="EUR", categories=(Category("other"), Category("meals")))


def read(text: str) -> Invoice:
    """The invoice the offline reader makes of a one-page text."""
    doc = Document("x.pdf", hashlib.sha256(text.encode()).hexdigest(), text, (text,))
    return HeuristicInvoiceExtractor().read(doc, POLICY)


def low(invoice: Invoice) -> bool:
    """Whether the engine sends the invoice to review for a reading it doubts."""
    verdict = decide(POLICY, invoice, Claim(employee_name="", submitted_on=date(2100, 1, 1)))
    return "low_confidence" in {f.code for f in verdict.flags}

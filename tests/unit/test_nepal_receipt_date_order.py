"""A Nepali receipt's numeric date: Nepal prints Gregorian dates either way round, so once the
rupee is known to be Nepal's, neither the VAT line nor the rupee settles the day-month order."""

from __future__ import annotations

import hashlib
from datetime import date

from reimburse.adapters.heuristic import HeuristicInvoiceExtractor
from reimburse.domain.verdict.decide import Claim, decide
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import Category, Policy

POLICY = Policy(policy_id="pol", currency="NPR", categories=(Category("other"),))


def _bill(printed_date: str) -> str:
    return (
        "Sagarmatha Traders Pvt. Ltd.\nDurbar Marg, Kathmandu\nVAT No.: 600111222\n"
        f"Date: {printed_date}\nRice 5kg   640.00\nTotal   Rs. 640.00\n"
    )


def _verdict_flags(text: str) -> tuple[date | None, set[str]]:
    doc = Document("x.pdf", hashlib.sha256(text.encode()).hexdigest(), text, (text,))
    invoice = HeuristicInvoiceExtractor().read(doc, POLICY)
    verdict = decide(POLICY, invoice, Claim(employee_name="", submitted_on=date(2100, 1, 1)))
    return invoice.invoice_date, {str(f.code) for f in verdict.flags}


def test_a_date_that_reads_two_ways_goes_to_review() -> None:
    _, flags = _verdict_flags(_bill("07/05/2024"))
    assert "ambiguous_date" in flags


def test_a_date_that_reads_one_way_is_read_without_a_flag() -> None:
    read, flags = _verdict_flags(_bill("17/05/2024"))
    assert read == date(2024, 5, 17)
    assert "ambiguous_date" not in flags

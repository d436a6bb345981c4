"""The total's confidence that the extractor reports (the engine sends one under 0.5 to review)
is not held down by an unsure reading when the cash tendered less the change reaches the total
exactly (`corroborate.cash_sum`); subtotal plus tax shares the total's digits and does not."""

from __future__ import annotations

import asyncio
from decimal import Decimal

from reimburse.adapters.heuristic.invoice_extractor import HeuristicInvoiceExtractor
from reimburse.adapters.ocr.review import SINGLE_PLACE_MIN_CONFIDENCE, total_confidence
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import Category, Policy
from tests.unit.test_ocr_review_calibrated import receipt

UNSURE = 0.39  # a currency prefix glued to the amount, read unsurely ("RM29.30")


def read_total(document: Document) -> tuple[Decimal, float]:
    policy = Policy(policy_id="p", currency="MYR", categories=(Category(name="meals"),), title="t")
    invoice = asyncio.run(HeuristicInvoiceExtractor().extract(document, policy))
    return invoice.total, invoice.confidence["total"]


def test_cash_less_change_reaching_an_unsurely_read_total_lifts_it_over_the_review_line() -> None:
    rows = [("Grand Total", "RM29.30", UNSURE), ("Cash", "RM30.30", 0.99), ("Change", "RM1.00", 0.99)]
    total, sure = read_total(receipt(rows))
    assert total == Decimal("29.30")
    assert sure >= 0.5
    assert total_confidence(receipt(rows), total) == SINGLE_PLACE_MIN_CONFIDENCE


def test_subtotal_and_tax_reaching_it_do_not_lift_it() -> None:
    # printed 10.00 + 0.80 = 10.80; the same look-alike (1 read as 7) in subtotal and total
    rows = [("Subtotal", "70.00", 0.9), ("VAT", "0.80", 0.96), ("TOTAL", "70.80", UNSURE)]
    total, sure = read_total(receipt(rows))
    assert total == Decimal("70.80") and sure == UNSURE
    assert total_confidence(receipt(rows), total) == UNSURE


def test_without_that_arithmetic_the_unsure_reading_stays_under_the_review_line() -> None:
    rows = [("Grand Total", "RM29.30", UNSURE), ("Cash", "RM30.30", 0.99), ("Change", "RM1.10", 0.99)]
    total, sure = read_total(receipt(rows))
    assert total == Decimal("29.30") and sure == UNSURE
    # a term read unsurely proves nothing either
    rows = [("Grand Total", "RM29.30", UNSURE), ("Cash", "RM30.30", 0.6), ("Change", "RM1.00", 0.99)]
    assert read_total(receipt(rows))[1] == UNSURE


def test_a_sure_reading_keeps_its_own_confidence() -> None:
    rows = [("TOTAL", "12.35", 0.93), ("Cash", "20.00", 0.99), ("Change", "7.65", 0.98)]
    assert total_confidence(receipt(rows), Decimal("12.35")) == 0.93

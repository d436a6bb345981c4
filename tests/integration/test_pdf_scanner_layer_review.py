"""A scanner's legible OCR text layer is kept, but a total it misread goes to review: our OCR of
the same picture does not print it (issue 12, silent misses)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from reimburse.adapters.heuristic.invoice_extractor import HeuristicInvoiceExtractor
from reimburse.adapters.pdf import pdfplumber_document_reader as pdf_reader
from reimburse.adapters.pdf.pdfplumber_document_reader import PdfplumberDocumentReader
from reimburse.domain.errors import UnsupportedFile
from reimburse.domain.verdict.decide import Claim, decide
from reimburse.domain.verdict.document import TextSource
from reimburse.domain.verdict.policy import Category, Policy
from reimburse.domain.verdict.verdict import FlagCode
from tests.image_factory import receipt
from tests.integration.test_pdf_reocr import CLEAN, SCAN, _scan_with_layer

POLICY = Policy(policy_id="pol_test", currency="EUR", categories=(Category(name="meals"),))


def flags(layer: list[str]) -> tuple[Decimal | None, set[str]]:
    document = PdfplumberDocumentReader(max_pages=5).read(_scan_with_layer(receipt(SCAN), layer), "scan.pdf")
    assert document.layout[0].source is TextSource.TEXT_LAYER  # legible: the scanner's layer is kept
    invoice = HeuristicInvoiceExtractor().read(document, POLICY)
    verdict = decide(POLICY, invoice, Claim(employee_name="", submitted_on=date(2024, 12, 20)))
    return invoice.total, {f.code for f in verdict.flags}


def test_a_total_the_scanner_misread_goes_to_review() -> None:
    misread = [line.replace("TOTAL 48.20", "TOTAL 648.20") for line in CLEAN]
    total, codes = flags(misread)
    assert total == Decimal("648.20")
    assert FlagCode.LOW_CONFIDENCE.value in codes


def test_a_scanner_layer_our_ocr_agrees_with_is_not_sent_to_review() -> None:
    total, codes = flags(CLEAN)
    assert total == Decimal("48.20")
    assert FlagCode.LOW_CONFIDENCE.value not in codes


def test_when_our_ocr_fails_the_scanner_total_goes_to_review(monkeypatch: pytest.MonkeyPatch) -> None:
    def too_slow(*_: object, **__: object) -> None:
        raise UnsupportedFile("page 1 could not be read within 60 s.")

    monkeypatch.setattr(pdf_reader, "ocr_pages", too_slow)
    total, codes = flags(CLEAN)  # right, but nothing confirmed it
    assert total == Decimal("48.20")
    assert FlagCode.LOW_CONFIDENCE.value in codes

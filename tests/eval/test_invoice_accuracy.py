"""The reader's field accuracy on the real corpus may not fall below what was measured.

Thresholds are the figures measured when they were set (docs/accuracy.md), rounded down a
little, so a change that makes reading worse fails here. The held-out third has its own floor.
"""

from __future__ import annotations

import os

import pytest

from tests.eval import invoice_eval
from tests.eval.corpus import ENV, corpus_dir

CORPUS = corpus_dir()
pytestmark = pytest.mark.skipif(
    not (CORPUS / "labels.json").exists() and os.environ.get("CI") != "true",
    reason=f"no labelled corpus at {CORPUS} (set {ENV})",
)

# field -> minimum share right, (whole corpus, held-out third). Measured on 2026-11-26 (docs/accuracy.md):
# total 86/96 and 32/39, currency 86/95 and 31/39, date 83/96 and 30/39, number 39/59 and 12/23,
# vendor 76/96 and 27/39; each floor sits about one document below its figure.
FLOORS: dict[str, tuple[float, float]] = {
    "total": (0.88, 0.80),
    "currency": (0.89, 0.77),
    "date": (0.85, 0.74),
    "number": (0.64, 0.47),
    "vendor": (0.78, 0.66),
}
# share of clean documents with a reading flag: measured 6/81 and 5/32 (the goal is 5%)
MAX_FALSE_REVIEW = (0.09, 0.19)
MIN_CONTRADICTIONS_FLAGGED = 0.5  # measured 2/4
MAX_UNREAD_WITH_A_TOTAL = 2  # measured 2 ("no total found", both held out); the goal is 0
# OCR'd documents with a wrong total or date and no review (issue 12): measured 1 of 43 images on
# 26 Nov (a held-out date; 0 on the development images); the goal is 0
MAX_SILENT_MISSES = (1, 1)


@pytest.fixture(scope="module")
def evaluation() -> invoice_eval.InvoiceEvaluation:
    assert (CORPUS / "labels.json").exists(), f"CI needs the corpus at {CORPUS}"
    return invoice_eval.evaluate(CORPUS)


def _share(hit: int, n: int) -> float:
    return hit / n if n else 1.0


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_field_accuracy_holds(evaluation: invoice_eval.InvoiceEvaluation, field: str) -> None:
    whole, held = FLOORS[field]
    assert _share(*invoice_eval.accuracy(evaluation.results, field)) >= whole
    assert _share(*invoice_eval.accuracy(evaluation.subset("held-out"), field)) >= held


def test_clean_documents_rarely_go_to_review(evaluation: invoice_eval.InvoiceEvaluation) -> None:
    whole, held = MAX_FALSE_REVIEW
    assert _share(*invoice_eval.false_review(evaluation.results)) <= whole
    assert _share(*invoice_eval.false_review(evaluation.subset("held-out"))) <= held


def test_contradictory_documents_are_flagged(evaluation: invoice_eval.InvoiceEvaluation) -> None:
    contradictory = [r for r in evaluation.results if r.contradictory and r.error is None]
    flagged = [r for r in contradictory if r.reading_flags]
    assert _share(len(flagged), len(contradictory)) >= MIN_CONTRADICTIONS_FLAGGED


def test_documents_that_print_a_total_are_read(evaluation: invoice_eval.InvoiceEvaluation) -> None:
    unread = [r.file for r in evaluation.results if r.error and "no total" in r.error]
    assert len(unread) <= MAX_UNREAD_WITH_A_TOTAL, unread


def test_ocr_misses_go_to_review(evaluation: invoice_eval.InvoiceEvaluation) -> None:
    whole, held = MAX_SILENT_MISSES
    assert invoice_eval.silent_misses(evaluation.results)[0] <= whole
    assert invoice_eval.silent_misses(evaluation.subset("held-out"))[0] <= held

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

# field -> minimum share right, (whole corpus, held-out third). Measured by `make eval` on 2026-11-26
# at 22:10 (docs/accuracy.md): total 96/96 and 39/39, currency 91/95 and 35/39, date 89/96 and 34/39,
# number 51/59 and 19/23, vendor 78/96 and 26/39 (80 and 28 at 19:34: the faster OCR detection scale,
# e1351b8, read two held-out vendors fewer while reading every development field the same; it was kept
# on the development figures, see docs/ocr.md). Floors sit about two documents below: scanned pages
# are read again by OCR under a time limit, so on a loaded machine a page may keep the scanner's
# reading instead. Vendor again at 00:49 on 2026-11-27 (count-only aggregate): 80/96 and 26/39.
FLOORS: dict[str, tuple[float, float]] = {
    "total": (0.95, 0.94),
    "currency": (0.93, 0.84),
    "date": (0.90, 0.84),
    "number": (0.82, 0.74),
    "vendor": (0.81, 0.61),
}
# share of clean documents with a reading flag: measured 8/83 and 6/34 at 19:34, 6/83 and 5/34 at
# 21:40 (the goal is 5%); ceilings about two documents above. Most left are low_confidence on a
# total read right from a weak or unlabelled line, and missing_date, for a person to confirm.
MAX_FALSE_REVIEW = (0.10, 0.21)
MIN_CONTRADICTIONS_FLAGGED = 0.75  # measured 2/4, then 4/4 on 28 Nov (s14 contradiction flags); one below
MAX_UNREAD_WITH_A_TOTAL = 0  # measured 0
# OCR'd documents with a wrong total or date and no review (issue 12): measured 1 of 43 images on
# 26 Nov (a held-out date; 0 on the development images); the goal is 0. Whole corpus 2 since
# scanned PDF pages are read again by OCR: a development hotel folio whose first page keeps the
# scanner's layer (its misread total was already wrong and silent) now counts as OCR'd by its
# second page. 26 Nov 19:00: that folio's scanner layer is now checked against our OCR of the page
# and its misread total goes to review; whole corpus 1 (the held-out date), held-out 1.
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

"""E-invoice reading on the real corpus: every Factur-X / ZUGFeRD PDF is read from its XML with
the labelled values, no clean one gets an einvoice_mismatch flag (the flag's precision test),
and no PDF without XML is taken for one. Held-out files are judged in aggregate only."""

from __future__ import annotations

import pytest

from tests.eval import invoice_eval
from tests.eval.corpus import corpus_dir, load_labels

CORPUS = corpus_dir()
pytestmark = pytest.mark.skipif(
    not (CORPUS / "labels.json").exists(), reason=f"no corpus at {CORPUS} (set REIMBURSE_CORPUS)"
)


@pytest.fixture(scope="module")
def results() -> list[invoice_eval.FileResult]:
    labels = load_labels(CORPUS / "labels.json")
    pdfs = [label["file"] for label in labels if label["file"].startswith("pdf/")]
    return invoice_eval.evaluate(CORPUS, only=pdfs).results


def _with_xml() -> set[str]:
    return {label["file"] for label in load_labels(CORPUS / "labels.json") if label.get("has_embedded_xml")}


def test_development_e_invoices_are_read_exactly_without_mismatch(
    results: list[invoice_eval.FileResult],
) -> None:
    with_xml = _with_xml()
    dev = [r for r in results if r.file in with_xml and r.split == "development"]
    assert dev, "the development set holds e-invoice PDFs"
    for r in dev:
        assert r.source == "einvoice", r.file
        assert r.error is None, (r.file, r.error)
        assert all(r.right.values()), (r.file, r.got, r.want)
        assert "einvoice_mismatch" not in r.flags, (r.file, r.flags)


def test_held_out_e_invoices_in_aggregate(results: list[invoice_eval.FileResult]) -> None:
    with_xml = _with_xml()
    held = [r for r in results if r.file in with_xml and r.split == "held-out"]
    read = sum(r.source == "einvoice" and r.error is None for r in held)
    exact = sum(r.error is None and all(r.right.values()) for r in held)
    flagged = sum("einvoice_mismatch" in r.flags for r in held)
    assert (read, exact, flagged) == (len(held), len(held), 0)


def test_pdfs_without_xml_are_not_taken_for_e_invoices(results: list[invoice_eval.FileResult]) -> None:
    with_xml = _with_xml()
    taken = sum(r.source == "einvoice" for r in results if r.file not in with_xml)
    assert taken == 0

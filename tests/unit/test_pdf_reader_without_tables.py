"""Invoices are read without the ruled-table search (only the policy reader uses tables; bench
item 2). Skipping it must change nothing else a document holds, and the service must still give
policies their tables."""

from __future__ import annotations

from pathlib import Path

import msgspec

from reimburse.adapters.pdf.pdfplumber_document_reader import PdfplumberDocumentReader
from reimburse.domain.errors import DocumentError
from reimburse.domain.verdict.document import Document
from tests.conftest import make_settings, offline_container
from tests.unit.test_heuristic_policy_tables import _ruled_table_pdf

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples" / "invoices"


def _without_tables(document: Document) -> Document:
    pages = tuple(msgspec.structs.replace(page, tables=()) for page in document.layout)
    return msgspec.structs.replace(document, layout=pages)


def test_example_invoices_read_the_same_without_the_table_search() -> None:
    full, lean = PdfplumberDocumentReader(), PdfplumberDocumentReader(tables=False)
    with_tables = 0
    for path in sorted(EXAMPLES.glob("*.pdf")):
        data = path.read_bytes()
        try:
            expected = full.read(data, path.name)
        except DocumentError:
            continue
        with_tables += any(page.tables for page in expected.layout)
        assert lean.read(data, path.name) == _without_tables(expected), path.name
    assert with_tables >= 2  # the comparison covered ruled invoices, not only plain ones


def test_the_service_reads_policy_tables_but_not_invoice_tables(tmp_path: Path) -> None:
    use_case = offline_container(make_settings(tmp_path)).analyze_batch()
    data = _ruled_table_pdf()
    assert any(page.tables for page in use_case.reader.read(data, "policy.pdf").layout)
    assert not any(page.tables for page in use_case.invoice_reader.read(data, "invoice.pdf").layout)

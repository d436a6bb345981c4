"""Limit tables by grade and city class: text set in columns and ruled tables drawn in a PDF give
one limit per cell, with the row and column headers as its condition (issue 19)."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

from reportlab.pdfgen.canvas import Canvas

from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.adapters.pdf.pdfplumber_document_reader import PdfplumberDocumentReader
from reimburse.domain.verdict.decide import Claim, decide
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.policy import CapUnit, Policy
from reimburse.domain.verdict.verdict import FlagCode, Status

HEADER = ("Grade", "Tier 1 cities", "Tier 2 cities")
ROWS = (("Grade A", "INR 5,000", "INR 3,500"), ("Grade B", "INR 3,500", "INR 2,500"))
PROSE = (
    "Travel Policy",
    "Hotel stays are reimbursed within the limits below.",
    "Hotel limits per night",
)


def _cells(policy: Policy) -> dict[tuple[str, str], tuple[Decimal, CapUnit]]:
    out = {}
    for cap in policy.caps:
        assert cap.condition is not None, cap
        out[(cap.condition.grades[0], cap.condition.locations[0])] = (cap.amount, cap.unit)
    return out


EXPECTED = {
    ("Grade A", "Tier 1 cities"): (Decimal(5000), CapUnit.NIGHT),
    ("Grade A", "Tier 2 cities"): (Decimal(3500), CapUnit.NIGHT),
    ("Grade B", "Tier 1 cities"): (Decimal(3500), CapUnit.NIGHT),
    ("Grade B", "Tier 2 cities"): (Decimal(2500), CapUnit.NIGHT),
}


def test_a_table_set_in_text_columns_gives_one_limit_per_cell() -> None:
    lines = [*PROSE, "   ".join(HEADER), *("   ".join(r) for r in ROWS), "Claims within 30 days."]
    text = "\n".join(lines)
    policy = HeuristicPolicyInterpreter().read(Document("p.pdf", "ab" * 32, text, (text,)))
    assert {c.category for c in policy.caps} == {"hotel"}
    assert _cells(policy) == EXPECTED


def _ruled_table_pdf() -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, invariant=True)
    c.setFont("Helvetica", 11)
    y = 780.0
    for line in PROSE:
        c.drawString(72, y, line)
        y -= 18
    top, row_h, xs = y - 4, 22.0, (72.0, 200.0, 330.0, 460.0)
    rows = (HEADER, *ROWS)
    for i in range(len(rows) + 1):
        c.line(xs[0], top - i * row_h, xs[-1], top - i * row_h)
    for x in xs:
        c.line(x, top, x, top - len(rows) * row_h)
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            c.drawString(xs[j] + 6, top - i * row_h - 15, cell)
    c.drawString(72, top - len(rows) * row_h - 24, "Claims must be submitted within 30 days.")
    c.showPage()
    c.save()
    return buf.getvalue()


def test_a_ruled_pdf_table_reaches_the_policy_through_the_document() -> None:
    document = PdfplumberDocumentReader().read(_ruled_table_pdf(), "policy.pdf")
    tables = [t for page in document.layout for t in page.tables]
    assert tables and tables[0][0] == HEADER
    policy = HeuristicPolicyInterpreter().read(document)
    assert _cells(policy) == EXPECTED
    hotel = Invoice(
        total=Decimal(3000), currency="INR", category="hotel", invoice_date=date(2024, 5, 1), nights=1
    )
    b2 = decide(policy, hotel, Claim("Rani", date(2024, 5, 3), employee_grade="B", location="Tier 2"))
    assert (b2.status, b2.reimbursable) == (Status.PARTIALLY_REIMBURSED, Decimal("2500.00"))
    a1 = decide(policy, hotel, Claim("Rani", date(2024, 5, 3), employee_grade="A", location="Tier 1"))
    assert a1.status is Status.FULLY_REIMBURSED and not a1.review_required
    unknown = decide(policy, hotel, Claim("Rani", date(2024, 5, 3), location="Tier 1"))
    assert any(f.code == FlagCode.MISSING_FACT and "employee_grade" in f.message for f in unknown.flags)
    assert unknown.reimbursable == Decimal("3000.00")  # every Tier 1 row allows at least 3,500


def test_a_page_without_rules_is_not_searched_for_tables() -> None:
    from tests import pdf_factory

    document = PdfplumberDocumentReader().read(
        pdf_factory.text_pdf("Hotel up to INR 4,000 per night."), "p.pdf"
    )
    assert all(page.tables == () for page in document.layout)

"""A date its narrow table cell wraps onto the next row (issue 11, sets T and T2).

WooCommerce's order-data cell prints "Factuurdatum:   18 september" over "2025"; FreshInvoice's
factuur prints "Datum:   17-10-" over "2025". The rest of the date is read from the row right under
the value, at the cell's left edge. Documents are synthetic: words placed on a page.
"""

from __future__ import annotations

from datetime import date

import pytest

from reimburse.adapters.heuristic import HeuristicInvoiceExtractor
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import Category, Policy
from tests.layout_lines import placed_document

POLICY = Policy(policy_id="pol_wrap", currency="EUR", categories=(Category("goods", ("shop",)),))


def _invoice(label: str, head: str, rest: str, rest_x: float = 130) -> Document:
    return placed_document(
        [
            [(40, 60, "Tuinwinkel Groen"), (380, 60, "Factuur")],
            [(40, 100, "Factuurnummer:"), (130, 100, "2025-0142")],
            [(40, 114, label), (130, 114, head), (380, 114, "Kromme Rijn 5")],
            [(rest_x, 128, rest), (380, 128, "3981 AB Bunnik")],
            [(40, 200, "Totaal"), (400, 200, "€ 3.279,10")],
        ]
    )


@pytest.mark.parametrize(
    ("label", "head", "rest", "want"),
    [
        ("Datum:", "17-10-", "2025", date(2025, 10, 17)),
        ("Factuurdatum:", "18 september", "2025", date(2025, 9, 18)),
        ("Rechnungsdatum:", "3. März", "2025", date(2025, 3, 3)),
    ],
)
def test_the_year_wrapped_under_a_date_cell_completes_it(
    label: str, head: str, rest: str, want: date
) -> None:
    invoice = HeuristicInvoiceExtractor().read(_invoice(label, head, rest), POLICY)
    assert invoice.invoice_date == want


def test_a_number_under_the_cell_in_another_column_is_no_year() -> None:
    # "2025" under the seller's address column, not under the value: the date stays unread
    invoice = HeuristicInvoiceExtractor().read(_invoice("Datum:", "17-10-", "2025", rest_x=250), POLICY)
    assert invoice.invoice_date is None

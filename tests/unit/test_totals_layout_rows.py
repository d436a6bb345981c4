"""Where a total's amount sits on the page (issue 11, set D and photo_damage).

A table heading "Total" heads a column of item amounts in Portuguese as in the other languages; a
label alone on its line takes the amount under it, not the one a curled row drifted beside it.
"""

from __future__ import annotations

from decimal import Decimal

from reimburse.adapters.heuristic import HeuristicInvoiceExtractor
from tests.layout_lines import placed_document
from tests.text_receipts import POLICY


def test_a_lone_total_label_takes_the_amount_under_it_not_the_one_drifted_beside_it() -> None:
    # curled paper: the tip's amount sits lower than its label, level with "TOTAL" (photo_damage
    # seed 227 #53); the tip owns it on its own line, and the total is printed right under "TOTAL"
    rows = [
        [(40, 40, "Harbour Grill"), (40, 55, "12 Pier Rd, Portland, ME 04101")],
        [(40, 80, "Chowder"), (300, 80, "$18.00")],
        [(40, 95, "Lobster roll"), (300, 95, "$30.00")],
        [(40, 120, "Subtotal"), (300, 120, "$48.00")],
        [(40, 135, "Tip"), (300, 141, "$5.76")],
        [(40, 146, "TOTAL")],
        [(300, 160, "$53.76")],
    ]
    invoice = HeuristicInvoiceExtractor().read(placed_document(rows), POLICY)
    assert invoice.total == Decimal("53.76")


def test_a_portuguese_item_table_heading_is_no_rival_total() -> None:
    # "Descrição   Qtd.   Total" heads the item table: the amount under its "Total" is an item's
    rows = [
        [(40, 40, "Olaria Ribeira Funda, Lda."), (420, 40, "FATURA FT A/118")],
        [(40, 55, "Data de emissão: 17/06/2025")],
        [(40, 100, "Descrição"), (300, 100, "Qtd."), (450, 100, "Total")],
        [(40, 115, "Pratos de serviço"), (300, 115, "60"), (450, 115, "540,00 €")],
        [(40, 130, "Travessas grandes"), (300, 130, "12"), (450, 130, "216,00 €")],
        [(300, 160, "Total ilíquido"), (450, 160, "756,00 €")],
        [(300, 175, "IVA 23%"), (450, 175, "173,88 €")],
        [(300, 190, "Total"), (450, 190, "929,88 €")],
    ]
    invoice = HeuristicInvoiceExtractor().read(placed_document(rows), POLICY)
    assert invoice.total == Decimal("929.88")
    assert invoice.candidate_totals == (Decimal("929.88"),)

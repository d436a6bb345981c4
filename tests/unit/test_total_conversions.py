"""A total printed again at an exchange rate, for information (issue 11, set RT).

Hotels and card terminals print the bill's total converted ("Total EUR (Kurs 1.0650, zur
Information)"): that line names its rate or says it informs, and is no total of the invoice.
Texts are synthetic.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from reimburse.adapters.heuristic.conversions import conversion_line
from tests.text_receipts import low, read


@pytest.mark.parametrize(
    ("line", "conversion"),
    [
        ("Total EUR (Kurs 1.0650, zur Information)   652.21", True),
        ("Total USD 108.50 (exchange rate 1.085)", True),
        ("Tasso 1 EUR =   1.0894 USD", True),
        ("Montant en EUR à titre indicatif   45,00", True),
        ("Total CHF   612.40", False),
        ("Kurs Erste Hilfe   120,00", False),
        ("1 Stk = 2,50", False),
        ("Taux TVA 20%   4,00", False),
    ],
)
def test_a_conversion_line_names_its_rate_or_says_it_informs(line: str, conversion: bool) -> None:
    assert conversion_line(line) is conversion


def test_a_total_converted_for_information_is_not_the_invoice_total() -> None:
    text = (
        "Gasthof Alpenrose Brienz\nHauptstrasse 9, 3855 Brienz\nRechnung Nr. 4410\nDatum: 17.09.2025\n"
        "Zimmer 2 Nächte   560.00\nAbendessen   46.00\nTotal CHF   606.00\n"
        "Total EUR (Kurs 1.0650, zur Information)   645.39\n"
    )
    invoice = read(text)
    assert invoice.total == Decimal("606.00")
    assert not low(invoice)

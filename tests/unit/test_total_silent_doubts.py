"""Totals that would be paid silently while the page contradicts them or does not choose.

A subtotal less its printed discount that misses the total is a `total_mismatch`; totals in two
currencies that neither the page nor the policy choose between are `multiple_totals`. The usual
tax, tip, discount and rounding cases stay clean. Synthetic texts.
"""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal

import pytest

from reimburse.adapters.heuristic import HeuristicInvoiceExtractor
from reimburse.domain.verdict.decide import Claim, decide
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.policy import Category, Policy


def policy(currency: str) -> Policy:
    return Policy(policy_id="pol", currency=currency, categories=(Category("other"), Category("meals")))


def read(text: str, currency: str = "EUR") -> Invoice:
    doc = Document("x.pdf", hashlib.sha256(text.encode()).hexdigest(), text, (text,))
    return HeuristicInvoiceExtractor().read(doc, policy(currency))


def codes(invoice: Invoice, currency: str = "EUR") -> set[str]:
    verdict = decide(policy(currency), invoice, Claim(employee_name="", submitted_on=date(2100, 1, 1)))
    return {f.code for f in verdict.flags}


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # the discount printed does not close the gap: 100 - 5 is not 90
        ("Cafe Roma\nSubtotal 100.00\nDiscount -5.00\nTotal 90.00\n03.02.2022", True),
        ("Trattoria\nSubtotale 80,00\nSconto -4,00\nTotale 70,00\n03.02.2022", True),
        ("Gasthaus\nZwischensumme 50,00\nRabatt -2,00\nSumme 40,00\n03.02.2022", True),
        # ... and where it does, or with tax, tip or rounding, the page agrees with itself
        ("Cafe Roma\nSubtotal 100.00\nDiscount -10.00\nTotal 90.00\n03.02.2022", False),
        ("Cafe Roma\nSubtotal 100.00\nDiscount -10.00\nVAT 18.00\nTotal 108.00\n03.02.2022", False),
        ("Diner\nSubtotal 40.00\nDiscount -4.00\nTip 6.00\nTotal 42.00\n03.02.2022", False),
        ("Cafe\nSubtotal 10.03\nDiscount -1.00\nRounding -0.03\nTotal 9.00\n03.02.2022", False),
        ("Cafe Roma\nSubtotal 100.00\nVAT 20.00\nTotal 120.00\n03.02.2022", False),
        # an unread line between them (a fee whose label no reader knows) may be what is missing
        ("Cafe Roma\nSubtotal 100.00\nDiscount -5.00\nXyzzy 5.00\nTotal 90.00\n03.02.2022", False),
    ],
)
def test_a_discount_that_does_not_close_is_a_mismatch(text: str, flagged: bool) -> None:
    invoice = read(text)
    assert ("total_mismatch" in codes(invoice)) == flagged


@pytest.mark.parametrize(
    ("text", "currency", "total", "read_currency", "doubted"),
    [
        # neither the page nor the policy chooses: the larger number is no reason, it is flagged
        ("Cafe Roma\nTotal GBP 200.00\nTotal EUR 232.00\n03.02.2022", "USD", "232.00", "EUR", True),
        ("Cafe Roma\nTotal EUR 232.00\nTotal GBP 200.00\n03.02.2022", "CHF", "232.00", "EUR", True),
        # the policy's currency is one of them: that one is what the claim is paid in
        ("Cafe Roma\nTotal GBP 200.00\nTotal EUR 232.00\n03.02.2022", "GBP", "200.00", "GBP", False),
        ("Cafe Roma\nTotal GBP 200.00\nTotal EUR 232.00\n03.02.2022", "EUR", "232.00", "EUR", False),
        # most of the page's amounts are in one currency: the other total is its conversion
        (
            "Cafe Roma\nSoup 80.00 GBP\nWine 120.00 GBP\nTotal GBP 200.00\nTotal EUR 232.00\n03.02.2022",
            "USD",
            "200.00",
            "GBP",
            False,
        ),
    ],
)
def test_totals_in_two_currencies(
    text: str, currency: str, total: str, read_currency: str, doubted: bool
) -> None:
    invoice = read(text, currency)
    assert invoice.total == Decimal(total)
    assert invoice.currency == read_currency
    assert ("multiple_totals" in codes(invoice, currency)) == doubted

"""`multiple_totals` means two amounts claim the same role: a reviewer can act on it.

Two different amounts under total labels of the same role (a grand total, a bare "Total"), with
nothing printed between them that explains the gap, are a real doubt. A net beside a gross, a total before a tip or fee whose amount is printed, a
total in a second currency, or a row of a VAT summary that prints the total too are steps towards
the total, not rivals. Synthetic texts, each in its language's convention.
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

POLICY = Policy(policy_id="pol", currency="EUR", categories=(Category("other"), Category("meals")))


def read(text: str) -> Invoice:
    doc = Document("x.pdf", hashlib.sha256(text.encode()).hexdigest(), text, (text,))
    return HeuristicInvoiceExtractor().read(doc, POLICY)


def codes(invoice: Invoice) -> set[str]:
    verdict = decide(POLICY, invoice, Claim(employee_name="", submitted_on=date(2100, 1, 1)))
    return {f.code for f in verdict.flags}


@pytest.mark.parametrize(
    ("text", "total"),
    [
        # a total in a second currency (the changeover receipts print both); the page does not
        # choose, so the one in the policy's currency (EUR here) is read
        ("Restoran\nTotal   10,00 EUR\nTotal   75,35 HRK\n03.02.2022", "10.00"),
        # a net amount below the gross, its tax line unread
        ("Bill\nNet amount   90.00\nTotal   100.00\n12.03.2024", "100.00"),
        # a bare total before a delivery fee printed between it and the total
        ("Order\nTotal   84.03\nDelivery   15.97\nTotal   100.00\n12.03.2024", "100.00"),
        # a total before a service charge whose label is not read, the charge printed between them
        ("Diner\nTotal   50.00\nBedienung   5.00\nGrand Total   55.00\n12.03.2024", "55.00"),
        # a VAT summary row that prints net, tax and the total
        ("Rechnung\nSumme   84,03   15,97   100,00   netto\nGesamtbetrag   100,00\n12.03.2024", "100.00"),
    ],
)
def test_steps_towards_the_total_are_no_rivals(text: str, total: str) -> None:
    invoice = read(text)
    assert invoice.total == Decimal(total)
    assert "multiple_totals" not in codes(invoice)


@pytest.mark.parametrize(
    "text",
    [
        "Invoice 7\nGrand Total   180.00\nAmount payable   200.00\n12.03.2024",  # two grand totals
        "Invoice 7\nTotal   84.03\nTotal   100.00\n12.03.2024",  # nothing printed explains the gap
        "Invoice 7\nGrand Total   180.00\nTotal   200.00\n12.03.2024",  # a bare total above the grand one
        "Quick Mart\nTotal 1,200.00\nAmount Payable 1,250.00\n02.01.2024",  # below it, unexplained
    ],
)
def test_two_totals_of_the_same_role_that_differ_are_flagged(text: str) -> None:
    assert "multiple_totals" in codes(read(text))


def test_the_same_total_printed_twice_is_no_rival() -> None:
    invoice = read("Bill\nTotal   42.00\nCard   42.00\nTotal   42.00\n12.03.2024")
    assert "multiple_totals" not in codes(invoice)

"""A payment term after the total's word is a period, not a second total (issue 11, set T).

Invoices close with the terms of payment, and German ones name the amount in the sentence: "Bitte
überweisen Sie den Rechnungsbetrag innerhalb von 14 Tagen". The count of days beside the total's
word is no rival total; an amount printed as money there still is. Texts are synthetic.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest

from reimburse.adapters.heuristic import HeuristicInvoiceExtractor
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.policy import Category, Policy

POLICY = Policy(policy_id="pol_terms", currency="EUR", categories=(Category("services", ("design",)),))

_INVOICE = (
    "Grafikbüro Ahrens\nMühlenweg 4\n23552 Lübeck\n\nRechnung Nr. 2025-17   Datum: 12.02.2025\n"
    "Beschreibung   Menge   Gesamtpreis\nLogo-Entwurf   1   800,00 €\n\n"
    "Zwischensumme   800,00 €\nMwSt. (19%)   152,00 €\nGesamtbetrag   952,00 €\n\n{terms}\n"
)


async def _extract(text: str) -> Invoice:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return await HeuristicInvoiceExtractor().extract(Document("invoice.pdf", sha, text), POLICY)


@pytest.mark.parametrize(
    "terms",
    [
        "Bitte überweisen Sie den Rechnungsbetrag innerhalb von 14 Tagen ohne Abzug.",
        "Den Rechnungsbetrag zahlen Sie bitte binnen 10 Werktagen.",
        "Total amount due within 30 days of the invoice date.",
    ],
)
async def test_a_count_of_days_after_the_total_word_is_no_rival_total(terms: str) -> None:
    invoice = await _extract(_INVOICE.format(terms=terms))
    assert invoice.total == Decimal("952.00")
    assert invoice.candidate_totals == (Decimal("952.00"),)


async def test_money_after_the_total_word_in_the_terms_is_still_read() -> None:
    # a different amount printed as money in the closing sentence stays a rival: sent to review
    invoice = await _extract(
        _INVOICE.format(terms="Bitte überweisen Sie den Rechnungsbetrag 925,00 € bis Monatsende.")
    )
    assert Decimal("925.00") in invoice.candidate_totals

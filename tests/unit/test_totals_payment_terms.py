"""What else a total's line holds: a term of payment, the tax it includes (issue 11, set T).

Invoices close with the terms of payment, and German ones name the amount in the sentence: "Bitte
überweisen Sie den Rechnungsbetrag innerhalb von 14 Tagen". The count of days beside the total's
word is no rival total; an amount printed as money there still is. Web shops print the tax a total
includes after it ("Totaal € 190,95 (inclusief € 33,14 BTW)"): that is no total. Texts are synthetic.
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


_TIMESHEET = (
    "Recipient   Biller\nHarbour Lights GmbH   Ines Marquardt Design\n\nInvoice ID:   2025-031\n"
    "Issuing Date:   2025-08-05\n\nNo   Date   Description   Duration   Price   Total\n"
    "1   2025-07-15   Menu card layout   300   400.00   400.00\n"
    "2   2025-07-29   Signage drafts   {worked}   550.00   550.00\n\n"
    "{duration}\nSubtotal:   950.00 €\nVAT of:   Reverse Charge\nTotal:   950.00 €\n"
)


@pytest.mark.parametrize(
    ("worked", "duration"),
    [("120", "Total working time:   420 min"), ("4", "Total:   6 hours"), ("90", "Gesamt:   390 Minuten")],
)
async def test_a_duration_after_the_total_word_is_no_rival_total(worked: str, duration: str) -> None:
    # time-tracking invoices sum the time worked beside the money (ad-si invoice-maker, Kimai)
    invoice = await _extract(_TIMESHEET.format(worked=worked, duration=duration))
    assert invoice.total == Decimal("950.00")
    assert invoice.candidate_totals == (Decimal("950.00"),)


async def test_money_after_the_total_word_in_the_terms_is_still_read() -> None:
    # a different amount printed as money in the closing sentence stays a rival: sent to review
    invoice = await _extract(
        _INVOICE.format(terms="Bitte überweisen Sie den Rechnungsbetrag 925,00 € bis Monatsende.")
    )
    assert Decimal("925.00") in invoice.candidate_totals


@pytest.mark.parametrize(
    "total_line",
    [
        "Totaal   € 952,00 (inclusief € 152,00 BTW)",
        "Gesamtbetrag   952,00 € inkl. 152,00 € MwSt.",
        "Total   952,00 € (dont 152,00 € TVA)",
        "Total   €952.00 (includes €152.00 VAT)",
    ],
)
async def test_the_tax_a_total_includes_beside_it_is_not_the_total(total_line: str) -> None:
    # web shops print the included tax after the total, on the same line
    text = (
        "Radhaus Brink\nMarktstraat 5\n3511 AB Utrecht\n\nFactuurnummer: 88   Factuurdatum: 12-02-2025\n"
        f"Product   Aantal   Prijs\nFietstas   1   € 952,00\n\n{total_line}\n"
    )
    invoice = await _extract(text)
    assert invoice.total == Decimal("952.00")


@pytest.mark.parametrize(
    ("total_line", "total"),
    [
        ("Total 2 nights incl. breakfast   £240.00", "240.00"),
        ("Total 2 nights including breakfast   240.00 EUR", "240.00"),
        ("Total 2 nuits dont petit-déjeuner   240,00 €", "240.00"),
        ("Gesamt 2 Nächte inkl. Frühstück   240,00 €", "240.00"),
    ],
)
async def test_a_count_before_the_inclusion_word_is_not_the_total(total_line: str, total: str) -> None:
    # the inclusion cut keeps what stands before the word only when that is printed as money
    text = (
        "Hotel Lindenhof\nAm Markt 3\n37073 Göttingen\n\nInvoice 5521   Date: 12.02.2025\n"
        f"Room   2   120,00\n\n{total_line}\n"
    )
    invoice = await _extract(text)
    assert invoice.total == Decimal(total)

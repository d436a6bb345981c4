"""The s16 review of the totals rules (issue 11): what it found paid silently, mended.

Section totals add up to an amount due only with the charges and taxes printed under them, never
with a carried balance or another invoice; "Kurs" with a number is a course as often as a rate;
the bare "to pay" phrase names the amount due only where it opens its line. Texts are synthetic.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from reimburse.domain.verdict.decide import Claim, decide
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.verdict import FlagCode
from tests.text_receipts import POLICY, read


def _reviewed(invoice: Invoice) -> bool:
    """Whether the engine flags the reading (a policy in its currency; the category is not the point)."""
    policy = POLICY.__class__(
        policy_id=POLICY.policy_id, currency=invoice.currency or POLICY.currency, categories=POLICY.categories
    )
    verdict = decide(policy, invoice, Claim(employee_name="", submitted_on=date(2100, 1, 1)))
    return any(f.code is not FlagCode.UNKNOWN_CATEGORY for f in verdict.flags)


_UTILITY = (
    "Lakeshore Energy Co-op\nPO Box 77, Toledo, OH 43604\nAccount 5120-0093\nStatement date: 02/11/2025\n\n"
    "Total Electric   64.20\nTotal Gas   30.05\n{between}Amount Due   {due}\n"
)
_GARAGE = (
    "Birchfield Motors\n14 Canal St, Akron, OH 44308\nInvoice # 7730\nDate: 02/11/2025\n\n"
    "Total Parts   410.00\nTotal Labor   260.00\n{between}Balance Due   {due}\n"
)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        (_UTILITY, "Previous balance   40.00\n"),
        (_UTILITY, "Past due amount   40.00\n"),
        (_GARAGE, "Previous balance   40.00\n"),
        (_GARAGE, "Invoice 7702 (unpaid)   40.00\n"),
    ],
)
def test_a_carried_balance_between_the_sections_and_the_due_is_never_paid_silently(
    text: str, due: str
) -> None:
    sections = Decimal("94.25") if text is _UTILITY else Decimal("670.00")
    whole = sections + Decimal("40.00")
    invoice = read(text.format(between=due, due=whole))
    assert invoice.total != whole or _reviewed(invoice)


@pytest.mark.parametrize(
    ("text", "between", "extra"),
    [
        (_UTILITY, "Late fee   5.00\n", "5.00"),
        (_GARAGE, "Shop supplies   12.00\nSales Tax   20.10\n", "32.10"),
    ],
)
def test_a_fee_or_tax_between_the_sections_and_the_due_still_counts(
    text: str, between: str, extra: str
) -> None:
    sections = Decimal("94.25") if text is _UTILITY else Decimal("670.00")
    whole = sections + Decimal(extra)
    invoice = read(text.format(between=between, due=whole))
    assert invoice.total == whole
    assert not _reviewed(invoice)


@pytest.mark.parametrize(
    ("text", "total"),
    [
        # Polish and Swedish course invoices: "kurs" with a number is the course, not a rate
        (
            "Studio Językowe Brzoza\nul. Klonowa 9, 30-001 Kraków\nFaktura nr 41/2025\nData wystawienia: 03.02.2025\n\n"
            "Kurs niemieckiego A2   980,00\nRazem kurs 4   980,00\nWpłacono   -300,00\nDo zapłaty   680,00\n",
            "980.00",
        ),
        (
            "Seglarskolan Norrviken AB\nHamngatan 2, 722 11 Västerås\nFaktura 3307\nFakturadatum: 2025-02-03\n\n"
            "Kurs 3 dagar   6 000,00\nMoms 25 %   1 500,00\nTotalt kurs 3   7 500,00\nInbetalt   -2 000,00\n"
            "Att betala   5 500,00\n",
            "7500.00",
        ),
    ],
)
def test_a_course_numbered_after_kurs_is_no_exchange_rate(text: str, total: str) -> None:
    invoice = read(text)
    assert invoice.total == Decimal(total) or _reviewed(invoice)


_FACTURE = (
    "Menuiserie Vallon SARL\n3 rue des Tanneurs, 69002 Lyon\nFacture n° F-2025-077\nDate : 11/02/2025\n\n"
)
_RECHNUNG = (
    "Malerbetrieb Auwald GmbH\nAuweg 7, 93047 Regensburg\nRechnung Nr. 2025-031\nDatum: 11.02.2025\n\n"
)


@pytest.mark.parametrize(
    "text",
    [
        # an instalment, the VAT or a reminder fee "to pay": the phrase does not name the amount due
        _FACTURE + "Total HT   700,00\nTVA 20 %   140,00\nNet à payer   840,00\n"
        "Première échéance à payer le 15/03/2025   420,00\n",
        _FACTURE + "Total TTC   840,00\nÉchéance 1 à payer le 15/03/2025   420,00\n"
        "Échéance 2 à payer le 15/04/2025   420,00\n",
        _FACTURE + "Total HT   700,00\nTVA à payer   140,00\nTotal TTC   840,00\n",
        _FACTURE + "Total TTC   840,00\ndont TVA 20 %   140,00\nFrais de relance à payer   12,00\n",
        _RECHNUNG + "Gesamtbetrag   1.071,00\nerste Rate zu bezahlen bis 15.03.2025   535,50\n",
        # a deposit still to pay is no deposit paid, nor the amount due
        _FACTURE + "Total HT   700,00\nTVA 20 %   140,00\nNet à payer   840,00\n"
        "Acompte à payer à la commande (50 %)   420,00\n",
    ],
)
def test_to_pay_inside_a_phrase_names_no_amount_due(text: str) -> None:
    invoice = read(text)
    assert invoice.amount_due not in (
        Decimal("420.00"),
        Decimal("140.00"),
        Decimal("12.00"),
        Decimal("535.50"),
    )
    assert invoice.total in (Decimal("840.00"), Decimal("1071.00"))


@pytest.mark.parametrize(
    ("text", "due"),
    [
        # the phrase opening its line or cell is the till's or the invoice's amount to pay
        (_FACTURE + "Total TTC   840,00\nAcompte versé   -240,00\nÀ PAYER   600,00\n", "600.00"),
        (_RECHNUNG + "Gesamtbetrag   1.071,00\nAnzahlung   -271,00\nZu bezahlen:   800,00\n", "800.00"),
    ],
)
def test_to_pay_opening_its_line_is_the_amount_due(text: str, due: str) -> None:
    assert read(text).amount_due == Decimal(due)


@pytest.mark.parametrize(
    "charges",
    [
        # the sections' own words after "Total" take their amounts, so only the amount due is a sum
        "Total Electric Charges   64.20\nTotal Gas Charges   30.05\n",
        "Electric charges   64.20\nGas charges   30.05\n",
    ],
)
def test_a_previous_balance_inside_the_amount_due_is_not_the_bills_expense(charges: str) -> None:
    text = (
        "Lakeshore Energy Co-op\nPO Box 77, Toledo, OH 43604\nAccount 5120-0093\nStatement date: 02/11/2025\n\n"
        + charges
        + "Previous Balance   40.00\nTotal Amount Due   134.25\n"
    )
    invoice = read(text)
    assert invoice.total == Decimal("94.25") or (invoice.total != Decimal("134.25") and _reviewed(invoice))
    assert invoice.amount_due == Decimal("134.25")


@pytest.mark.parametrize("label", ["RESTE A PAYER", "Reste a payer", "MONTANT A PAYER"])
def test_the_accentless_compounds_of_to_pay_are_the_amount_due(label: str) -> None:
    # capitals drop the accent ("A" for "à"): the compound names the amount due as "Reste à payer" does
    text = _FACTURE + f"Total TTC   180,00\nRéglé par CB le 11/02/2025   180,00\n{label}   0,00\n"
    assert read(text).amount_due == Decimal("0.00")

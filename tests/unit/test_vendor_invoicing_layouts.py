"""The issuer in layouts that invoicing software prints (issue 11, set T).

Open-source invoicing and ERP programs set the seller's and the customer's blocks side by side,
head them "Bill From" / "Bill To" (Italian "Fatturato da" / "Fatturare a") or "Émetteur" /
"Adressé à", and close an address with "City, Region Postcode". Texts are synthetic, written for
these tests.
"""

from __future__ import annotations

import pytest

from tests.vendor_text import vendor_of


@pytest.mark.parametrize(
    "city_line",
    ["Spokane, Washington 99201", "Eugene, Oregon 97401", "Parma, Emilia-Romagna 43121, Italia"],
)
def test_a_city_region_and_postcode_line_is_no_one_line_sender_address(city_line: str) -> None:
    # the customer's two blocks (billing, shipping) side by side, each closed by its city line
    text = (
        "Cedar Ridge Analytics LLC\n410 Alder Street\n\nInvoice Number   INV-0088\n\n"
        "Bill to,   Ship to,\nLakeside Clinic   Lakeside Clinic\n77 Main Avenue   77 Main Avenue\n"
        f"{city_line}   {city_line}\n\nSubtotal   $1,000.00\nTotal   $1,080.00"
    )
    assert vendor_of(text) == "Cedar Ridge Analytics LLC"


def test_a_sender_line_with_its_street_number_stays_the_issuer() -> None:
    text = (
        "Werkstatt Nord GmbH · Lindenallee 7 · 20259 Hamburg\nFrau Petra Lang\nOsterstraße 3\n"
        "20259 Hamburg\n\nRechnung Nr. 55\nGesamtbetrag   119,00 €"
    )
    assert vendor_of(text) == "Werkstatt Nord GmbH"


def test_the_addressed_to_heading_beside_the_issuer_heading_is_no_name() -> None:
    # "Émetteur" (issuer) and "Adressé à" (addressed to) head two boxes on one line
    text = (
        "Facture FA2501-0004\nDate facturation : 03/02/2025\n\nÉmetteur   Adressé à\n\n"
        "Atelier Verrier SARL   SCI Les Peupliers\n4 rue des Forges   9 boulevard Vauban\n"
        "59000 Lille   59800 Lille\n\nTotal HT   500,00\nTotal TTC   600,00"
    )
    assert vendor_of(text) == "Atelier Verrier SARL"


@pytest.mark.parametrize(
    ("customer", "issuer_head", "customer_head", "city"),
    [
        ("Customer Name:", "Bill From:", "Bill To:", "Leeds, West Yorkshire"),
        ("Nome cliente:", "Fatturato da:", "Fatturare a:", "Bologna, Emilia-Romagna 40138, Italia"),
    ],
)
def test_the_bill_from_block_names_the_issuer(
    customer: str, issuer_head: str, customer_head: str, city: str
) -> None:
    text = (
        f"{customer} Trasporti Riva S.r.l.   Invoice Date: 05-08-2025\n"
        f"{issuer_head}   {customer_head}\nMeccanica Delta S.p.A.   Trasporti Riva S.r.l.\n"
        f"Via Larga 8   Via Emilia 12\n{city}   Modena 41122 Italia\n\nTotal   € 1.220,00"
    )
    assert vendor_of(text) == "Meccanica Delta S.p.A."

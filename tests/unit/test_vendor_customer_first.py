"""The vendor is the issuer, never the customer, when the customer is printed first or most
prominently (issue 11, set C): an address block goes on through its house and postcode numbers,
a Dutch or German letter's "Aan:" / "An:" heads the customer, Dutch letters write the title out
("t.a.v. de heer"), and a freelancer's own name over an address line that opens with the trade
is the issuer. Texts written for these tests; names made up."""

from __future__ import annotations

import pytest

from tests.vendor_text import vendor_of


# The customer's block under its heading, the seller's name nowhere the reader can see it (a
# photo whose footer OCR lost): its street and postcode lines are the customer's too, so the
# reader finds no vendor rather than the customer's town.
@pytest.mark.parametrize(
    ("heading", "street", "town"),
    [
        ("Invoice to:", "Shop 3, 41 Wattle Drive", "Kelmscott WA 6111"),
        ("Cliente:", "Calle Mayor 21", "37175 Pereña de la Ribera (Salamanca)"),
        ("Bill to:", "Unit 4, 19 Ferry Lane", "Dunedin 9016"),
    ],
)
def test_a_customer_block_goes_on_through_its_house_and_postcode_numbers(
    heading: str, street: str, town: str
) -> None:
    text = (
        f"TAX INVOICE\nInvoice #: QX-2207\nDate: 03/11/2025\n\n{heading}\nOrchard Hill Dental Pty Ltd\n"
        f"{street}\n{town}\n\nItem   Qty   Price   Amount\nFloss, box   2   12.00   24.00\nTotal   $24.00"
    )
    assert vendor_of(text) is None


def test_an_australian_town_line_is_no_name() -> None:
    # state and four-digit postcode close an Australian address (postal convention)
    text = "Harbourside Tyres\nTotal   $80.00\nBunbury WA 6230"
    assert vendor_of(text) == "Harbourside Tyres"
    assert vendor_of("Bunbury WA 6230\nTotal   $80.00") is None


@pytest.mark.parametrize(
    ("heading", "attention"),
    [
        ("Aan:", "t.a.v. de heer P. Visser"),
        ("Aan:", "t.a.v. mevrouw L. Smit"),
        ("An:", "Abteilung Einkauf"),
    ],
)
def test_a_letters_to_heading_in_dutch_and_german_heads_the_customer(heading: str, attention: str) -> None:
    text = (
        "Fietsatelier Zuidwal\nZuidwal 12 · 2512 XR Den Haag · KvK 51234567\n\n"
        f"{heading}\nHaagse Koeriers B.V.\n{attention}\nLaan van Meerdervoort 40\n2517 AK Den Haag\n\n"
        "Factuur nr 2025-118\nTotaal   € 120,00"
    )
    assert vendor_of(text) == "Fietsatelier Zuidwal"


def test_de_heer_marks_the_customers_block_without_a_heading() -> None:
    text = (
        "Fietsatelier Zuidwal\nZuidwal 12 · 2512 XR Den Haag · KvK 51234567\n\n"
        "Haagse Koeriers B.V.\nt.a.v. de heer P. Visser\nLaan van Meerdervoort 40\n2517 AK Den Haag\n\n"
        "Factuur nr 2025-118\nTotaal   € 120,00"
    )
    assert vendor_of(text) == "Fietsatelier Zuidwal"


@pytest.mark.parametrize(
    ("letterhead", "address_line"),
    [
        ("Tobias Ellingham", "Bookbinding & Repair · 22 Mill Road · Cambridge CB1 2AD"),
        ("Inés Aldabe Etxeberria", "Diseño gráfico · Calle Mayor 5, 31001 Pamplona"),
        # a DIN 5008 return address cuts the name to its initial; OCR misread one letter of it
        ("Henrike Sommerfeld", "H. Sommerfeid · Lindenstr. 14 · 04107 Leipzig"),
    ],
)
def test_a_freelancers_own_name_over_the_trade_is_the_issuer(letterhead: str, address_line: str) -> None:
    text = (
        f"{letterhead}\n{address_line}\n\nBILLED TO\nNorthgate Studios Ltd\n9 Queen Street\nCambridge CB2 1AB\n\n"
        "Invoice 2025-14\nTotal   £450.00"
    )
    assert vendor_of(text) == letterhead


@pytest.mark.parametrize(
    "address_line",
    [
        # a company's name with its legal form on the line stays the issuer
        "Ellingham Bindery Ltd · 22 Mill Road · Cambridge CB1 2AD",
        # another person's initial: not this letterhead's name cut short
        "K. Ellingham · 22 Mill Road · Cambridge CB1 2AD",
    ],
)
def test_the_name_on_the_address_line_stays_when_it_is_a_company_or_another_person(address_line: str) -> None:
    text = f"Tobias Ellingham\n{address_line}\n\nInvoice 2025-14\nTotal   £450.00"
    assert vendor_of(text) == address_line.split(" · ")[0]

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
        # a department under the name, no person's title that would mark the block by itself
        ("Aan:", "Afdeling Inkoop"),
        ("An:", "Abteilung Einkauf"),
    ],
)
def test_a_letters_to_heading_in_dutch_and_german_heads_the_customer(heading: str, attention: str) -> None:
    # no registration on the seller's line: the heading alone tells the two blocks apart
    text = (
        "Fietsatelier Zuidwal\nZuidwal 12 · 2512 XR Den Haag\n\n"
        f"{heading}\nHaagse Koeriers B.V.\n{attention}\nLaan van Meerdervoort 40\n2517 AK Den Haag\n\n"
        "Factuur nr 2025-118\nTotaal   € 120,00"
    )
    assert vendor_of(text) == "Fietsatelier Zuidwal"


@pytest.mark.parametrize("attention", ["t.a.v. de heer P. Visser", "t.a.v. mevrouw L. Smit"])
def test_de_heer_marks_the_customers_block_without_a_heading(attention: str) -> None:
    text = (
        "Fietsatelier Zuidwal\nZuidwal 12 · 2512 XR Den Haag\n\n"
        f"Haagse Koeriers B.V.\n{attention}\nLaan van Meerdervoort 40\n2517 AK Den Haag\n\n"
        "Factuur nr 2025-118\nTotaal   € 120,00"
    )
    assert vendor_of(text) == "Fietsatelier Zuidwal"


@pytest.mark.parametrize(
    ("letterhead", "address_line", "tie"),
    [
        # the surname printed again, where the payment goes
        (
            "Tobias Ellingham",
            "Bookbinding & Repair · 22 Mill Road · Cambridge CB1 2AD",
            "Cheques payable to T. Ellingham",
        ),
        # the person's tax id on the trade's line
        ("Inés Aldabe Etxeberria", "Diseño gráfico · Calle Mayor 5, 31001 Pamplona · NIF 44123456K", ""),
        # a DIN 5008 return address cuts the name to its initial; OCR misread one letter of it
        ("Henrike Sommerfeld", "H. Sommerfeid · Lindenstr. 14 · 04107 Leipzig", ""),
    ],
)
def test_a_freelancers_own_name_over_the_trade_is_the_issuer(
    letterhead: str, address_line: str, tie: str
) -> None:
    text = (
        f"{letterhead}\n{address_line}\n\nBILLED TO\nNorthgate Studios Ltd\n9 Queen Street\nCambridge CB2 1AB\n\n"
        f"Invoice 2025-14\nTotal   £450.00\n{tie}"
    )
    assert vendor_of(text) == letterhead


@pytest.mark.parametrize(
    "text",
    [
        # a customer's name printed over a trade's one-line address, nothing tying it to the trade
        "Laura Brennan\nHart & Daughters Roofing · 7 Canal Walk · Leeds LS2 7EH\n\n"
        "Invoice 5512\nDate: 02/09/2025\nGutter repair   120.00\nTotal   £120.00",
        # the customer's address block first, the seller's one-line address under it
        "Jonas Reinholt\nBirkenweg 8, 04105 Leipzig\nSanitär & Heizung Krüger · Auenstr. 3 · 04109 Leipzig\n\n"
        "Rechnung 2025-31\nDatum: 02.09.2025\nWartung   150,00\nGesamt   150,00 EUR",
    ],
    ids=["en", "de"],
)
def test_a_persons_name_over_a_trade_line_without_a_tie_is_not_the_issuer(text: str) -> None:
    trade_line = next(line for line in text.split("\n") if " · " in line)
    assert vendor_of(text) == trade_line.split(" · ")[0]


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


def test_a_one_line_address_after_a_customer_heading_is_no_sender_line() -> None:
    text = (
        "TAX INVOICE\nInvoice # KB-5521\nKookaburra Stationers Pty Ltd   Date 02/10/2025\nABN 12 345 678 901\n"
        "4 Mort Street, Braddon ACT 2612\nShip to: Weston Dental, 9 Hilder St, Weston ACT 2611\n\n"
        "Item   Qty   Total\nPens, box   2   18.00\nTotal (inc GST)   $18.00"
    )
    assert vendor_of(text) == "Kookaburra Stationers Pty Ltd"


@pytest.mark.parametrize(
    ("foot", "expected"),
    [
        (
            "Thanks for your business - Bellbird Office Supplies Pty Ltd, ABN 31 442 118 907",
            "Bellbird Office Supplies Pty Ltd",
        ),
        ("", None),  # the seller named nowhere: no vendor, never the customer
    ],
)
def test_a_ship_to_one_line_address_first_on_the_page_is_no_sender_line(
    foot: str, expected: str | None
) -> None:
    # the customer's labelled one-line address is the first sender-shaped line; nothing above names the seller
    text = (
        "TAX INVOICE\nShip to: Glenrock Vets, 14 Emu Bank, Belconnen ACT 2617\n\n"
        "Invoice # GV-2231   Date 05/09/2025\nItem   Qty   Total\nToner   1   64.00\n"
        f"Total (inc GST)   $64.00\n\n{foot}"
    )
    assert vendor_of(text) == expected


@pytest.mark.parametrize(
    ("registration", "customer_line"),
    [
        # German: the Steuernummer abbreviated, then the customer's one-line address with no heading
        ("St.-Nr. 203/117/55012", "Hausverwaltung Striesen GbR, Borsbergstr. 12, 01309 Dresden"),
        ("USt-IdNr. DE 311 207 448", "Zahnarztpraxis Hellerau GmbH, Karl-Liebknecht-Str. 3, 01109 Dresden"),
    ],
)
def test_a_one_line_address_under_the_issuers_registered_block_is_the_customers(
    registration: str, customer_line: str
) -> None:
    text = (
        "Rechnung\nNr. GP-25-0118\nElbhang Gartenbau UG   Datum: 14.10.2025\nLohrmannstraße 9, 01326 Dresden\n"
        f"{registration}\n{customer_line}\n\nLeistung   Betrag\nHeckenschnitt   200,00\nGesamtbetrag   238,00 €"
    )
    assert vendor_of(text) == "Elbhang Gartenbau UG"


def test_the_name_two_lines_over_its_registration_heads_the_block() -> None:
    # seller name, street, VAT id; then the customer's block with its own legal form, no heading
    text = (
        "Rechnung\nRechnungsnummer: WB-2025-77\nWeserdeich Bootsbau GmbH   Rechnungsdatum: 01.10.2025\n"
        "Hafenstraße 3, 28217 Bremen\nUSt-IdNr. DE 284 100 331\nKaimauer Logistik AG\nAm Wall 12, 28195 Bremen\n\n"
        "Gesamtbetrag brutto   1.190,00 EUR"
    )
    assert vendor_of(text) == "Weserdeich Bootsbau GmbH"


@pytest.mark.parametrize(
    "address_line",
    [
        "14 Quay Street, Galway H91 F2X3 · VAT IE 6388412WH",
        "Pijlsweerd 40, 3514 AB Utrecht · KvK 71100412 · BTW NL002215678B01",
    ],
)
def test_a_name_alone_over_its_address_and_tax_number_is_the_letterhead(address_line: str) -> None:
    # a sole trader's name without a legal form; the customer company named lower down has one
    text = (
        f"Saoirse Ní Bhriain Translations\n{address_line}\n\n17 October 2025\n\nLough Atalia Devices Ltd\n"
        "Parkmore East, Galway\n\nInvoice 2025-061\nAmount   1,055.34"
    )
    assert vendor_of(text) == "Saoirse Ní Bhriain Translations"


def test_a_portuguese_billing_address_heading_is_no_name() -> None:
    text = "Fatura\n#FT0042 - 03/10/2025\n\nMorada de faturação\nRita Lopes\nRua do Ouro 5\n1100-060 Lisboa\n\nTotal   20,00 €"
    assert vendor_of(text) != "Morada de faturação"


def test_a_portuguese_company_with_its_form_after_a_comma() -> None:
    # Portuguese writes the limited company's form after a comma ("..., Lda."), as English does "..., Inc."
    text = (
        "Fatura\n#FT0042 - 03/10/2025\n\nCasa do Largo Alojamento, Lda.   Morada de faturação\nRua da Sé 9   Rita Lopes\n"
        "1100-585 Lisboa   Rua do Ouro 5\nNIF 509 881 204   1100-060 Lisboa\n\nTotal   230,00 €"
    )
    assert vendor_of(text) == "Casa do Largo Alojamento, Lda."

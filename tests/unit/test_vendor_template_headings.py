"""The issuer in more invoicing software layouts (issue 11, validation set T2).

Bootstrap/AdminLTE invoice pages head the two blocks "From   To" without colons; a Typst template
heads them "Empfänger   Aussteller" ("Recipient   Biller"); Dutch letters put "t.a.v. dhr. ..." (for
the attention of) in the customer's block under its company; French shop software heads a table
"Détails de la commande". Texts are synthetic, written for these tests.
"""

from __future__ import annotations

import pytest

from tests.vendor_text import vendor_of


@pytest.mark.parametrize(
    ("seller", "street", "heading", "customer"),
    [
        (
            "Pinewood Janitorial",
            "880 W Main St, Boise, ID 83702",
            "Bill To",
            "Treasure Valley Dental Associates",
        ),
        (
            "Kestrel Garden Care",
            "14 Orchard Road, Reading RG1 2AB",
            "Invoice To",
            "Maple Court Residents Association",
        ),
    ],
)
def test_a_bare_from_beside_a_customer_heading_heads_the_issuer_block(
    seller: str, street: str, heading: str, customer: str
) -> None:
    text = (
        f"INVOICE\nInvoice Id #7HX2QB\n\nFrom   {heading}\n{seller}   {customer}\n"
        f"{street}   office@example.org\n\nInvoice Date: 8th Sep, 2025\n\nTotal:   $1,405.00"
    )
    assert vendor_of(text) == seller


def test_a_bare_from_heading_is_no_name() -> None:
    # beside a bare "To" the pair heads no labelled block, but the heading word is no one's name
    text = (
        "INVOICE\nInvoice Id #7HX2QB\n\nFrom   To\nPinewood Janitorial   Treasure Valley Dental Associates\n"
        "880 W Main St, Boise, ID 83702   office@example.org\n\nInvoice Date: 8th Sep, 2025\n\nTotal:   $1,405.00"
    )
    assert vendor_of(text) == "Pinewood Janitorial"


def test_from_and_to_columns_of_a_route_name_no_issuer() -> None:
    # a table's "From   To" columns over two stops: no address under them, no sender block
    text = "Fahrkarte\n\nFrom   To\nBerlin Hbf   Leipzig Hbf\n10:32   11:45\n\nBahnreisen Nord GmbH\nTotal   € 49,90"
    assert vendor_of(text) == "Bahnreisen Nord GmbH"


@pytest.mark.parametrize("operator", ["Blue Line Cars Ltd", "Blue Line Cars"])
def test_a_ride_receipts_pickup_point_is_no_issuer(operator: str) -> None:
    # a ride receipt heads its stops "From   To" and prints an address under each: no sender block
    text = (
        f"{operator}\nRide receipt   Date: 12/03/2025\n\nFrom   To\n"
        "The Grand Hotel   Heathrow Terminal 5\n1 Kings Road   Wallis Road\n\nFare   £48.50\nTotal   £48.50"
    )
    assert vendor_of(text) == operator


@pytest.mark.parametrize(
    ("recipient_head", "issuer_head"),
    [("Empfänger", "Aussteller"), ("Recipient", "Biller"), ("Rechnungsempfänger", "Rechnungsaussteller")],
)
def test_the_issuer_heading_beside_the_recipient_heading(recipient_head: str, issuer_head: str) -> None:
    text = (
        f"Rechnung\n\nRechnungsnummer:   2025-017\n\n{recipient_head}   {issuer_head}\n\n"
        "Elbtal Spedition GmbH   Mara Lindqvist Fotografie\nDresden 01067   Halle 06108\n"
        "Pirnaer Str. 4   Große Ulrichstraße 9\n\nGesamt:   980.00 €"
    )
    assert vendor_of(text) == "Mara Lindqvist Fotografie"


@pytest.mark.parametrize(
    "attention",
    ["t.a.v. dhr. P. de Wit", "t.a.v. mevr. A. Bakker", "z. Hd. Frau Weber", "Attn: Mr Okafor"],
)
def test_the_company_over_an_attention_line_is_the_customer(attention: str) -> None:
    # the issuer's brand has no legal form; the customer's company over the attention line has one
    text = (
        "Lindenhof Vertalingen\nFactuur\n\nZeeland Logistiek B.V.\nDatum: 09-12-2025\n"
        f"{attention}   Factuurnummer: 20250191\nHavenweg 3\n4381 AB Vlissingen\n\n"
        "Totaal factuurbedrag   € 1.691,58\n"
        "Gelieve te betalen op NL84 INGB 0007 6543 21 t.n.v. Lindenhof Vertalingen V.O.F."
    )
    assert vendor_of(text) == "Lindenhof Vertalingen V.O.F."


@pytest.mark.parametrize(
    "heading",
    ["Détails de la commande", "Detalles del pedido", "Dettagli dell'ordine", "Informations sur la commande"],
)
def test_a_noun_first_section_heading_is_no_name(heading: str) -> None:
    text = (
        f"{heading}\n\nN° de commande : 1042   Les Ruchers du Luberon\n"
        "Date d'ajout : 03/11/2025   12 chemin des Lavandes, 84220 Gordes\n\nTotal :   94,11 €"
    )
    assert vendor_of(text) != heading
    assert vendor_of(text) == "Les Ruchers du Luberon"


@pytest.mark.parametrize(
    ("footer", "want"),
    [
        (
            "Sea Breeze Riverside Hotel – Sea Breeze Hospitality Company – Tax code: 3300123456",
            "Sea Breeze Riverside Hotel",
        ),
        ("Alder Lodge Inn · operated by Northwind Leisure Group · VAT 998877", "Alder Lodge Inn"),
    ],
)
def test_the_name_the_domain_spells_in_a_joined_footer(footer: str, want: str) -> None:
    # the name only in the logo and in a footer that joins it with the operator and a tax number;
    # the web domain spells it: the name, not the bare domain
    host = "".join(want.split()[:3]).lower()
    text = (
        "GUEST FOLIO\n05 Le Loi Street, Hue\nTel: 0234 382 2555\n"
        f"Email: frontoffice@{host}.example | Website: {host}.example\n"
        "Ref No: FO-25-11873\nGuest name: Nguyen Thi Lan   Room No.: 305\n\n"
        "Room charge   1.800.000\nTotal   1.800.000\n\n"
        f"{footer}"
    )
    assert vendor_of(text) == want


@pytest.mark.parametrize(
    "heading",
    [
        "Datos del cliente:",
        "Informations client",
        "Dati cliente",
        "Coordonnées du client",
        "Dados do cliente",
    ],
)
def test_a_noun_first_customer_heading_heads_the_customer_block(heading: str) -> None:
    # set T3 (a web shop's "Datos del cliente:" box) and set T2 ("Informations client"): Romance
    # languages name the customer's block noun first; the legal-form name under it is the customer's
    text = (
        "Alfarería Montes S.L.\nCalle Mayor 4, 46110 Godella\nNIF: B11223344\n\n"
        "FACTURA\nFecha: 31/10/2025\n\n"
        f"{heading}\nConstrucciones Ebro SL\nNIF: B99887766\nAv. del Puerto 80, 46021 Valencia\n\n"
        "TOTAL FACTURA   1.139,82 €"
    )
    assert vendor_of(text) == "Alfarería Montes S.L."

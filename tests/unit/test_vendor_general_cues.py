"""Vendor cues that hold across issuers and languages (issue 11), on synthetic invoices."""

from __future__ import annotations

import pytest

from reimburse.adapters.heuristic.vendor import unglue_legal_form
from tests.vendor_text import vendor_of


@pytest.mark.parametrize(
    ("text", "vendor"),
    [
        # US convention: a comma before the legal form ("Notion Labs, Inc.", "OpenAI, LLC"),
        # here only in the footer, under an item row that must not be taken
        (
            "Receipt\nReceipt #2231-4491\nDate paid March 1, 2024\nSummary\nPro   $12.00\nTotal $12.00\n"
            "Notion Labs, Inc.\n548 Market St\nSan Francisco, CA 94104",
            "Notion Labs, Inc.",
        ),
        (
            "Invoice\nInvoice number 8F3A-0001\nDescription   Amount\nPlus plan   $20.00\nTotal $20.00\n"
            "Example Tools, LLC · 1 Main Street · Austin, TX 78701",
            "Example Tools, LLC",
        ),
        # a street whose street word stands apart is no letterhead name
        (
            "Hotel Sacher Wien\nPhilharmoniker Str. 4, 1010 Wien\nUID: ATU12345678\n"
            "Rechnung Nr. 556677\nGesamt EUR 300,00",
            "Hotel Sacher Wien",
        ),
        (
            "The Grand Hotel\nShore Road 12, BN1 2AA Brighton\nFolio No. 88213\nTotal 240.00",
            "The Grand Hotel",
        ),
        # seller headings in other languages: the value under the heading, not the client's
        (
            "FACTURE\nVendeur :   Client :\nAtelier Lumière SAS   M. Paul Durand\n3 avenue Foch   8 rue Hugo\n"
            "69006 Lyon   69002 Lyon\nFacture n° : 2024-031\nTotal TTC 120,00 €",
            "Atelier Lumière SAS",
        ),
        (
            "FACTUUR\nVerkoper:   Koper:\nBakkerij Jansen   Pieter de Boer\nDorpsstraat 1   Laan 4\n"
            "Totaal € 27,25",
            "Bakkerij Jansen",
        ),
        (
            "FACTURA\nEmisor: Talleres Gómez SA\nCliente: Ana López\nTotal 60,50 €",
            "Talleres Gómez SA",
        ),
        # a "From:" heading over the sender's block, beside the customer's
        (
            "INVOICE\nBill To:   From:\nFabrikam Inc.   Contoso Ltd.\n1 Road   2 Street\nInvoice No: 55\n"
            "Total $100.00",
            "Contoso Ltd.",
        ),
        # a legal name introduced as the company behind the brand printed above it
        (
            "Hotel Saravana Bhavan\n(A Unit of Saravana Foods Pvt Ltd)\nGSTIN: 33AAACS1234A1Z5\nBill No: 4451\n"
            "Total 450.00",
            "Hotel Saravana Bhavan",
        ),
        # a till's thanks, spaced or run together by OCR, is never the issuer
        (
            "TQFORSHOPPING WITHmyNEWS.com\nPAGOH REST AREA\nJALAN 5, 84600 PAGOH\nTOTAL 10.00",
            "PAGOH REST AREA",
        ),
        (
            "Thank you for dining with\nCasa Verde\nTable 4\nTotal 31.00",
            "Casa Verde",
        ),
        # the name right above the line that only registers it, with or without a legal form
        (
            "Kepong Branch\nKEDAI PAPAN YEW CHUAN\n(0005583085-K)\nLOT 276 JALAN BANTING\nTOTAL 10.00",
            "KEDAI PAPAN YEW CHUAN",
        ),
        (
            "Self Service\nFILL IN ENTERPRISE\nCompany No: MA0057302-M\nLot 2407, Jalan Dua\nTOTAL 5.00",
            "FILL IN ENTERPRISE",
        ),
        # ... but never an address line above a VAT number
        (
            "PRET A MANGER\nShop 123 London Bridge\nVAT No: GB 123 4567 89\nCheck: 4521\nTotal   5.55",
            "PRET A MANGER",
        ),
        # a legal form OCR ran into the name
        ("MEGAH RETAILSDNBHD\n(123456-X)\nGST ID:0012345\nTAX INVOICE\nTOTAL 12.00", "MEGAH RETAIL SDN BHD"),
    ],
)
def test_vendor_from_general_cues(text: str, vendor: str) -> None:
    assert vendor_of(text) == vendor


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MEGAH RETAILSDNBHD", "MEGAH RETAIL SDN BHD"),
        ("KEDAISDN.BHD", "KEDAI SDN BHD"),
        ("MUSTERLIEFERANTGMBH", "MUSTERLIEFERANT GMBH"),
        ("SHARMA TRAVELSPVTLTD.", "SHARMA TRAVELS PVT LTD."),
        ("ABCLLC", "ABC LLC"),
        # unchanged: forms already apart, mixed case, or a short word that merely ends so
        ("ACME SDN BHD", "ACME SDN BHD"),
        ("ACME PTE.LTD.", "ACME PTE.LTD."),
        ("Premier Inn GmbH", "Premier Inn GmbH"),
        ("Holtd", "Holtd"),
        ("SALTD", "SALTD"),
    ],
)
def test_unglue_legal_form(text: str, expected: str) -> None:
    assert unglue_legal_form(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a route or a period under "From:" headings is no sender: no address under the name
        "TICKET\nFrom:   To:\nBerlin Hbf   München Hbf\nDeparture 10:02\nTotal 39,90 EUR",
        "TICKET\nFrom   To\nBerlin Hbf   München Hbf\nTotal 39,90 EUR",
    ],
)
def test_from_columns_that_are_no_sender(text: str) -> None:
    assert vendor_of(text) not in {"Berlin Hbf", "München Hbf"}

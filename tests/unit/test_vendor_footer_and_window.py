"""Vendor cues of issue 11 on synthetic invoices: the operator behind a brand, the letterhead set
as a footer, a field's name beside its value, and the recipient's window address at the top."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reimburse.adapters.heuristic.fields import read_vendor
from reimburse.adapters.heuristic.text import normalize
from reimburse.adapters.heuristic.totals import analyse_lines
from tests.vendor_text import vendor_of

# A bill's body, so that its foot lies below the header block as on a real page.
BODY = "Datum:   12.03.2024\nTisch 4\n1 Kaffee   3,20\n1 Tee   2,80\n1 Kuchen   4,50\n1 Wasser   2,50\n"


# The operator company named as such yields to the brand the reader knows ("operated by" in
# German, French, Spanish, Italian and Dutch), here the brand printed above its address at the foot.
@pytest.mark.parametrize(
    ("text", "vendor"),
    [
        (
            "Rechnung\nRechnungsnr. 4711\nÜbernachtung   120,00\nGesamt EUR 120,00\n"
            "Stadthotel Lindenhof\nLindenallee 4, 04109 Leipzig\n"
            "Betreiber: Lindenhof Betriebs GmbH - Amtsgericht Leipzig HRB 1234",
            "Stadthotel Lindenhof",
        ),
        (
            "Facture\nFacture n° 2024-77\nNuitée   95,00\nTotal TTC 95,00 €\n"
            "Résidence Les Tilleuls\n12 rue des Lilas, 75011 Paris\n"
            "Exploité par Tilleuls Gestion SAS - RCS Paris 123 456 789",
            "Résidence Les Tilleuls",
        ),
        (
            "Factura\nFactura nº 88\nHabitación   80,00\nTotal 80,00 €\n"
            "Hostal La Plaza\nCalle Mayor 3, 28013 Madrid\n"
            "Gestionado por Plaza Hoteles S.L. - CIF B12345678",
            "Hostal La Plaza",
        ),
    ],
)
def test_an_operator_yields_to_the_brand(text: str, vendor: str) -> None:
    assert vendor_of(text) == vendor


# The letterhead printed as a footer: the name on its own line right above the issuer's address
# or contact line; a closing "Ihr ..."/"Your ..." and a slogan after the name are not part of it.
@pytest.mark.parametrize(
    ("text", "vendor"),
    [
        (
            "Rechnung\nRechnungsnr. 1001\nFrühstück   12,50\n" + BODY + "Gesamt EUR 12,50\n"
            "Wir freuen uns auf Ihren nächsten Besuch.\nIhr Hotel Sonnenhof.\n"
            "Sonnenweg 3 · 83700 Rottach-Egern",
            "Hotel Sonnenhof",
        ),
        (
            "Receipt\nReceipt no. 5521\nFlat white   3.20\n" + BODY + "Total £3.20\n"
            "Harbour Bakery\nTel +44 20 7946 0018 · hello@harbour-bakery.example",
            "Harbour Bakery",
        ),
        (
            "Factura\nFactura nº 19024895\nEstancia   300,00\n" + BODY + "Total a pagar 300,00\n"
            "Casa Alameda * Your style, our way\nPaseo del Prado 13, 28014 Madrid",
            "Casa Alameda",
        ),
    ],
)
def test_a_letterhead_at_the_foot_names_the_issuer(text: str, vendor: str) -> None:
    assert vendor_of(text) == vendor


# A field's name with its value right of it is no name, even at the top of a bill.
@pytest.mark.parametrize(
    "text",
    [
        "Room Number   431\nAdult/Child   1/0\nRate Plan   BB\nTotal Amount   220.00",
        "Persons   2\nNights   3\nTotal   300.00",
    ],
)
def test_a_field_beside_its_value_is_not_the_vendor(text: str) -> None:
    assert vendor_of(text) is None


# On a line of its own, a shop's name beside its branch number stays the shop's name.
def test_a_name_beside_its_branch_number_stays_the_vendor() -> None:
    text = "BLUE BOTTLE   #1234\n300 Pine Street\nSeattle, WA 98101\n" + BODY + BODY + "Total $25.00"
    assert vendor_of(text) == "BLUE BOTTLE"


# An address that opens the page with nothing of the issuer's (no phone, mail, web or
# registration), ends in a country and runs straight into the title is the recipient's window
# address; the issuer is then read elsewhere. With the issuer's contact details, or with a second
# address under it, the block at the top stays the issuer's own.
@pytest.mark.parametrize(
    ("text", "vendor"),
    [
        (
            "Nordlicht Consulting GmbH\nHafenstrasse 114A\n10117 Berlin\nGermany\nRechnung\n"
            "Datum:   11.01.2024\nLogis   119,00\nGesamt EUR 119,00\n"
            "Hotel Alsterblick\nAlsterufer 2, 20354 Hamburg",
            "Hotel Alsterblick",
        ),
        (
            "Bluebird Trading Ltd\n12 Queen Street\nEdinburgh EH2 1JX\nUnited Kingdom\nInvoice\n"
            "Invoice date: 02/03/2024\nConsulting   500.00\nTotal 500.00\n"
            "Kestrel Advisory\n40 Rue du Rhône, 1204 Genève",
            "Kestrel Advisory",
        ),
        (
            "Harbour Lights Inn\n12 Shore Road\nBrighton BN1 2AA\nUnited Kingdom\nTel +44 1273 000000\n"
            "Invoice\nInvoice date: 02/03/2024\nRoom   90.00\nTotal 90.00",
            "Harbour Lights Inn",
        ),
        (
            "Atelier Nord\n27 rue Henri Rolland\n69100 Villeurbanne\nFrance\n\nCabinet Dupont\n"
            "42 rue de l'audit\n69100 Villeurbanne\nFrance\nInvoice VT/2022/0001\nTotal 1,810.80 €",
            "Atelier Nord",
        ),
    ],
)
def test_the_window_address_at_the_top_is_the_recipient(text: str, vendor: str) -> None:
    assert vendor_of(text) == vendor


# Labels that say whom the invoice is for head the customer's block, whose company is never the
# issuer however plainly it carries a legal form.
@pytest.mark.parametrize(
    ("text", "vendor"),
    [
        (
            "Contoso\nAddress: 1 Redmond way Suite 6000 Redmond, WA 99243\n"
            "Invoice For: Fabrikam Corporation\n1020 Enterprise Way\nSunnyvale, CA 87659\n"
            "Invoice Number 34278587\nInvoice Date: 6/18/2017\nTotal $56,651.49",
            "Contoso",
        ),
        (
            "Malerbetrieb Krause\nRechnung an:\nNordlicht Consulting GmbH\nHafenstrasse 4\n"
            "10117 Berlin\nRechnungsnr. 2024-118\nGesamt EUR 980,00",
            "Malerbetrieb Krause",
        ),
        (
            "Studio Verde\nFatturare a:\nRossi Costruzioni S.r.l.\nVia Roma 5\n20121 Milano\n"
            "Fattura n. 45\nTotale € 610,00",
            "Studio Verde",
        ),
    ],
)
def test_the_invoice_for_block_is_the_customer(text: str, vendor: str) -> None:
    assert vendor_of(text) == vendor


# The closing thanks name the host, in each language's phrasing, even at the foot of the bill.
@pytest.mark.parametrize(
    ("text", "vendor"),
    [
        (
            "Guest Folio\nFolio No. 88213\n"
            + BODY
            + "Total 240.00\nThank you for choosing Hilton Garden Inn!",
            "Hilton Garden Inn",
        ),
        (
            "Rechnung\nRechnungsnr. 4711\n" + BODY + "Gesamt EUR 12,50\n"
            "Vielen Dank für Ihren Aufenthalt im Hotel Adler.",
            "Hotel Adler",
        ),
        (
            "Facture\nFacture n° 2024-77\n" + BODY + "Total TTC 95,00 €\nMerci d'avoir choisi Hôtel Le Lys",
            "Hôtel Le Lys",
        ),
        (
            "Ricevuta\nRicevuta n. 77\n" + BODY + "Totale € 19,00\nGrazie per aver scelto Trattoria Da Mario",
            "Trattoria Da Mario",
        ),
    ],
)
def test_the_closing_thanks_name_the_host(text: str, vendor: str) -> None:
    assert vendor_of(text) == vendor


# Legal forms of more countries mark a company's name as surely as GmbH or Ltd do.
@pytest.mark.parametrize(
    "name",
    [
        "Müller & Schmidt GbR",
        "Boulangerie du Lac Sàrl",
        "Duna Kávéház Kft.",
        "Pastelaria Belém Lda",
        "Padaria Central Ltda",
        "Boğaz Lokantası A.Ş.",
    ],
)
def test_legal_forms_of_more_countries(name: str) -> None:
    text = "Rechnung\n" + BODY + f"Total 12,50\n{name} · Steuernummer 12/345/67890\nVielen Dank"
    assert vendor_of(text) == name


# The guest named at the top is never the issuer: the name is read again without that line.
def test_the_guest_at_the_top_yields_to_the_hotel() -> None:
    text = (
        "JENS WALTER\nHotel Adler\nHauptstraße 5, 80331 München\nTel. +49 89 123456\n"
        "Gast: Jens Walter\nRechnung Nr. 4711\n" + BODY + "Gesamt EUR 12,50"
    )
    lines = analyse_lines(normalize(text).split("\n"))
    assert read_vendor(lines, ("Jens Walter",))[0] == "Hotel Adler"


# A name ending in a number sign or "No." labels the number after it ("Honors #   1595231307").
@pytest.mark.parametrize("label", ["Honors #", "Honors No.", "Honors Nr.", "Honors N°"])
def test_a_number_label_is_not_a_name(label: str) -> None:
    text = f"{label}   1595231307\nEarn points on every stay\n" + BODY + "Total 12.50"
    assert label not in (vendor_of(text) or "")


# A page that is only an address block ends before any title: read, never a crash.
def test_a_page_that_is_only_an_address() -> None:
    assert (
        vendor_of("Nordlicht GmbH\nAbteilung Reisen\nHafenstrasse 4\n10117 Berlin\nGermany")
        == "Nordlicht GmbH"
    )


_PIECES = [
    "Nordlicht GmbH",
    "Hotel Adler",
    "JENS WALTER",
    "Hafenstrasse 4",
    "10117 Berlin",
    "Germany",
    "Rechnung",
    "Invoice For:",
    "Tel +49 30 1234",
    "Adult/Child   1/0",
    "Honors #   123",
    "Betreiber: Adler Betriebs GmbH",
    "Thank you for choosing",
    "www.hotel-adler.de",
    "Total 12,50",
    "",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=16))
def test_any_arrangement_of_header_lines_reads_without_error(lines: list[str]) -> None:
    name, confidence = read_vendor(analyse_lines(normalize("\n".join(lines)).split("\n")), ("Jens Walter",))
    assert 0.0 <= confidence <= 1.0
    assert name is None or name.strip()

"""A postcode whose capitals read as a company's legal form is an address, never the vendor (issue 11).

Several national postcodes carry two capitals that the legal-form list also holds: a Dutch postcode
is four digits and two letters set before the town ("3511 AB Utrecht", also run together as
"3511AB"), a British one begins with an area's letters and ends with a digit and two letters
("SE1 9QQ", "AB10 1XY", "EC1A 1AB"), and a US address sets the state's code before the ZIP
("NV 89501"). Read as a form ("AB", "SE", "NV"), such a line became a "company" and beat the real
name printed above it. Texts are synthetic, written for these tests.
"""

from __future__ import annotations

import pytest

from tests.vendor_text import vendor_of

_TILL = "\n12-03-2024 14:05\n1 Koffie   3,20\n1 Tosti   6,50\nTOTAAL   9,70\nBTW 9%\nBedankt"
_SHOP = "\n14/03/2024\n2 Scones   6.40\nTea for two   7.90\nTOTAL   £14.30\nThank you"
_US = "\n03/14/2023\nCoffee   4.50\nBagel   3.25\nTOTAL   $7.75\nThank you"


@pytest.mark.parametrize(
    "street_line",
    [
        "Lindengracht 112, 1015 KB Amsterdam",  # Dutch; KB is no form, a control for the others
        "Lindengracht 112, 1015 AB Amsterdam",
        "Lindengracht112,1015 AB Amsterdam",  # house number run into the street by OCR
        "Lindengracht 112,1015AB Amsterdam",  # postcode's digits and letters run together
        "Lindengracht 112 1015 BV AMSTERDAM",
        "Lindengracht 112 1015 NV Amsterdam",
    ],
)
def test_a_dutch_postcode_is_not_a_legal_form(street_line: str) -> None:
    assert vendor_of(f"Koffiehuis De Molen\n{street_line}" + _TILL) == "Koffiehuis De Molen"


@pytest.mark.parametrize(
    "city_line",
    [
        "London SE1 9QQ",
        "Aberdeen AB10 1XY",
        "Swansea SA1 3RT",
        "London EC1A 1AB",
    ],
)
def test_a_british_postcode_is_not_a_legal_form(city_line: str) -> None:
    assert vendor_of(f"The Lantern Tea Room\n14 Quay Row\n{city_line}" + _SHOP) == "The Lantern Tea Room"


def test_a_us_state_before_its_zip_is_not_a_legal_form() -> None:
    assert vendor_of("Sagebrush Coffee\n410 Lake Street\nReno NV 89501" + _US) == "Sagebrush Coffee"


@pytest.mark.parametrize(
    ("top", "want"),
    [
        ("Bakkerij Jansen BV", "Bakkerij Jansen BV"),
        ("Nordic Tools AB", "Nordic Tools AB"),
        ("Harbour Supplies Ltd", "Harbour Supplies Ltd"),
    ],
)
def test_a_real_form_over_the_address_is_still_the_vendor(top: str, want: str) -> None:
    # the same address lines under a company that prints its form: the form still names it
    text = f"Kiosk\n{top}\nLindengracht 112, 1015 AB Amsterdam" + _TILL
    assert vendor_of(text) == want


def test_a_form_after_a_number_without_a_town_stays_a_form() -> None:
    # four digits and "BV" with no town after them is a name with a number, not a Dutch postcode
    assert vendor_of("Studio 1900 BV\nKerkstraat 3\n3512 JK Utrecht" + _TILL) == "Studio 1900 BV"

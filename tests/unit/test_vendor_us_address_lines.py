"""The issuer block of an English-language receipt: name, street line, "City State ZIP" (issue 11).

US postal convention writes the last address line as a city, a state and a five-digit ZIP code;
the state may be abbreviated ("CA 94301") or spelled out ("California 94301"). Either way the line
is the issuer's address, never its name. An English street line carries its house number before
the street name, and the street's type word (Street, Road, Avenue) closes it; a line with no number
whose words go on after that type word ("Harbor Road Diner") names a business, not a street.
Texts are synthetic, written for these tests.
"""

from __future__ import annotations

import pytest

from tests.vendor_text import vendor_of

_SLIP_TAIL = (
    "\nTue 03/14/2023 07:52 PM\nTerminal ID:   20044\nType:   CREDIT\nSALE\nSub Total USD$ 18.40\n"
    "Tip: 2.60\nTotal USD$ 21.00\nThank you!"
)


@pytest.mark.parametrize(
    "city_line",
    [
        "Eugene Oregon 97401",
        "Eugene, Oregon 97401",
        "Santa Fe New Mexico 87501-2210",
    ],
)
def test_a_city_with_its_state_spelled_out_and_zip_is_never_the_vendor(city_line: str) -> None:
    # the name at the top was lost (a torn or cropped slip), so the address lines lead the page
    text = f"7721 Willow Court\nSuite 12\n{city_line}\n541-555-0183" + _SLIP_TAIL
    # nor is the suite line: with no name left, no vendor is better than an address
    assert vendor_of(text) is None


@pytest.mark.parametrize(
    ("name", "street", "city_line"),
    [
        ("Harbor Road Diner", "418 Pier Avenue", "Monterey California 93940"),
        ("Elm Street Bakery", "9 Elm Street", "Burlington, VT 05401"),
        ("Bay Avenue Books", "1200 Bay Avenue Unit 3", "Tampa Florida 33602"),
    ],
)
def test_a_name_that_holds_a_street_word_above_its_numbered_street_is_the_vendor(
    name: str, street: str, city_line: str
) -> None:
    text = f"{name}\n{street}\n{city_line}\n555-0100" + _SLIP_TAIL
    assert vendor_of(text) == name


@pytest.mark.parametrize(
    "text",
    [
        # a street line with its number, or ending in its type word, stays an address
        "Corner Shop\n22 Station Road\nTotal 4.50",
        "Corner Shop\nStation Road\nTotal 4.50",
        # Romance languages put the type word first: still an address, number or not
        "Boulangerie Marchal\nAvenue Foch\nTotal 4,50 €",
        "Panificio Rossi\nVia Roma centro\nTotale 4,50 €",
    ],
)
def test_street_lines_still_are_not_names(text: str) -> None:
    assert vendor_of(text) in {"Corner Shop", "Boulangerie Marchal", "Panificio Rossi"}

"""Two reading conventions that real documents outside the corpus showed (issue 11, external set 3):

- a page that prints its money with a decimal comma groups thousands with a dot or a space, so a
  lone '1,699' beside '63,08 EUR' is a litre price with three decimals (a German fuel receipt; the
  same three-place volumes and weights on a Polish fuel invoice and German till receipts), never
  one thousand six hundred;
- an issuer's host printed without "www." ("moje.ppas.cz", "MYWALGREENS.COM") names it when
  nothing else on the page does, as a "www." address already did.

Texts written for these tests."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reimburse.adapters.heuristic.amounts import find_amounts
from reimburse.adapters.heuristic.decimal_places import prints_decimal_comma, read_three_places
from tests.text_receipts import low, read


def _found(text: str) -> tuple[list[str], list[list[Decimal]]]:
    lines = text.split("\n")
    found = read_three_places([find_amounts(line) for line in lines])
    return lines, [[a.value for a in row] for row in found]


# A fuel receipt whose total line the OCR lost: the largest amount left used to be the litre
# price read as thousands (1729), and that became the total.
FUEL = (
    "TANKSTELLE AM RING\n"
    "Hauptstr. 12, 93047 Regensburg\n"
    "Beleg 4711/002 03.04.25 07:55\n"
    "Diesel  48,20 EUR\n"
    "27,880 l x 1,729 EUR/l\n"
    "Gesmtbtrg\n"
)


def test_a_litre_price_beside_comma_cents_is_not_read_as_thousands() -> None:
    invoice = read(FUEL)
    assert invoice.total == Decimal("48.20")
    # the total was found without its label: the reviewer still sees it was a guess
    assert low(invoice)


def test_three_place_quantities_and_prices_take_three_decimals() -> None:
    _, values = _found(FUEL)
    assert values[4] == [Decimal("27.880"), Decimal("1.729")]
    assert values[3] == [Decimal("48.20")]


@pytest.mark.parametrize(
    "text",
    [
        # thousands commas and no decimal comma: a Colombian peso bill stays in thousands
        "ARROZ  2  $5,300\nSubtotal: $38,968\nTotal: $43,902",
        # a decimal point anywhere on the page: the comma groups thousands
        "Room 3 nights  1,250.00\nCity tax  1,500\nTotal  2,750.00",
    ],
)
def test_a_page_without_a_sole_decimal_comma_keeps_thousands(text: str) -> None:
    lines, values = _found(text)
    assert not prints_decimal_comma([find_amounts(line) for line in lines])
    assert Decimal("5300") in values[0] or Decimal("1500") in values[1]


def test_a_weight_with_a_leading_zero_is_a_fraction_on_a_decimal_comma_page() -> None:
    _, values = _found("Bananen\n0,812 kg x 1,49 EUR/kg   1,21\nSUMME EUR 1,21")
    assert values[1][0] == Decimal("0.812")


def test_a_labelled_total_is_unchanged_by_three_place_prices() -> None:
    text = (
        "Mineralölhandel Huber GmbH\n"
        "Rechnung Nr. 55123  vom 14.05.2024\n"
        "Heizöl EL  2.150,000 l x 0,987 EUR/l   2.122,05\n"
        "Netto 1.783,24\nMwSt 19% 338,81\n"
        "Gesamtbetrag 2.122,05 EUR\n"
    )
    invoice = read(text)
    assert invoice.total == Decimal("2122.05")


# -- the issuer's bare web address -----------------------------------------------------------

# A gas bill whose letterhead is a logo: only the customer portal's address names the issuer.
GAS_BILL = (
    "GG\n"
    "Faktura 20231104\n"
    "Zákaznický portál: moje.plynarna-sever.cz\n"
    "Odběratel: Školka U Lesa\n"
    "Datum vystavení: 04.11.2023\n"
    "Celkem k úhradě: 1 250,00 Kč\n"
)


def test_a_bare_host_names_the_issuer_when_nothing_else_does() -> None:
    invoice = read(GAS_BILL)
    assert invoice.vendor is not None
    assert invoice.vendor.casefold() == "plynarna-sever"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Online: MYPHARMACY-PLUS.COM", "mypharmacy-plus"),
        ("Portal shop.kaffeehaus.co.uk", "kaffeehaus"),
    ],
)
def test_the_registered_label_is_the_name_before_the_suffix(line: str, name: str) -> None:
    from reimburse.adapters.heuristic.vendor import _BARE_DOMAIN, _registered_label

    m = _BARE_DOMAIN.search(line)
    assert m is not None
    got = _registered_label(m.group(1), m.group(2))
    assert got is not None and got.startswith(name[:5])


@pytest.mark.parametrize("line", ["Beleg als invoice.pdf gespeichert", "z.B. Nr.de", "Tel. 0211.de"])
def test_file_names_and_abbreviations_are_no_host(line: str) -> None:
    from reimburse.adapters.heuristic.vendor import _BARE_DOMAIN, _registered_label

    assert all(_registered_label(m.group(1), m.group(2)) is None for m in _BARE_DOMAIN.finditer(line))


def test_a_printed_name_still_beats_the_bare_host() -> None:
    text = "Stadtwerke Nordhafen GmbH\nUSt-IdNr. DE123456789\n" + GAS_BILL
    assert read(text).vendor == "Stadtwerke Nordhafen GmbH"

"""Vendor names by how they are written (issue 11): an English "Co." closing a name, a line run
on with a comma, the items table's first heading."""

from __future__ import annotations

from tests.vendor_text import vendor_of


def test_co_closing_a_name_is_a_company_form() -> None:
    text = "Invoice #: 1047\nCreated: March 3, 2025\n\nPinecrest Print Co.   Mountain Valley Realty Inc.\n2280 Market Street   Dana Ortiz\nDenver, CO 80205\n\nTotal: $487.50\n"
    assert vendor_of(text) == "Pinecrest Print Co."
    text = "Receipt\nHarbour Sweets & Co.   Westfield Mall Ltd\n12 Quay Road\nTotal: $12.00\n"
    assert vendor_of(text) == "Harbour Sweets & Co."


def test_co_before_a_place_is_an_irish_county_not_a_form() -> None:
    text = (
        "Receipt\nMill House Bakery\nMain Street Blackrock Co. Dublin\nOrion Holdings Ltd\nTotal: EUR 12.00\n"
    )
    assert vendor_of(text) != "Blackrock Co."


def _restaurant_bill(first_line: str, heading: str) -> str:
    # the issuer's name only in the footer, below more than a header's worth of lines
    items = "".join(
        f"{dish}   1   100.00   100.00\n"
        for dish in ("Paneer Tikka", "Dal Makhani", "Butter Naan", "Lime Soda")
    )
    return (
        f"{first_line}\nKolkata, West Bengal 700091\nGSTIN: 19AABCS1234F1Z5\nTAX/Bill\n"
        f"No . 061204   T-7   14-10-25 21:42\n\n{heading}   Qty   Rate   Amount\n{items}\n"
        "Sub Total   400.00\nCGST @2.5%   10.00\nSGST @2.5%   10.00\nGrand Total   420.00\n\n"
        "Thank you! Visit again\nSaffron Terrace Hospitality Pvt. Ltd.\n"
    )


def test_a_line_ending_with_a_comma_runs_on_and_names_no_one() -> None:
    assert (
        vendor_of(_restaurant_bill("Plot 22, Sector V, Salt Lake,", "description"))
        == "Saffron Terrace Hospitality Pvt. Ltd."
    )


def test_the_items_tables_first_heading_is_no_name() -> None:
    for heading in ("description", "Description", "Beschreibung", "Désignation"):
        assert (
            vendor_of(_restaurant_bill("Plot 22, Sector V, Salt Lake,", heading))
            == "Saffron Terrace Hospitality Pvt. Ltd."
        )

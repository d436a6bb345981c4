"""The currency of a policy from conventions of the country or language it is written in: the
South African "R" glued to its number, a "$" followed by "pesos", "kr" in Norwegian or Swedish
prose, a "RANDS" column over bare numbers. Texts are written for these tests and keep the shapes
of real public-sector and university policies."""

from __future__ import annotations

from reimburse.adapters.heuristic.policy_currency import policy_currency, symbol_currency
from tests.policy_text import read


def test_a_rand_sign_glued_to_its_number_makes_the_policy_zar() -> None:
    text = (
        "An incidental allowance, currently R72,40 per full 24 hours, may be claimed.\n"
        "Staff who stay with relatives may claim a fixed allowance of R240,00 per day.\n"
    )
    assert policy_currency(text) == "ZAR"


def test_rand_table_rows_with_previous_and_new_columns_are_zar() -> None:
    text = "DESCRIPTION PREVIOUS NEW\nDay allowance: incidentals R120.00 R128.00\nBreakfast R95 R100\n"
    assert policy_currency(text) == "ZAR"


def test_a_letter_r_before_a_whole_number_is_a_row_name_not_a_rand() -> None:
    # "Room R2", "grade R3": no decimals, so no money; the dollar amounts decide.
    assert policy_currency("Meeting room R2 may be booked; lunch is limited to $40.00 per person.") == "USD"


def test_a_rands_column_heading_over_bare_numbers_names_the_currency() -> None:
    text = "Durban\n                RANDS\n  Overnight rate - 24 hours   1,600.00\n  Day rate - over 10 hours   540.00\n"
    assert policy_currency(text) == "ZAR"


def test_dollar_sign_followed_by_pesos_is_the_peso() -> None:
    text = "| Comidas | Hasta $800.00 pesos diarios | Hasta $1,600.00 pesos diarios |\n"
    assert policy_currency(text) == "MXN"
    assert symbol_currency("$", "MXN") == "MXN"


def test_kr_in_norwegian_prose_is_the_norwegian_crown() -> None:
    text = (
        "Diett etter statens satser dekkes på reiser med overnatting.\n"
        " - Diett ved overnatting på hotell: kr 750,-\n"
        " - Diett ved annen overnatting (hybel, pensjonat): kr 320,-\n"
        "Satser for reiser av kortere varighet gis etter avtale.\n"
    )
    assert policy_currency(text) == "NOK"


def test_kr_in_swedish_prose_stays_the_swedish_crown() -> None:
    text = "Traktamente betalas ut för hel dag med 260 kr och för halv dag med 130 kr, inte vid endagsresa.\n"
    assert policy_currency(text) == "SEK"


def test_a_norwegian_per_diem_cap_is_read_in_nok() -> None:
    policy = read(
        "Diett etter statens satser dekkes på reiser av minst tolv timer.\n"
        "Diett ved overnatting på hotell dekkes med inntil kr 750 per døgn etter satser for reiser.\n"
    )
    assert policy.currency == "NOK"

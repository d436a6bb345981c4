"""Which dollar a bare "$" is when the policy never names its country (issue 19): Australian and
New Zealand policies print "$" alone. Evidence that places the text in one dollar country (states,
provinces and cities, tax words, phone prefixes, web domains) settles it, but only on a clear
majority; an explicit statement, "US$" or "USD" always win, and split or thin evidence keeps the
usual reading. The texts are written for these tests."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reimburse.adapters.heuristic.policy_currency import policy_currency

MEALS = "Breakfast up to $25.00. Lunch up to $25.00. Dinner up to $40.00.\n"


def test_australian_states_settle_a_bare_dollar() -> None:
    assert policy_currency(MEALS + "These rates apply to travel in NSW and Queensland.") == "AUD"


def test_an_australian_business_number_and_city_settle_it() -> None:
    assert policy_currency(MEALS + "Issued by the finance office, Melbourne (ABN 12 345 678 901).") == "AUD"


def test_a_new_zealand_phone_and_domain_settle_it() -> None:
    assert policy_currency(MEALS + "Questions: +64 4 499 0000 or payroll@agency.govt.nz") == "NZD"


def test_canadian_provinces_settle_it() -> None:
    assert policy_currency(MEALS + "Staff based in Ontario or Manitoba use these rates.") == "CAD"


def test_no_evidence_keeps_the_usual_dollar() -> None:
    assert policy_currency(MEALS) == "USD"


def test_one_place_alone_is_thin_evidence() -> None:
    assert policy_currency(MEALS + "The annual meeting is in Sydney.") == "USD"


def test_a_us_policy_listing_foreign_per_diems_stays_usd() -> None:
    text = (
        MEALS + "Domestic rates follow the GSA tables for CONUS travel from Arizona. "
        "Foreign per diems: Sydney $95, Melbourne $90, Toronto $85, Auckland $80."
    )
    assert policy_currency(text) == "USD"


def test_split_evidence_keeps_the_usual_dollar() -> None:
    assert policy_currency(MEALS + "Offices in Sydney, Brisbane, Toronto and Vancouver.") == "USD"


def test_a_stated_currency_wins_over_the_places() -> None:
    assert policy_currency(MEALS + "All amounts are in USD. Offices in NSW and Queensland.") == "USD"


def test_printed_us_dollars_win_over_the_places() -> None:
    text = "Breakfast US$25. Lunch US$25. Dinner US$40. Staff travel from NSW, Queensland and Perth."
    assert policy_currency(text) == "USD"


PLACES = st.lists(
    st.sampled_from(["Sydney", "Brisbane", "NSW", "Auckland", "Toronto", "Ontario", "Texas"]), max_size=6
)


@settings(max_examples=40, deadline=None)
@given(PLACES)
def test_evidence_never_overrides_a_stated_currency(places: list[str]) -> None:
    text = "All amounts are in Canadian dollars. " + MEALS + " ".join(places)
    assert policy_currency(text) == "CAD"


@settings(max_examples=40, deadline=None)
@given(PLACES)
def test_a_bare_dollar_is_always_some_dollar(places: list[str]) -> None:
    assert policy_currency(MEALS + " ".join(places)) in {"USD", "AUD", "NZD", "CAD"}

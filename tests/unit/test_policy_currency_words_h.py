"""Currencies written as words or local signs, and an ISO code beside a dollar sign (external set H:
a Swiss collective agreement and the ETH Board's ordinance; Kenyan per diem rates; an association's
"$400 USD" airfare limits; a Canadian university's "$15.00 CAD")."""

from __future__ import annotations

from decimal import Decimal

from tests.policy_text import read


def _caps(text: str) -> list[tuple[str, Decimal, str, str]]:
    return [(c.category, c.amount, c.currency, c.unit.value) for c in read(text).caps]


def test_franken_after_the_amount_is_the_swiss_franc() -> None:
    text = (
        "Auslagen: Frühstück höchstens 12 Franken pro Mahlzeit; Übernachtung maximal 140 Franken pro Nacht."
    )
    assert ("meals", Decimal("12"), "CHF", "meal") in _caps(text)
    assert ("hotel", Decimal("140"), "CHF", "night") in _caps(text)
    assert read(text).currency == "CHF"


def test_italian_franchi_after_the_amount_is_the_swiss_franc() -> None:
    policy = read("Per i pasti fuori sede sono rimborsati 26.00 franchi.")
    assert policy.currency == "CHF"
    assert [(c.amount, c.currency) for c in policy.caps] == [(Decimal("26.00"), "CHF")]


def test_franken_before_a_number_is_the_region_not_the_currency() -> None:
    # "Franken" is also Franconia: only after an amount does it name the franc.
    policy = read("Tagungen in Franken 2024: Hotel höchstens 95 Euro pro Nacht.")
    assert policy.currency == "EUR"
    assert all(c.currency == "EUR" for c in policy.caps)


def test_german_verguetung_beträgt_states_an_allowance() -> None:
    caps = _caps("Die Vergütung für eine Mahlzeit auswärts beträgt 22,50 Euro.")
    assert caps == [("meals", Decimal("22.50"), "EUR", "meal")]


def test_kenyan_shilling_sign_with_a_dot_or_plural() -> None:
    text = "Per diem rates for cities.\nJob groups A to E: Ksh. 3,900\nJob groups F to J: Kshs. 5,100"
    assert read(text).currency == "KES"


def test_iso_code_after_a_dollar_sign_names_the_dollar() -> None:
    # The policy's own dollar is the Canadian one, but this limit says it is in US dollars.
    policy = read("All amounts are in CAD.\nAirfare is limited to $450 USD per trip.")
    assert [(c.amount, c.currency) for c in policy.caps] == [(Decimal("450"), "USD")]


def test_a_bare_dollar_sign_still_takes_the_policys_dollar() -> None:
    policy = read("All amounts are in CAD.\nAirfare is limited to $450 per trip.")
    assert [(c.amount, c.currency) for c in policy.caps] == [(Decimal("450"), "CAD")]

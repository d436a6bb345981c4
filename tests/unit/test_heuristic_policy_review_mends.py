"""Mends after the session-12 review of the policy rules: prices said with "will be", cents with a
unit that is no distance, a refused list that runs into the next section, Spanish lead times and
payouts, an hour note that prints the other amount, and range words that need their own test."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reimburse.adapters.heuristic.caps import find_caps
from reimburse.adapters.heuristic.deadlines import find_deadline, find_deadline_rule
from tests.policy_text import names, read

AT_COST = "Hotel stays and economy airfare are reimbursed at cost.\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "Rooms are booked by the department. A no-show charge for a hotel room will be $50.",
        "If an airline ticket is changed after booking, the change fee will be $75.00.",
    ],
)
def test_a_fee_said_with_will_be_is_no_limit(sentence: str) -> None:
    # A price the traveller may meet, not what the policy pays for the kind named earlier.
    assert read(f"Travel\n{AT_COST}{sentence}\n").caps == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "Photocopies are charged at 10 cents/page by the library.",
        "The state sales tax adds 6 cents/dollar to hotel bills.",
    ],
)
def test_cents_per_something_other_than_distance_is_no_limit(sentence: str) -> None:
    assert read(f"Travel\n{AT_COST}{sentence}\n").caps == ()


def test_a_refused_list_ends_where_a_reimbursable_section_begins() -> None:
    text = (
        "Non-Reimbursable Expenses\nPersonal entertainment is never paid.\n\n"
        "Reimbursable Expenses\nBaggage fees\nTaxi fares\nHighway tolls\nInternet access\n"
        "Laundry on trips over five days\n"
    )
    excluded = names(read(text))
    assert not excluded & {"internet", "laundry", "tolls", "highway tolls", "internet access"}, excluded


@pytest.mark.parametrize(
    "sentence",
    [
        "Las solicitudes de anticipo deberán presentarse en el plazo de 10 días antes del viaje.",
        "Los billetes deberán solicitarse en el plazo de 7 días de antelación a la salida.",
        "La tesorería remitirá el pago en el plazo de 30 días desde la presentación de la solicitud.",
    ],
)
def test_spanish_lead_times_and_payouts_are_no_submission_deadline(sentence: str) -> None:
    assert find_deadline(sentence) is None


def test_papers_sent_in_with_remitir_keep_their_deadline() -> None:
    # "Remitir" names the payer's time only when what is sent is the money.
    sentence = "Las facturas se remitirán a la administración en el plazo de 15 días desde el viaje."
    assert find_deadline(sentence) == 15


def test_an_hour_note_that_prints_an_amount_is_no_hour_note() -> None:
    text = (
        "Subsistence\nThe following maximum rates apply for duties away from the office.\n\n"
        "Meal   Rate\nBreakfast   Up to £8\nDinner   £20.00 (£30.00 if after 8 pm)\n"
    )
    dinner = [c for c in read(text).caps if c.meal == "dinner" or c.amount in (Decimal("20"), Decimal("30"))]
    assert not any(c.amount == Decimal("20") and c.condition is None for c in dinner)


def test_a_day_after_an_amount_is_no_currency_code_of_a_range() -> None:
    # "a day $55" is no range "$40 a $55": "day" is a word, not a currency code.
    policy = read("Meals\nMeals are limited to $40 a day $55 a day with an overnight stay.\n")
    assert Decimal("40") in {c.amount for c in policy.caps if c.category == "meals"}


@pytest.mark.parametrize(
    ("sentence", "upper"),
    [
        ("Hotel: € 60 a € 90 per notte.", "90"),
        ("Hotel: 60 € a 90 € por noche.", "90"),
        ("Übernachtung: 80 € bis 100 € pro Nacht.", "100"),
        ("Hotel: € 70 tot € 90 per nacht.", "90"),
    ],
)
def test_a_range_in_other_languages_words_is_one_amount_its_upper_end(sentence: str, upper: str) -> None:
    # Each amount printed with its sign: without the range word both would be read as limits.
    assert [f.amount.value for f in find_caps(sentence, money_text=True)] == [Decimal(upper)]


def test_spanish_papers_remitidos_are_a_submission_deadline() -> None:
    # No "plazo", "solicitud" or "presentar": "remitidos" alone says that claims' papers are sent in,
    # and it ranks the deadline as a submission one (2) that is mandatory ("deberán", 1).
    found = find_deadline_rule(
        "Los justificantes deberán ser remitidos dentro de los 20 días siguientes al viaje."
    )
    assert found is not None
    assert (found.days, found.score) == (20, 3)


@pytest.mark.parametrize("label", ["Senior Executives", "Vice Presidents and Deans", "Partial Days"])
def test_a_run_on_label_naming_no_place_is_a_condition_for_review_not_a_location(label: str) -> None:
    # A location nobody's claim names would cap that group at the first row's amount, silently.
    policy = read(f"Meals\nThe meal allowance is $60 per day, {label}: $90 per day.\n")
    ninety = [c for c in policy.caps if c.amount == Decimal(90)]
    assert ninety, policy.caps
    assert ninety[0].condition is not None
    assert ninety[0].condition.locations == ()
    assert label in ninety[0].condition.other


def test_a_run_on_label_with_a_place_word_stays_the_rows_place() -> None:
    policy = read(
        "Hébergement\nCoucher: 100 $ par coucher, Villes de Laval et de Gatineau: 110 $ par coucher.\n"
    )
    hotel = [c for c in policy.caps if c.amount == Decimal(110)]
    assert hotel and hotel[0].condition is not None, policy.caps
    assert hotel[0].condition.locations == ("Villes de Laval et de Gatineau",)

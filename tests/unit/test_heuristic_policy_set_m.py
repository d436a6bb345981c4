"""Rules from policy set M (issue 19: companies, non-profits, non-US public bodies, other languages).
The texts are written for the tests in the shapes seen there: a Dutch association's travel rules
with an own contribution and a deadline in weeks written out, a Spanish federation's rule on sending
tickets in, Swedish refusals written in the passive after their subject."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reimburse.adapters.heuristic.deadlines import find_deadline
from reimburse.adapters.heuristic.exclusions import is_negative
from reimburse.domain.verdict.policy import RuleType
from tests.policy_text import read


@pytest.mark.parametrize(
    "sentence",
    [
        "Voor elke reis geldt een eigen bijdrage van € 5,00 per deelnemer.",
        "Es gilt ein Eigenanteil von 10 Euro je Fahrt.",
        "Members pay an own contribution of £8 towards each trip.",
    ],
)
def test_an_own_contribution_is_no_limit(sentence: str) -> None:
    policy = read(f"Travel costs\nTrain and bus tickets are reimbursed.\n{sentence}\n")
    assert policy.caps == ()
    assert any(a.kind is RuleType.REFERENCE for a in policy.amounts)


def test_a_limit_beside_an_own_contribution_stays_a_limit() -> None:
    text = (
        "Hotel\nThe hotel is reimbursed up to € 120 per night; an own contribution of € 5 applies per trip.\n"
    )
    assert {c.amount for c in read(text).caps} == {Decimal("120")}


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        (
            "Een declaratie wordt alleen vergoed als zij binnen vier weken bij de penningmeester is ingediend.",
            28,
        ),
        ("Die Abrechnung ist innerhalb von acht Tagen einzureichen.", 8),
        ("Los billetes deberán ser remitidos en el plazo máximo de 10 días desde el regreso.", 10),
        ("Las solicitudes deben presentarse en el plazo de 30 días.", 30),
    ],
)
def test_deadlines_in_dutch_german_and_spanish_wording(sentence: str, days: int) -> None:
    assert find_deadline(sentence) == days


def test_a_spanish_payment_term_is_no_submission_deadline() -> None:
    assert find_deadline("Las facturas se abonarán en el plazo de 30 días.") is None


def test_the_time_spain_pays_a_request_in_is_no_submission_deadline() -> None:
    sentence = "El reembolso se abonará en el plazo de 30 días desde la presentación de la solicitud."
    assert find_deadline(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Böter och parkeringsavgifter ersätts inte.",
        "Minibar ersätts ej av föreningen.",
        "Bøder dækkes ikke.",
        "Bøter refunderes ikke.",
    ],
)
def test_nordic_passive_refusals_are_negative(sentence: str) -> None:
    assert is_negative(sentence)


def test_a_swedish_refusal_of_fines_gives_the_fines_exclusion() -> None:
    policy = read("Resor med bil\nEventuella böter och skador ersätts inte av föreningen.\n")
    fines = [e for e in policy.exclusions if e.name == "fines"]
    assert fines and "böter" in fines[0].keywords


def test_a_never_reimbursable_status_line_leads_the_bare_list_below_it() -> None:
    text = (
        "Travel\n\nExpenses that are never reimbursable\n\n"
        "Spouse or companion travel\nGym memberships\nParking tickets\n\n"
        "Exceptions may be granted for medical reasons.\n"
    )
    found = {k.lower() for e in read(text).exclusions for k in e.keywords}
    assert {"spouse", "parking ticket"} <= found


def test_you_will_not_be_reimbursed_for_names_the_thing_after_for() -> None:
    policy = read("Meals on trips\nYou will not be reimbursed for alcoholic drinks or the minibar.\n")
    assert {"alcohol", "minibar"} <= {e.name for e in policy.exclusions}


def test_quebec_meal_names_breakfast_lunch_and_supper() -> None:
    policy = read(
        "Frais de séjour\nRepas: jusqu'à concurrence de: déjeuner: 11,00 $, dîner: 15,00 $, souper: 24,00 $;\n"
    )
    meals = {(c.meal, c.amount) for c in policy.caps}
    assert meals == {
        ("breakfast", Decimal("11.00")),
        ("lunch", Decimal("15.00")),
        ("dinner", Decimal("24.00")),
    }


def test_french_of_france_keeps_dejeuner_as_lunch() -> None:
    policy = read("Frais de mission\nRepas: déjeuner: 17,50 €, dîner: 25,00 € au maximum.\n")
    assert {(c.meal, c.amount) for c in policy.caps} == {
        ("lunch", Decimal("17.50")),
        ("dinner", Decimal("25.00")),
    }


def test_a_french_range_per_coucher_is_a_nightly_hotel_limit_at_its_upper_end() -> None:
    policy = read(
        "Hébergement\nCoucher dans un établissement hôtelier: jusqu'à concurrence de 95 $ à 120 $ par coucher.\n"
    )
    assert [(c.category, c.amount, c.unit.value) for c in policy.caps] == [("hotel", Decimal("120"), "night")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Hébergement chez un parent ou un ami: 25,00 $ par nuit.",
        "Bei Übernachtung bei Verwandten werden 20 Euro pro Nacht gezahlt.",
    ],
)
def test_a_night_with_relatives_or_friends_is_no_hotel_limit(sentence: str) -> None:
    assert read(f"Hotel\nHotel stays are reimbursed at cost.\n{sentence}\n").caps == ()


def test_a_weekly_maximum_said_before_the_amount_is_no_nightly_limit() -> None:
    policy = read("Formation\nHébergement pour formation: jusqu'à un maximum hebdomadaire de 400 $.\n")
    # The week's total is held per invoice (periods.py sums the week), never per night.
    assert [(c.category, c.amount, c.unit.value) for c in policy.caps] == [
        ("hotel", Decimal("400"), "invoice")
    ]


def _rates(text: str) -> set[Decimal]:
    return {a.amount for a in read(text).amounts if a.kind is RuleType.RATE}


@pytest.mark.parametrize(
    ("line", "rates"),
    [
        ("Personal cars are paid 62.5 cents/mile.", {Decimal("0.625")}),
        ("The mileage rate is 14¢/mile or 8.7¢/kilometer.", {Decimal("0.14"), Decimal("0.087")}),
        (
            "Car: 45p per mile for the first 10,000 miles, then 25p per mile.",
            {Decimal("0.45"), Decimal("0.25")},
        ),
        ("Bicycles are paid 20p per mile.", {Decimal("0.20")}),
    ],
)
def test_cents_and_pence_per_distance_are_rates(line: str, rates: set[Decimal]) -> None:
    assert _rates(f"Mileage\n{line}\n") == rates


def test_a_number_before_a_slash_stays_no_money() -> None:
    policy = read("Support\nThe travel desk answers 24/7 and books 3/4 of all trips.\n")
    assert policy.caps == () and not policy.amounts

"""Conventions met on a new unseen external set of policies (issue 19, policies_g): in English, a
list announced as "reduced as follows:" holds deductions, not limits, even when its lead-in is a
sentence of its own over the rows; after "Example:" a worked case runs to the paragraph's end, so
the amounts in its later sentences are no limits either. The texts are written for these tests and
keep the real documents' shapes."""

from __future__ import annotations

from decimal import Decimal

from reimburse.domain.verdict.policy import RuleType
from tests.policy_text import names, read


def _caps(text: str) -> set[Decimal]:
    return {c.amount for c in read(text).caps}


def test_rows_under_reduced_as_follows_are_deductions() -> None:
    text = (
        "Meals cost at most $40 for each day of travel.\n"
        "If a meal comes with the registration fee, or is otherwise\n"
        "• not allowed, the daily allowance shall be reduced as follows:\n"
        "Breakfast $7.00\nLunch $11.00\nDinner $16.00\n"
    )
    caps = _caps(text)
    assert {Decimal(7), Decimal(11), Decimal(16)}.isdisjoint(caps)
    assert Decimal(40) in caps


def test_rows_under_a_list_of_limits_stay_limits() -> None:
    text = (
        "The most the city pays for each meal is as follows:\nBreakfast $7.00\nLunch $11.00\nDinner $16.00\n"
    )
    assert {Decimal(7), Decimal(11), Decimal(16)} <= _caps(text)


def test_a_deduction_lead_ends_at_the_next_sentence() -> None:
    text = (
        "When a meal is provided, the allowance is reduced as follows:\nBreakfast $7.00\n"
        "Hotel rooms may cost up to $150 per night.\n"
    )
    caps = _caps(text)
    assert Decimal(7) not in caps
    assert Decimal(150) in caps


def test_sentences_after_an_example_label_are_examples() -> None:
    text = (
        "Agencies may set their own meal rules.  Example:  a department asks for reasonable costs.  "
        "A traveller goes to a town where the federal guideline is $61.00 per day for meals.  "
        "The trip is reasonable against the guideline total of $183.00.\n\n"
        "Lodging is capped at $140 per night.\n"
    )
    policy = read(text)
    caps = {c.amount for c in policy.caps}
    assert {Decimal(61), Decimal(183)}.isdisjoint(caps)
    assert Decimal(140) in caps
    assert any(a.kind is RuleType.EXAMPLE and a.amount == Decimal(61) for a in policy.amounts)


def test_an_example_ends_with_its_paragraph() -> None:
    text = "Example: a trip of two days.\nMeals are capped at $45 per day.\n"
    assert Decimal(45) in _caps(text)


def test_a_country_code_spaced_from_the_dollar_sign_names_that_dollar() -> None:
    text = (
        "Meals are paid up to a maximum of US $120 a day. Tips of up to US $15 may be added. "
        "Car use in Australia is paid at AU $0.80 per kilometre.\n"
    )
    assert read(text).currency == "USD"


def test_danish_abbreviations_keep_the_sentence_and_name_the_unit() -> None:
    text = (
        "Forplejning\nVi dækker efter regning udgifter til forplejning (maks. 150,00 kr./måltid).\n"
        "Overnatning\nDer kan pt. højst dækkes en hotelovernatning af ca. kr. 900 pr. nat efter rejse.\n"
    )
    caps = {(c.amount, c.unit.value) for c in read(text).caps}
    assert (Decimal("150.00"), "meal") in caps
    assert (Decimal(900), "night") in caps


def test_shall_not_be_a_reimbursable_expense_refuses_its_subject() -> None:
    policy = read(
        "Meals are paid up to the federal rate.\nAlcoholic drinks shall not be a reimbursable expense.\n"
    )
    assert "alcohol" in names(policy)


def test_a_reimbursable_expense_said_plainly_refuses_nothing() -> None:
    policy = read("Hotel parking shall be a reimbursable expense.\n")
    assert not names(policy)

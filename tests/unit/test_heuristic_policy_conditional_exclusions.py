"""The offline reader keeps an exclusion's condition (issue 19): "Laundry (if the trip is under
five days)" or "Laundry charges, unless the stay is a week or longer" is a laundry rule that holds
only then, never a blanket keyword and never dropped. Texts written for these tests."""

from __future__ import annotations

import pytest

from reimburse.adapters.heuristic.exclusions import split_condition, table_exclusions
from reimburse.domain.verdict.policy import ExclusionRule, Policy
from tests.policy_text import read


def rule(policy: Policy, name: str) -> ExclusionRule:
    return next(e for e in policy.exclusions if e.name == name)


@pytest.mark.parametrize(
    ("text", "name", "condition"),
    [
        (
            "Items we do not reimburse:\n- Laundry (if the trip lasts fewer than four days)\n- Movies\n",
            "laundry",
            "if the trip lasts fewer than four days",
        ),
        (
            "Items we do not reimburse:\n- Laundry (for trips under four days)\n- Movies\n",
            "laundry",
            "for trips under four days",
        ),
        (
            "Non-reimbursable expenses:\n- Dry cleaning, unless the stay is a week or longer\n- Movies\n",
            "laundry",
            "unless the stay is a week or longer",
        ),
        (
            "Non-reimbursable expenses:\n- Alcohol, except at receptions the department hosts\n- Movies\n",
            "alcohol",
            "except at receptions the department hosts",
        ),
        (
            "Laundry is not reimbursed when the journey is shorter than a week.\n",
            "laundry",
            "when the journey is shorter than a week",
        ),
        (
            "Laundry, unless the assignment runs longer than ten days, is not reimbursable.\n",
            "laundry",
            "unless the assignment runs longer than ten days",
        ),
        (
            "If the journey is shorter than a week, laundry is not reimbursed.\n",
            "laundry",
            "If the journey is shorter than a week",
        ),
    ],
)
def test_a_conditional_item_keeps_its_words_and_its_condition(text: str, name: str, condition: str) -> None:
    policy = read(text)
    found = rule(policy, name)
    assert found.condition == condition
    assert found.keywords  # the item's own words, so a matching line is found and flagged


def test_unconditional_items_beside_it_stay_unconditional() -> None:
    policy = read(
        "Items we do not reimburse:\n- Laundry (if the trip lasts fewer than four days)\n- Movies\n"
    )
    assert rule(policy, "entertainment").condition == ""


@pytest.mark.parametrize(
    "text",
    [
        "Items we do not reimburse:\n- Laundry (if the trip lasts fewer than four days)\n\nLaundry is not reimbursable.\n",
        "Laundry is not reimbursable.\nItems we do not reimburse:\n- Laundry (if the trip lasts fewer than four days)\n",
    ],
)
def test_refused_outright_elsewhere_wins_over_the_condition(text: str) -> None:
    assert rule(read(text), "laundry").condition == ""


def test_unless_approved_stays_an_exclusion_a_reviewer_may_waive() -> None:
    # An approval is an exception granted case by case: the item remains excluded, as before.
    policy = read("Alcohol is not reimbursable, unless approved by the dean.\n")
    assert rule(policy, "alcohol").condition == ""


@pytest.mark.parametrize(
    ("text", "item", "condition"),
    [
        (
            "Wäsche (wenn die Reise kürzer als vier Tage dauert)",
            "Wäsche",
            "wenn die Reise kürzer als vier Tage dauert",
        ),
        (
            "Blanchisserie, sauf pour les missions de plus d'une semaine",
            "Blanchisserie",
            "sauf pour les missions de plus d'une semaine",
        ),
        (
            "Lavandería, salvo en viajes de más de una semana",
            "Lavandería",
            "salvo en viajes de más de una semana",
        ),
        (
            "Lavanderia (se la trasferta dura meno di quattro giorni)",
            "Lavanderia",
            "se la trasferta dura meno di quattro giorni",
        ),
        (
            "Lavandaria, exceto em viagens com mais de uma semana",
            "Lavandaria",
            "exceto em viagens com mais de uma semana",
        ),
        (
            "Wasserij, tenzij de reis langer dan een week duurt",
            "Wasserij",
            "tenzij de reis langer dan een week duurt",
        ),
    ],
)
def test_the_same_condition_words_in_other_languages(text: str, item: str, condition: str) -> None:
    assert split_condition(text) == (item, condition)


@pytest.mark.parametrize(
    "text",
    [
        "Non si rimborsano gli alcolici",  # Italian "si" is a pronoun here, not "if"
        "Gifts, if any",
        "Tips for meals and hotel staff",
        "Personal items such as toiletries",
    ],
)
def test_words_that_are_no_condition(text: str) -> None:
    assert split_condition(text) == (text, "")


def test_a_ruled_tables_not_reimbursable_column_keeps_the_condition() -> None:
    table = (
        ("Reimbursable", "Not reimbursable"),
        ("Economy airfare", "Laundry (for trips under four days)"),
        ("Hotel room", "Movies"),
    )
    found = {f.name: f.condition for f, _ in table_exclusions(table)}
    assert found == {"laundry": "for trips under four days", "entertainment": ""}

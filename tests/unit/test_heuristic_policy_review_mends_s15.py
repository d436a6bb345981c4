"""Mends of the session-15 policy review (issue 19): a conference fee stays a fee, a "year-end"
or "year's" is no budget year, a travel-and-entertainment caption is the traveller's own, a row
printing money is no caption, and a row label that only names its expense kind is no occasion.
The texts are short synthetic paraphrases."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest

from reimburse.adapters.heuristic.captions import caption_occasion
from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.domain.verdict.document import Document, Page
from reimburse.domain.verdict.policy import Policy

Table = tuple[tuple[str, ...], ...]
Limit = tuple[str, Decimal, str, str]  # category, amount, unit, condition


def read(text: str, *tables: Table) -> Policy:
    sha = hashlib.sha256(text.encode()).hexdigest()
    pages = (Page(1, 600.0, 800.0, tables=tables),) if tables else ()
    return HeuristicPolicyInterpreter(default_currency="USD").read(
        Document("p.pdf", sha, text, (text,), pages)
    )


def limits(text: str, *tables: Table) -> set[Limit]:
    return {
        (c.category, c.amount, c.unit.value, c.condition.text if c.condition else "")
        for c in read(text, *tables).caps
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Registration fees to attend a conference are reimbursed up to $400.",
        "The fee to attend a workshop is reimbursed up to $400.",
        "Tuition to attend a workshop is reimbursed up to $400 per course.",
    ],
)
def test_a_fee_to_attend_a_conference_stays_a_fee(sentence: str) -> None:
    # Paying a fee is no trip: reading it as a travel cap let a large fee through unchecked.
    text = f"Professional development\nLodging is reimbursed up to $175 per night.\n{sentence}\n"
    categories = {category for category, amount, _, _ in limits(text) if amount == 400}
    assert categories == {"training"}


@pytest.mark.parametrize(
    "said", ["during the fiscal year-end close", "during the academic year's orientation week"]
)
def test_a_year_end_or_a_years_event_is_no_budget_year(said: str) -> None:
    text = f"Meals\nIn those weeks, meals are reimbursed up to $25 {said}.\n"
    units = {unit for _, amount, unit, _ in limits(text) if amount == 25}
    assert units and "year" not in units


GRADES = "\n".join(
    [
        "Grade      Hotel per night     Meals per day",
        "A          $260                $85",
        "B          $170                $55",
    ]
)


@pytest.mark.parametrize(
    "caption", ["Travel and Entertainment Expense Limits", "Travel & Entertainment: limits by grade"]
)
def test_a_travel_and_entertainment_caption_is_no_hosted_occasion(caption: str) -> None:
    # The traveller's own hotel and meals: only the grade conditions them.
    found = limits(f"{caption}\n\n{GRADES}\n")
    assert found and {condition for *_, condition in found} <= {"grade A", "grade B"}


def test_an_entertainment_caption_without_travel_still_conditions() -> None:
    assert caption_occasion("Entertainment Expense Limits")[0] == "Entertainment"


def test_a_row_printing_money_is_no_caption() -> None:
    # The last row of the table above is the nearest line over the next table, not its caption.
    assert caption_occasion("Hospitality $50 per person") == ("", "")


def test_the_table_above_lends_no_caption_to_the_next() -> None:
    limits_table: Table = (
        ("Expense", "Limit"),
        ("Hotel", "$180 per night"),
        ("Hospitality", "$50 per person"),
    )
    per_diem: Table = (("Meal", "Per diem"), ("Breakfast", "$12"), ("Dinner", "$30"))
    text = "\n".join(
        [
            "Expense Limit",
            "Hotel $180 per night",
            "Hospitality $50 per person",
            "Meal Per diem",
            "Breakfast $12",
            "Dinner $30",
        ]
    )
    found = limits(text, limits_table, per_diem)
    assert {condition for _, amount, _, condition in found if amount in (12, 30)} == {""}


def test_an_activity_row_naming_only_its_kind_is_no_occasion() -> None:
    text = "\n".join(
        [
            "Travel limits",
            "",
            "Activity          Maximum",
            "Lodging           $190 per night",
            "Meals             $65 per day",
        ]
    )
    found = limits(text)
    assert {amount for _, amount, _, _ in found} == {190, 65}
    assert {condition for *_, condition in found} == {""}


def test_an_activity_row_with_words_besides_its_kind_is_an_occasion() -> None:
    text = "\n".join(
        [
            "Event limits",
            "",
            "Activity          Maximum",
            "Team lunch        $25 per person",
            "Donor dinner      $90 per person",
        ]
    )
    conditions = {condition for *_, condition in limits(text)}
    assert {"Team lunch", "Donor dinner"} <= conditions


def test_a_fee_under_an_attending_conferences_heading_stays_a_fee() -> None:
    # The heading names the meeting; the sentence under it says a fee is what is paid.
    text = "Attending Conferences\nFees are reimbursed up to $300 per event.\n"
    assert {category for category, amount, _, _ in limits(text) if amount == 300} == {"training"}


def test_a_trip_under_an_attending_conferences_heading_stays_travel() -> None:
    text = "Attending Conferences\nReimbursement is limited to $1,200 per academic year.\n"
    assert {category for category, amount, _, _ in limits(text) if amount == 1200} == {"travel"}


@pytest.mark.parametrize("row", ["Hospitality $50 per person", "Entertainment: $60 per guest"])
def test_a_row_labelled_with_a_hosted_occasion_is_not_the_row_above(row: str) -> None:
    # The hotel row above lends its kind to no row that names an occasion of its own.
    found = limits(f"Limits\nHotel $180 per night\n{row}\n")
    assert {amount for category, amount, _, _ in found if category == "hotel"} == {180}


def test_a_scope_row_still_takes_the_kind_of_the_row_above() -> None:
    found = limits("Limits\nHotel $180 per night\nDomestic $150 per night\n")
    assert {category for category, amount, _, _ in found if amount == 150} == {"hotel"}

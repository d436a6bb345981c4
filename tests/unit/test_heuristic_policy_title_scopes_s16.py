"""Caps whose occasion only the page's title or a heading names (sets L, K, V, issue 19). The
texts are written for these tests."""

from __future__ import annotations

import hashlib

from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import Policy


def _read(text: str) -> Policy:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return HeuristicPolicyInterpreter(default_currency="USD").read(Document("p.pdf", sha, text, (text,)))


_TABLE = "Revised: March 3, 2021\n\nItem   Highest Amount Per Guest\nBreakfast   $24.00\nLunch   $36.00\nDinner   $68.00\n\nA department divides the bill by the number of people at the table.\n"


def test_a_hosting_title_conditions_the_meal_rows_of_a_table_below() -> None:
    caps = _read("Office of the Bursar\nSpending Rates for Hospitality Meals\n" + _TABLE).caps
    assert sorted(int(c.amount) for c in caps) == [24, 36, 68]
    assert all(c.condition is not None and "hospitality" in c.condition.other.lower() for c in caps)


def test_a_title_naming_no_guests_leaves_the_table_rows_unconditional() -> None:
    caps = _read("Office of the Bursar\nPer-Person Meal Limits\n" + _TABLE).caps
    assert sorted(int(c.amount) for c in caps) == [24, 36, 68]
    assert all(c.condition is None for c in caps)


def test_a_hosting_title_that_names_a_trip_leaves_the_table_rows_unconditional() -> None:
    caps = _read("Office of the Bursar\nTravel Meals and Hospitality Rates\n" + _TABLE).caps
    assert sorted(int(c.amount) for c in caps) == [24, 36, 68]
    assert all(c.condition is None for c in caps)


def _meal_columns(caption: str) -> str:
    return f"Staff Meal Guidelines\n\n{caption}\n\nBreakfast   Lunch   Dinner\n$19.00   $31.00   $58.00\n\nAll meals need a list of attendees.\n"


def test_a_header_of_meals_over_a_row_of_amounts_gives_each_meal_its_cap() -> None:
    caps = _read(_meal_columns("Maximum per person amounts for business meals")).caps
    by_amount = {int(c.amount): c for c in caps}
    assert sorted(by_amount) == [19, 31, 58]
    assert all(c.category == "meals" and c.unit.value == "meal" for c in caps)
    assert all(c.condition is not None and "business" in c.condition.other.lower() for c in caps)


def test_a_caption_negating_the_trip_with_a_closing_note_still_names_business_meals() -> None:
    caption = "Highest per person amounts for non-travel business meals (these amounts leave out the tax and the tip)"
    caps = _read(_meal_columns(caption)).caps
    assert sorted(int(c.amount) for c in caps) == [19, 31, 58]
    assert all(c.condition is not None and "business" in c.condition.other.lower() for c in caps)


def test_a_caption_naming_the_trip_keeps_the_travellers_own_meals() -> None:
    caps = _read(_meal_columns("Highest per person amounts for travel business meals")).caps
    assert sorted(int(c.amount) for c in caps) == [19, 31, 58]
    assert all(c.condition is None for c in caps)


def test_a_worked_example_set_as_a_header_of_kinds_is_no_limit() -> None:
    # Review s16 finding 2: one trip's costs under kinds became caps at that place and replaced the
    # policy's own hotel cap.
    text = (
        "Lodging is paid up to $210 per night.\n\nClaiming costs\n\n"
        "Sample claim: a four-day visit to Denver\n\n"
        "Airfare   Hotel   Meals\n$388.40   $702.00   $151.25\n\nAttach every receipt to the claim.\n"
    )
    caps = _read(text).caps
    assert [int(c.amount) for c in caps] == [210]


def test_a_table_captioned_for_a_trip_under_a_hosting_title_keeps_its_rows_unconditional() -> None:
    # Review s16 finding 7: the title names guests, the table's own caption the traveller's trip.
    for caption in ("Meal limits on university trips", "Meal limits while travelling"):
        text = (
            f"Office of the Bursar\nSpending Rates for Hospitality Meals\n\n{caption}\n\n"
            "Item   Highest Amount Per Person\nBreakfast   $24.00\nLunch   $36.00\nDinner   $68.00\n\n"
            "A department divides the bill by the number of people at the table.\n"
        )
        caps = _read(text).caps
        assert sorted(int(c.amount) for c in caps) == [24, 36, 68]
        assert all(c.condition is None for c in caps)

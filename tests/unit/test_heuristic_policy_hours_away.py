"""Per diems by hours of absence (issue 19, set M): German-speaking policies print the statutory
meal allowance (Verpflegungsmehraufwand, Austria's and Switzerland's Taggeld) as rows labelled by the
hours away alone, with no meal word: "ab 8 Stunden Abwesenheit: 14 Euro". The texts are the tests'
own, in the shapes such policies use."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from reimburse.adapters.heuristic.durations import labelled_by_hours
from reimburse.domain.verdict.policy import CapUnit
from tests.policy_text import read


def _meal_caps(text: str) -> dict[Decimal, str]:
    policy = read(text)
    return {
        c.amount: c.condition.other if c.condition else ""
        for c in policy.caps
        if c.category == "meals" and c.unit is CapUnit.DAY
    }


def test_rows_labelled_by_hours_of_travel_are_daily_meal_allowances() -> None:
    text = (
        "Reisekosten\nErstattet wird, was steuerfrei ist.\nInland:\n"
        "ab 8 bis 24 Stunden Reisetätigkeit: 14 Euro\nab 24 Stunden Reisetätigkeit: 28 Euro\n"
    )
    assert _meal_caps(text) == {Decimal("14"): "8 to 24 hours", Decimal("28"): "at least 24 hours"}


def test_an_absence_of_more_than_so_many_hours_labels_the_allowance() -> None:
    text = "Auswärtstätigkeit\nBei einer Abwesenheit von mehr als 8 Stunden: 14 €\n"
    assert _meal_caps(text) == {Decimal("14"): "more than 8 hours"}


def test_the_second_row_keeps_its_own_hours() -> None:
    # "ab" after the first amount is the row's "from", no "a(n) b..." unit of the amount before.
    text = "Tagegeld Inland\nab 8h Abwesenheit: 14 Euro ab 24h Abwesenheit: 28 Euro\n"
    assert _meal_caps(text)[Decimal("28")] == "at least 24 hours"


def test_hours_beside_another_kind_do_not_make_a_meal_allowance() -> None:
    text = "Parken\nParkgebühren ab 8 Stunden: 12 Euro\n"
    assert _meal_caps(text) == {}


def test_the_hours_under_a_hotel_heading_stay_the_headings_kind() -> None:
    text = "Übernachtung\nab 24 Stunden Reisetätigkeit: 80 Euro\n"
    assert _meal_caps(text) == {}


@given(st.integers(min_value=1, max_value=24), st.integers(min_value=1, max_value=99))
def test_a_number_after_the_hours_is_never_read_as_hours(hours: int, other: int) -> None:
    # Another number between the hours and the amount ends the label: it is no row by hours.
    assert not labelled_by_hours(f"ab {hours} Stunden, davon {other} ")
    assert labelled_by_hours(f"ab {hours} Stunden Abwesenheit: ")


def test_a_meal_rows_hour_note_is_its_condition_not_a_second_amount() -> None:
    # UK subsistence tables: the evening meal is paid only when the duty ends late.
    text = (
        "Subsistence\nThe following maximum rates apply for duties away from the office.\n\n"
        "Meal   Rate\nBreakfast   Up to £8\nEvening meal   Up to £20 (only after 7pm)\n"
    )
    caps = {c.amount: c for c in read(text).caps if c.category == "meals"}
    evening = caps[Decimal("20")].condition
    assert evening is not None
    assert "7pm" in evening.text
    assert caps[Decimal("8")].condition is None


def test_rows_run_on_after_a_unit_take_their_own_place_label() -> None:
    # Place rows printed as one paragraph, each after the previous row's unit and a comma; the
    # places are towns a gazetteer need not know.
    text = (
        "Hébergement\nNuitée à l'hôtel: jusqu'à concurrence de: Grand Montréal: 120 $ à 140 $ par nuit, "
        "Villes de Brossard, de Terrebonne: 95 $ à 105 $ par nuit, Région Saguenay Lac 98 $ par nuit.\n"
    )
    caps = {
        c.amount: c.condition.text if c.condition else "" for c in read(text).caps if c.category == "hotel"
    }
    assert "Terrebonne" in caps[Decimal("105")]
    assert "Saguenay" in caps[Decimal("98")]


def test_a_single_capitalised_word_after_a_unit_is_no_place_row() -> None:
    text = "Hotel\nHotel rooms up to $150 per night, Taxes: $20 per night are paid as well.\n"
    conditions = [c.condition for c in read(text).caps]
    assert all(c is None or "Taxes" not in c.text for c in conditions)


def test_the_arrival_and_departure_day_row_is_a_daily_meal_allowance() -> None:
    text = "Verpflegung\nInland:\nab 24 Stunden Abwesenheit: 28 Euro\nfür den An- und Abreisetag: 14 Euro\n"
    assert _meal_caps(text) == {Decimal("28"): "at least 24 hours", Decimal("14"): "arrival or departure day"}


def test_the_arrival_day_row_alone_is_a_meal_allowance_too() -> None:
    text = "Reisekosten\nFür den An- und Abreisetag: 14 €\n"
    assert _meal_caps(text) == {Decimal("14"): "arrival or departure day"}


def test_a_named_meal_by_hours_stays_that_meals_limit() -> None:
    policy = read("Spesen\nAbendessen ab 10 Stunden Abwesenheit: 30 CHF\n")
    assert [(c.amount, c.unit, c.meal) for c in policy.caps] == [(Decimal("30"), CapUnit.MEAL, "dinner")]

"""Limits held under a trip's length, as non-English policies state it (issue 19): the hours away
are the limit's condition, read in one wording, and a meal allowance by hours is a day's."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reimburse.adapters.heuristic.durations import durations_in
from reimburse.domain.verdict.policy import CapUnit, Policy
from tests.policy_text import read


def _caps(policy: Policy) -> dict[Decimal, tuple[str, str]]:
    return {c.amount: (c.unit.value, c.condition.text if c.condition else "") for c in policy.caps}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("se la trasferta supera le otto ore", "more than 8 hours"),
        ("missioni di durata superiore alle dodici ore", "more than 12 hours"),
        ("di durata almeno pari alle sei ore", "at least 6 hours"),
        ("trasferta da 4 a 10 ore", "4 to 10 hours"),
        ("ab 8 bis 24 h unterwegs", "8 to 24 hours"),
        ("bei 8 – 14 Stunden Abwesenheit", "8 to 14 hours"),
        ("bei mehr als 8 Stunden", "more than 8 hours"),
        ("ab 24h Reise", "at least 24 hours"),
        ("bei 24-stündiger Abwesenheit", "24 hours"),
        ("pour un déplacement de plus de 8 heures", "more than 8 hours"),
        ("viajes de más de 8 horas", "more than 8 hours"),
        ("reizen van meer dan vier uur", "more than 4 hours"),
    ],
)
def test_a_duration_is_read_in_one_wording(text: str, words: str) -> None:
    assert [w for _, _, w in durations_in(text)] == [words]


@pytest.mark.parametrize(
    "text",
    [
        "Missione della durata di 1 giorno e 7 ore",  # a worked count, no bound
        "Anträge werden binnen 24 Stunden bearbeitet",  # a service time, no condition
        "Dalle 11:00 del giorno A alle 11:00 del giorno B",  # clock times
    ],
)
def test_no_duration_where_none_bounds_a_trip(text: str) -> None:
    assert durations_in(text) == []


def test_italian_meal_limits_by_mission_length_keep_their_hours() -> None:
    policy = read(
        "Se la trasferta supera le otto ore spetta il rimborso di un pasto fino a 25,00 €. "
        "Se la trasferta supera le dodici ore spetta il rimborso di due pasti fino a 50,00 €.\n"
    )
    caps = _caps(policy)
    # One meal named: per meal; two meals for the day: per day. Both keep their own hours.
    assert caps[Decimal("25.00")] == ("meal", "more than 8 hours")
    assert caps[Decimal("50.00")] == ("day", "more than 12 hours")


def test_german_rows_by_hours_away_each_keep_their_own_row() -> None:
    policy = read(
        "Verpflegungskosten\n"
        "Die Verpflegungspauschalen werden so erstattet: 8 – 14 Stunden: 7 Euro "
        "14 – 24 Stunden: 14 Euro 24 Stunden: 28 Euro\n"
    )
    caps = {c.amount: c for c in policy.caps}
    assert {a: c.condition.other if c.condition else "" for a, c in caps.items()} == {
        Decimal("7"): "8 to 14 hours",
        Decimal("14"): "14 to 24 hours",
        Decimal("28"): "24 hours",
    }
    assert {c.unit for c in caps.values()} == {CapUnit.DAY}
    assert {c.category for c in caps.values()} == {"meals"}


@pytest.mark.parametrize(
    "sentence",
    [
        "All'estero si può rimborsare il pasto, indicativamente € 40,00 a seconda del Paese.",
        "Für Taxis gilt zum Beispiel 30 Euro als üblich.",
        "Pour les repas, par exemple 35 € à Paris.",
    ],
)
def test_an_amount_given_for_guidance_is_no_limit(sentence: str) -> None:
    policy = read(sentence + "\n")
    assert not [c for c in policy.caps if c.amount in (Decimal("40.00"), Decimal(30), Decimal(35))]

"""Limits as policies in other languages print them (issue 19): the conventions an English-only
reader misses. Texts are written for these tests; each keeps the shape seen on real policies of two
issuers or follows the language's usual wording."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reimburse.domain.verdict.policy import CapUnit, RuleType
from tests.policy_text import read


def _caps(text: str) -> list[tuple[str, Decimal, str, CapUnit, str | None]]:
    policy = read(text)
    return [
        (c.category, c.amount, c.currency, c.unit, c.condition.text if c.condition else None)
        for c in policy.caps
    ]


@pytest.mark.parametrize(
    ("text", "category", "amount", "unit"),
    [
        # German "je Person und Nacht": the unit after a per-person noun joined by "und".
        (
            "Für die Verpflegung werden höchstens 28,00 € je Teilnehmer und Tag übernommen.",
            "meals",
            "28.00",
            "day",
        ),
        ("Übernachtung: erstattet werden bis zu 90 € pro Person und Nacht.", "hotel", "90", "night"),
        # Italian "pernottamento" names the hotel night.
        (
            "Pernottamento: si rimborsa la camera fino a un importo massimo di euro 120,00.",
            "hotel",
            "120.00",
            "night",
        ),
        # Italian "nel limite di" / "entro il limite di", as the French "dans la limite de".
        # (a receipt asked for in the same sentence no longer makes the amount a receipt threshold).
        (
            "L'albergo è rimborsato nel limite di 180,00 €, su presentazione della ricevuta.",
            "hotel",
            "180.00",
            "night",
        ),
        ("Per le missioni lunghe, un pasto entro il limite di 25,50 €.", "meals", "25.50", "meal"),
        # French "ne pourra excéder": the amount after it is a cap.
        ("Les repas ne pourront excéder 22 €.", "meals", "22", "meal"),
        ("Les frais de péage ne peuvent excéder un forfait de 40 € par déplacement.", "toll", "40", "trip"),
        # Dutch table rows: "Logies" is the hotel, "Ontbijt" breakfast.
        ("Verblijfkosten:\nLogies € 95,00\n", "hotel", "95.00", "night"),
        ("Verblijfkosten:\nOntbijt € 12,50\n", "meals", "12.50", "meal"),
        # A daily adverb right after the amount is its unit ("euros diarios").
        ("Manutención: se abonan 48,50 euros diarios.", "meals", "48.50", "day"),
    ],
)
def test_other_language_limit_is_read(text: str, category: str, amount: str, unit: str) -> None:
    found = [(c, a, u) for c, a, cur, u, _ in _caps(text) if cur == "EUR"]
    assert (category, Decimal(amount), CapUnit(unit)) in found


@pytest.mark.parametrize(
    "text",
    [
        "Dietas: 45,00 euros diarios por territorio nacional y 80,00 euros diarios en el extranjero.",
        "Dietas: 45,00 euros por día en territorio nacional y 80,00 euros por día en el extranjero.",
    ],
)
def test_home_territory_is_domestic(text: str) -> None:
    # "territorio nacional" is the Spanish (and Portuguese, Italian) name for travel at home.
    scopes = {a: cond for _, a, _, _, cond in _caps(text)}
    assert scopes[Decimal("45.00")] is not None and "domestic" in scopes[Decimal("45.00")]
    assert scopes[Decimal("80.00")] is not None and "international" in scopes[Decimal("80.00")]


@pytest.mark.parametrize(
    ("text", "not_a_cap"),
    [
        # A reference figure with the year it held in: the limit is a multiple of it, not it.
        (
            "Les repas sont pris en charge dans la limite de trois fois le minimum garanti de l'article L. 1111-1 "
            "du code (3,80 € en 2022) par jour.",
            Decimal("3.80"),
        ),
        ("Meals are capped at three times the statutory rate ($4.10 in 2021) per day.", Decimal("4.10")),
        # Worked cases under an "Examples" heading print prices and payouts.
        (
            "Übernachtungskosten werden bis zu 60,00 EUR je Nacht erstattet.\n"
            "Beispiele:\nHotel A: eine Übernachtung für 72,00 EUR wird in Höhe von 72,00 EUR erstattet.\n",
            Decimal("72.00"),
        ),
        (
            "Hotel nights are reimbursed up to 150 EUR per night.\n"
            "Examples:\nA room at 130 EUR per night is reimbursed at 130 EUR.\n",
            Decimal("130"),
        ),
        # A deduction from an allowance or a hotel bill, as German, French and Italian say it.
        (
            "Enthält der Preis das Frühstück, werden die erstatteten Hotelkosten um 5,20 € verringert.",
            Decimal("5.20"),
        ),
        (
            "Hotelrechnungen mit Frühstück werden um einen Pauschbetrag von 5,60 Euro je Übernachtung gekürzt.",
            Decimal("5.60"),
        ),
        (
            "Bei gestellter Verpflegung werden vom Erstattungsbetrag in Abzug gebracht für das Mittagessen 2,10 Euro.",
            Decimal("2.10"),
        ),
        ("Si le petit-déjeuner est inclus, le forfait repas est réduit de 4,70 € par jour.", Decimal("4.70")),
        ("Se la colazione è compresa, il rimborso dei pasti è ridotto di 3,90 euro.", Decimal("3.90")),
        # The amount bounds an exception to a refused item: no cap of the item's category.
        (
            "Expenses not allowed for reimbursement:\n"
            "- Personal phone calls except a short call home each day (for a max of $8)\n"
            "- Minibar charges\n",
            Decimal("8"),
        ),
        (
            "Non-reimbursable expenses:\n"
            "- Laundry, other than on trips of a week or longer (up to $25)\n"
            "- Minibar charges\n",
            Decimal("25"),
        ),
    ],
)
def test_amount_is_no_cap(text: str, not_a_cap: Decimal) -> None:
    assert not_a_cap not in {a for _, a, _, _, _ in _caps(text)}


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("El uso del vehículo propio se abona a 0,22 euros por cada kilómetro recorrido.", Decimal("0.22")),
        ("L'uso del mezzo proprio è rimborsato a 0,30 euro per ogni chilometro.", Decimal("0.30")),
    ],
)
def test_distance_rate_in_other_languages(text: str, rate: Decimal) -> None:
    policy = read(text)
    rates = [a for a in policy.amounts if a.kind is RuleType.RATE]
    assert any(a.amount == rate for a in rates)
    assert rate not in {c.amount for c in policy.caps}


def test_hotel_cap_with_exception_word_outside_a_refusal_is_kept() -> None:
    # No refusal here: "except" only names where the other limit applies.
    found = _caps(
        "Hotels are reimbursed up to $180 per night, except in New York where the limit is $260 per night."
    )
    assert any(a == Decimal("180") for _, a, _, _, _ in found)


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        # Dutch meal rows each keep their own limit (one per meal of the day, as in English).
        (
            "Verblijfkosten:\nOntbijt € 12,00\nLunch € 18,50\nAvondmaaltijd € 27,00\n",
            {Decimal("12.00"), Decimal("18.50"), Decimal("27.00")},
        ),
        (
            "Verblijfkosten:\nOntbijt € 10,00\nAvondeten € 24,00\n",
            {Decimal("10.00"), Decimal("24.00")},
        ),
    ],
)
def test_meal_rows_in_other_languages_are_one_limit_each(text: str, amounts: set[Decimal]) -> None:
    assert {a for c, a, _, _, _ in _caps(text) if c == "meals"} == amounts


@pytest.mark.parametrize(
    "text",
    [
        # Portuguese and Italian "e" join the two amounts' phrases: each scope is its own amount's.
        "Ajudas de custo: 52,00 € diários em território nacional e 95,00 € diários no estrangeiro.",
        "Diarie: 52,00 € giornalieri sul territorio nazionale e 95,00 € giornalieri all'estero.",
    ],
)
def test_scope_after_each_amount_joined_by_e(text: str) -> None:
    scopes = {a: cond or "" for _, a, _, _, cond in _caps(text)}
    assert "domestic" in scopes.get(Decimal("52.00"), "")
    assert "international" in scopes.get(Decimal("95.00"), "")


@pytest.mark.parametrize(
    "text",
    [
        "Les frais de transport sont remboursés sur la base d'un billet de train.\n"
        "En cas d'usage d'un véhicule personnel, les indemnités kilométriques ne pourront excéder 120 € "
        "par déplacement.\n",
        "Train tickets are reimbursed in standard class.\n"
        "Use of a personal car is reimbursed up to a maximum of 120 EUR per trip.\n",
    ],
)
def test_own_car_cap_after_a_transport_sentence_is_mileage(text: str) -> None:
    # The sentence names driving one's own car and no other kind: the previous sentence's train
    # fares are not what it caps.
    found = [(c, a) for c, a, _, _, _ in _caps(text)]
    assert ("mileage", Decimal("120")) in found

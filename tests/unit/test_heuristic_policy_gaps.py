"""General gaps of the offline policy reader (issue 19): status labels over ';' lists, relative
clauses that list what is not paid, weeks and quarters in other languages, lists of cities, and
numbers that are not limits. Texts are synthetic paraphrases of public policy wordings."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from reimburse.adapters.heuristic.periods import Scope, scope_of
from reimburse.domain.verdict.decide import Claim, decide
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.policy import CapUnit, Period, RuleType
from tests.policy_text import names, read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A status label over a ';' list: every item keeps it.
        ("Non-allowable: alcohol; traffic fines; minibar charges.\n", {"alcohol", "fines", "minibar"}),
        (
            "Not reimbursable: alcoholic beverages; parking tickets; laundry.\n",
            {"alcohol", "fines", "laundry"},
        ),
        ("Unallowable: golf fees; babysitting; pet boarding.\n", {"recreation", "child care", "pet care"}),
        ("Unallowable expenses: alcohol; traffic fines; laundry.\n", {"alcohol", "fines", "laundry"}),
        ("Expenses not reimbursed: alcohol; laundry; traffic fines.\n", {"alcohol", "fines", "laundry"}),
        (
            "The following are not reimbursable: alcohol; minibar; and in-room movies.\n",
            {"alcohol", "minibar", "entertainment"},
        ),
        (
            "Non-allowable items include: alcohol; parking tickets; spa services.\n",
            {"alcohol", "fines", "spa"},
        ),
        # The same status labels in the other languages the reader knows.
        ("Non remboursables : l'alcool ; les amendes ; le minibar.\n", {"alcohol", "fines", "minibar"}),
        ("Nicht erstattungsfähig: Alkohol; Bußgelder; Minibar.\n", {"alcohol", "fines", "minibar"}),
        ("No reembolsables: alcohol; multas; minibar.\n", {"alcohol", "fines", "minibar"}),
        ("Niet vergoed: alcohol; boetes; minibar.\n", {"alcohol", "fines", "minibar"}),
        # A relative clause says what is not paid; the list after 'include' is the object.
        (
            "Expenses the University will not pay include alcohol, traffic fines and minibar charges.\n",
            {"alcohol", "fines", "minibar"},
        ),
        (
            "Costs we do not cover include laundry, movies and spa treatments.\n",
            {"laundry", "entertainment", "spa"},
        ),
        (
            "Items the firm does not pay include: souvenirs, haircuts and toiletries.\n",
            {"gifts", "grooming services", "personal items"},
        ),
    ],
)
def test_every_item_of_a_refused_list_is_excluded(text: str, expected: set[str]) -> None:
    assert names(read(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # The status label ends at the sentence; a positive clause after ';' stays a limit.
        "Not reimbursable: alcohol; hotel stays are reimbursed up to $200 per night.\n",
        # A label that is no status leads nothing.
        "Meals: up to $50 per day; hotel up to $200 per night.\n",
    ],
)
def test_a_list_label_does_not_refuse_what_follows_its_sentence(text: str) -> None:
    policy = read(text)
    assert "hotel" not in names(policy) and "meals" not in names(policy)
    assert any(c.category == "hotel" and c.amount == Decimal(200) for c in policy.caps)


def test_will_not_pay_more_than_is_no_exclusion() -> None:
    assert names(read("The Company will not pay more than $200 per night for hotels.\n")) == set()


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Taxi: bis zu 100 EUR pro Woche.\n", Period.WEEK),
        ("Taxi: bis zu 300 EUR pro Quartal.\n", Period.QUARTER),
        ("Taxi : jusqu'à 100 EUR par semaine.\n", Period.WEEK),
        ("Taxi : jusqu'à 300 EUR par trimestre.\n", Period.QUARTER),
        ("Taxi: hasta 100 EUR por semana.\n", Period.WEEK),
        ("Taxi: hasta 300 EUR por trimestre.\n", Period.QUARTER),
        ("Taxi: fino a 100 EUR a settimana.\n", Period.WEEK),
        ("Taxi: fino a 300 EUR al trimestre.\n", Period.QUARTER),
        ("Taxi: maximaal 100 EUR per week.\n", Period.WEEK),
        ("Taxi: maximaal 300 EUR per kwartaal.\n", Period.QUARTER),
        ("Taxi: max. 100 EUR wöchentlich.\n", Period.WEEK),
        # The ride stays the taxi's own unit.
        ("Taxi: bis zu 100 EUR pro Fahrt.\n", Period.INVOICE),
    ],
)
def test_weeks_and_quarters_in_other_languages(text: str, period: Period) -> None:
    caps = [c for c in read(text).caps if c.category == "cab"]
    assert len(caps) == 1 and caps[0].period is period
    assert (caps[0].unit is CapUnit.INVOICE) is (period is not Period.INVOICE)


@pytest.mark.parametrize(
    ("clause", "scope"),
    [
        ("Bücher bis 200 EUR pro Quartal.", Scope(Period.QUARTER)),
        ("Livres jusqu'à 50 EUR par semaine.", Scope(Period.WEEK)),
        ("Libros hasta 200 EUR por trimestre, semanal no.", Scope(Period.QUARTER)),
        ("Libri fino a 50 EUR alla settimana.", Scope(Period.WEEK)),
        ("Boeken tot 200 EUR per kwartaal.", Scope(Period.QUARTER)),
        ("Bücher bis 200 EUR vierteljährlich.", Scope(Period.QUARTER)),
        # "semanas" is no period word of its own ("dos semanas" is a deadline's length).
        ("Libros hasta 200 EUR dentro de dos semanas.", Scope()),
    ],
)
def test_scope_reads_foreign_weeks_and_quarters(clause: str, scope: Scope) -> None:
    assert scope_of(clause, CapUnit.INVOICE) == scope


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "Hotel: up to $250 per night in New York, Boston and San Francisco.\n",
            ("New York", "Boston", "San Francisco"),
        ),
        (
            "Hotel rates may not exceed $300 per night in Washington, D.C., Chicago and Boston.\n",
            ("Washington, D.C.", "Chicago", "Boston"),
        ),
        (
            "Hotel: bis zu 120 EUR pro Nacht in München, Hamburg und Frankfurt.\n",
            ("München", "Hamburg", "Frankfurt"),
        ),
        # Beside an "elsewhere" row, too.
        (
            "Hotels: up to $250 per night in New York, Boston or Chicago, and $150 per night in all other cities.\n",
            ("New York", "Boston", "Chicago"),
        ),
    ],
)
def test_every_listed_city_is_the_condition(text: str, places: tuple[str, ...]) -> None:
    (cap,) = [c for c in read(text).caps if c.category == "hotel" and c.amount != 150]
    assert cap.condition is not None and cap.condition.locations == places
    # Any listed city holds; a city not listed does not.
    assert cap.condition.holds(None, places[-1]) is True
    assert cap.condition.holds(None, "Denver") is False


@pytest.mark.parametrize(
    "text",
    [
        "Hotels: up to $200 per night in Economy, Business and First.\n",
        # Expense kinds after "in" are no places.
        "Per diem: up to $70 per day in Meals, Lodging and Incidentals.\n",
    ],
)
def test_a_list_of_fare_classes_or_kinds_is_no_place(text: str) -> None:
    (cap,) = read(text).caps
    assert cap.condition is None


@pytest.mark.parametrize(
    "text",
    [
        # A benefit paid on something else under a section's label caps nothing of that section.
        "Meals: the Company matches donations up to $500 per year.\n",
        "Meals: the firm will match charitable contributions up to $1,000 a year.\n",
        # A negotiated price is what to book, not a maximum of every hotel.
        "Hotel: the corporate rate of $129 per night.\n",
        "Hotel: our negotiated hotel rate is $140 per night at the partner hotels.\n",
    ],
)
def test_a_benefit_or_a_negotiated_price_is_no_limit(text: str) -> None:
    assert read(text).caps == ()


@pytest.mark.parametrize(
    "text",
    [
        "Hotel rooms may not exceed the corporate rate of $129 per night.\n",
        "Hotel: up to the corporate rate of $129 per night.\n",
        "Lodging is reimbursed at a rate of $129 per night.\n",
    ],
)
def test_a_negotiated_price_a_cap_phrase_governs_is_a_limit(text: str) -> None:
    (cap,) = read(text).caps
    assert (cap.category, cap.amount, cap.unit) == ("hotel", Decimal(129), CapUnit.NIGHT)


@pytest.mark.parametrize(
    ("text", "amount", "unit", "period"),
    [
        (
            "Use of a personal vehicle is reimbursed at $0.67 per mile, up to a maximum of $300 per trip.\n",
            Decimal(300),
            CapUnit.TRIP,
            Period.INVOICE,
        ),
        (
            "Mileage: $0.67 per mile, not to exceed $500 per month.\n",
            Decimal(500),
            CapUnit.MONTH,
            Period.MONTH,
        ),
        (
            "Fahrten mit dem Privat-PKW: 0,30 EUR pro km, höchstens 150 EUR pro Reise.\n",
            Decimal(150),
            CapUnit.TRIP,
            Period.INVOICE,
        ),
    ],
)
def test_a_maximum_for_driving_ones_own_car_caps_mileage(
    text: str, amount: Decimal, unit: CapUnit, period: Period
) -> None:
    policy = read(text)
    (cap,) = policy.caps
    assert (cap.category, cap.amount, cap.unit, cap.period) == ("mileage", amount, unit, period)
    # The distance rate stays a rate, never a cap.
    (rate,) = policy.rates_for("mileage")
    assert rate.kind is RuleType.RATE and rate.unit in (CapUnit.MILE, CapUnit.KM)
    assert policy.category("mileage") is not None


@pytest.mark.parametrize(
    "text",
    [
        "Personal car mileage is reimbursed at $0.67/mile.\n",
        "Employees using their own car receive $0.58 per mile.\n",
        # Another kind named in the sentence keeps its amount; an approval amount is no cap.
        "Use of a personal vehicle is reimbursed at the IRS rate; parking up to $20 per day.\n",
        "Use of a personal vehicle requires approval for trips over $500.\n",
    ],
)
def test_no_mileage_cap_without_a_stated_maximum(text: str) -> None:
    assert all(c.category != "mileage" for c in read(text).caps)


def test_the_engine_pays_mileage_at_the_rate_up_to_the_trip_maximum() -> None:
    policy = read(
        "Use of a personal vehicle is reimbursed at $0.67 per mile, up to a maximum of $300 per trip.\n"
    )
    day = date(2024, 6, 3)
    invoice = Invoice(total=Decimal(400), currency="USD", category="mileage", invoice_date=day)
    short = decide(policy, invoice, Claim("Rani", day, quantities={"mile": Decimal(100)}))
    long = decide(policy, invoice, Claim("Rani", day, quantities={"mile": Decimal(1000)}))
    assert short.reimbursable == Decimal("67.00")
    assert long.reimbursable == Decimal("300.00")

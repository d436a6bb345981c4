"""Limits said in other ways than "up to" (issue 19): the part above an amount refused ("in excess
of $200 are not reimbursable", "au-delà de 100 € … n'est pas remboursé"), a scope that really
restricts its only limit ("For international travel, …"), a per diem that is only the base of a
share ("75% of the per diem of $60"), and units in six languages. The texts are short synthetic
paraphrases of phrasings that several public travel policies share (US university and agency travel
pages, German travel-cost rules, French and Spanish company expense rules); none is copied."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal

import pytest

from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.domain.verdict.decide import Claim, decide
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice
from reimburse.domain.verdict.policy import CapUnit, Period, Policy, RuleType
from reimburse.domain.verdict.verdict import FlagCode

Limit = tuple[str, Decimal, str, str]  # category, amount, unit, condition (casefolded)
D = Decimal
# A second, plain limit so that every probe policy reads as a policy even when the probed
# sentence rightly yields nothing.
PLAIN = "Internet access is reimbursed up to 35 {c} per month.\n"
PLAIN_LIMIT = ("internet", D(35), "month", "")


def read(text: str, currency: str) -> Policy:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return HeuristicPolicyInterpreter(default_currency=currency).read(Document("p.pdf", sha, text, (text,)))


def limits(policy: Policy) -> set[Limit]:
    return {(c.category, c.amount, c.unit.value, c.scope.casefold()) for c in policy.caps}


EXCESS_REFUSED: list[tuple[str, str, str, Limit]] = [
    (
        "in excess of, not reimbursable",
        "Lodging\nMeal charges in excess of $75 per day are not reimbursable.\n",
        "USD",
        ("meals", D(75), "day", ""),
    ),
    (
        "above, will not be reimbursed",
        "Meals\nDaily meal amounts above $60 will not be reimbursed.\n",
        "USD",
        ("meals", D(60), "day", ""),
    ),
    (
        "over, the traveller's own responsibility",
        "Lodging\nAny room rate over $220 per night is the traveler's responsibility.\n",
        "USD",
        ("hotel", D(220), "night", ""),
    ),
    (
        "German: nur bis, darüber hinaus nicht",
        "Reisekosten\nÜbernachtungskosten werden nur bis 110 EUR pro Nacht erstattet, darüber hinaus nicht.\n",
        "EUR",
        ("hotel", D(110), "night", ""),
    ),
    (
        "German: über, werden nicht übernommen",
        "Reisekosten\nUnterkunft über 130 EUR pro Nacht wird nicht übernommen.\n",
        "EUR",
        ("hotel", D(130), "night", ""),
    ),
    (
        "French: au-delà de, le surplus n'est pas remboursé",
        "Frais de déplacement\nHébergement : au-delà de 95 € par nuit, le surplus n'est pas remboursé.\n",
        "EUR",
        ("hotel", D(95), "night", ""),
    ),
    (
        "French: au-delà de, ne sont pas remboursées",
        "Frais de déplacement\nLes nuitées au-delà de 120 € ne sont pas remboursées.\n",
        "EUR",
        ("hotel", D(120), "night", ""),
    ),
    (
        "Spanish: superiores a, no serán reembolsados",
        "Gastos de viaje\nLos gastos de alojamiento superiores a 100 € por noche no serán reembolsados.\n",
        "EUR",
        ("hotel", D(100), "night", ""),
    ),
]


@pytest.mark.parametrize(
    ("text", "currency", "expected"),
    [case[1:] for case in EXCESS_REFUSED],
    ids=[case[0] for case in EXCESS_REFUSED],
)
def test_the_part_above_an_amount_refused_makes_it_a_limit_not_an_exclusion(
    text: str, currency: str, expected: Limit
) -> None:
    policy = read(text + PLAIN.format(c=currency), currency)
    assert expected in limits(policy)
    assert policy.exclusions == ()


NOT_A_LIMIT: list[tuple[str, str, Decimal, RuleType]] = [
    (
        "refused only without approval: a threshold",
        "Local transport\nTaxi fares over $90 are not reimbursed without prior approval.\n",
        D(90),
        RuleType.APPROVAL_THRESHOLD,
    ),
    (
        "a per diem that is the base of a share",
        "Meals\nOn the first and last days of travel, 75% of the per diem of $64 is paid.\n",
        D(64),
        RuleType.REFERENCE,
    ),
    (
        "the base of a share printed before the per diem",
        "Meals\nOn the first and last day of a trip, travellers receive 75% of the $58 per diem.\n",
        D(58),
        RuleType.REFERENCE,
    ),
]


@pytest.mark.parametrize(
    ("text", "amount", "kind"),
    [case[1:] for case in NOT_A_LIMIT],
    ids=[case[0] for case in NOT_A_LIMIT],
)
def test_a_number_that_is_no_limit_caps_nothing(text: str, amount: Decimal, kind: RuleType) -> None:
    policy = read(text + PLAIN.format(c="USD"), "USD")
    assert limits(policy) == {PLAIN_LIMIT}
    assert any(a.amount == amount and a.kind is kind for a in policy.amounts)


def test_a_share_of_a_cost_up_to_an_amount_is_still_a_limit() -> None:
    # "50% of the cost up to $40": the cap words after the share make the amount a limit.
    policy = read("Meals\nMeals are reimbursed at 50% of the cost up to $40 per day.\n", "USD")
    assert ("meals", D(40), "day", "") in limits(policy)


SCOPES: list[tuple[str, str, Limit]] = [
    (
        "a sentence opening with its scope",
        "Air travel\nFor international travel, airfare is reimbursed up to $1,500 per trip.\n",
        ("flight", D(1500), "trip", "location international"),
    ),
    (
        "a trip abroad named by the sentence",
        "Air travel\nInternational airfare is reimbursed up to $1,400 per trip.\n",
        ("flight", D(1400), "trip", "location international"),
    ),
    (
        "abroad as the opening condition",
        "Lodging\nWhen travelling abroad, meals are reimbursed up to $90 per day.\n",
        ("meals", D(90), "day", "location international"),
    ),
    (
        "a home scope as the opening condition",
        "Air travel\nFor domestic travel, airfare is reimbursed up to $600 per trip.\n",
        ("flight", D(600), "trip", "location domestic"),
    ),
    (
        # The bundled example policy's own phrasing: the adjective describes its only air limit.
        "a home scope that only describes the expense",
        "Air travel\nDomestic air travel in economy class is reimbursed up to $500 per trip.\n",
        ("flight", D(500), "trip", ""),
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in SCOPES], ids=[c[0] for c in SCOPES])
def test_a_lone_scope_stays_a_condition_when_it_restricts(text: str, expected: Limit) -> None:
    assert limits(read(text + PLAIN.format(c="USD"), "USD")) == {expected, PLAIN_LIMIT}


def test_a_flight_claim_without_its_location_goes_to_review_under_an_international_only_limit() -> None:
    policy = read(
        "Air travel\nFor international travel, airfare is reimbursed up to $1,500 per trip.\n"
        + PLAIN.format(c="USD"),
        "USD",
    )
    bill = Invoice(total=D(900), currency="USD", category="flight", invoice_date=date(2024, 5, 2))
    unknown = decide(policy, bill, Claim("Rani", date(2024, 5, 3)))
    assert any(f.code == FlagCode.MISSING_FACT for f in unknown.flags)
    abroad = decide(policy, bill, Claim("Rani", date(2024, 5, 3), location="international"))
    assert abroad.reimbursable == D("900.00")
    assert not any(f.code == FlagCode.MISSING_FACT for f in abroad.flags)


UNITS: list[tuple[str, str, str, Limit]] = [
    ("German pro Nacht", "Reisekosten\nHotel bis 90 EUR pro Nacht.\n", "EUR", ("hotel", D(90), "night", "")),
    ("German /Nacht", "Reisekosten\nHotel bis 95 EUR/Nacht.\n", "EUR", ("hotel", D(95), "night", "")),
    (
        "German täglich bis",
        "Reisekosten\nVerpflegung täglich bis 28 EUR.\n",
        "EUR",
        ("meals", D(28), "day", ""),
    ),
    (
        "German pro Übernachtung",
        "Reisekosten\nUnterkunft bis 85 EUR pro Übernachtung.\n",
        "EUR",
        ("hotel", D(85), "night", ""),
    ),
    ("French par nuit", "Frais\nHôtel : jusqu'à 92 € par nuit.\n", "EUR", ("hotel", D(92), "night", "")),
    ("Spanish por noche", "Gastos\nHotel: hasta 93 € por noche.\n", "EUR", ("hotel", D(93), "night", "")),
    (
        "Spanish diarios",
        "Gastos\nComidas: máximo 41 € diarios.\n",
        "EUR",
        ("meals", D(41), "day", ""),
    ),
    ("Italian per notte", "Spese\nAlbergo: fino a 94 € per notte.\n", "EUR", ("hotel", D(94), "night", "")),
    (
        "Italian al giorno",
        "Spese\nTaxi: massimo 42 € al giorno.\n",
        "EUR",
        ("cab", D(42), "day", ""),
    ),
    (
        "Dutch per nacht",
        "Onkosten\nHotel: maximaal 96 EUR per nacht.\n",
        "EUR",
        ("hotel", D(96), "night", ""),
    ),
    ("nightly", "Lodging\nHotel maximum $150 nightly.\n", "USD", ("hotel", D(150), "night", "")),
    ("a night", "Lodging\nHotel: up to $155 a night.\n", "USD", ("hotel", D(155), "night", "")),
    ("p.n.", "Reisekosten\nHotel: max. 97 EUR p.n.\n", "EUR", ("hotel", D(97), "night", "")),
    ("a month", "Phone\nMobile phone costs up to $50 a month.\n", "USD", ("phone", D(50), "month", "")),
]


@pytest.mark.parametrize(("text", "currency", "expected"), [c[1:] for c in UNITS], ids=[c[0] for c in UNITS])
def test_units_in_six_languages(text: str, currency: str, expected: Limit) -> None:
    assert expected in limits(read(text + PLAIN.format(c=currency), currency))


OTHER_CASES: list[tuple[str, str, Limit]] = [
    (
        # Tolls and parking are no fare: an umbrella "travel" cap would also cap flights and trains.
        "tolls and parking are their own category, not all travel",
        "Ground transportation\nTolls and parking are reimbursed up to $30 per day.\n",
        ("toll/parking", D(30), "day", ""),
    ),
    (
        "'away' is no 'a way' (per trip)",
        "Meals\nEvening meal (if away after 8pm): up to $25.\n",
        ("meals", D(25), "meal", "dinner"),  # "evening meal" is the British name of dinner
    ),
    (
        "a lone city after the only amount is its condition",
        "Lodging\nHotel rates may not exceed $250 per night in Chicago.\n",
        ("hotel", D(250), "night", "location chicago"),
    ),
    (
        "two cities after the only amount",
        "Lodging\nHotel rates may not exceed $320 per night in New York and Boston.\n",
        ("hotel", D(320), "night", "location new york and boston"),
    ),
    (
        "a fare class after 'in' is no place",
        "Air travel\nAirfare is reimbursed up to $800 per trip in Economy Class.\n",
        ("flight", D(800), "trip", ""),
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in OTHER_CASES], ids=[c[0] for c in OTHER_CASES])
def test_categories_units_and_places_of_single_limits(text: str, expected: Limit) -> None:
    assert limits(read(text + PLAIN.format(c="USD"), "USD")) == {expected, PLAIN_LIMIT}


GRADE_ROWS: list[tuple[str, str, set[Limit]]] = [
    (
        "each grade row lists several categories",
        "Allowances\nGrade A: hotel $250 per night, meals $80 per day\nGrade B: hotel $180 per night, meals $60 per day\n",
        {
            ("hotel", D(250), "night", "grade grade a"),
            ("meals", D(80), "day", "grade grade a"),
            ("hotel", D(180), "night", "grade grade b"),
            ("meals", D(60), "day", "grade grade b"),
        },
    ),
    (
        "role rows with a fallback row",
        "Allowances\nDirectors: hotel $300 per night, meals $90 per day\n"
        "All other employees: hotel $200 per night, meals $60 per day\n",
        {
            ("hotel", D(300), "night", "grade directors"),
            ("meals", D(90), "day", "grade directors"),
            ("hotel", D(200), "night", "grade all other employees"),
            ("meals", D(60), "day", "grade all other employees"),
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in GRADE_ROWS], ids=[c[0] for c in GRADE_ROWS])
def test_a_grade_opening_a_row_of_categories_holds_for_each(text: str, expected: set[Limit]) -> None:
    assert limits(read(text + PLAIN.format(c="USD"), "USD")) == expected | {PLAIN_LIMIT}


def test_a_later_amount_without_a_category_keeps_no_earlier_grade() -> None:
    policy = read("Lodging\nBand 3 and above: hotel up to $200 per night; others $150 per night.\n", "USD")
    assert ("hotel", D(150), "night", "") in limits(policy)


@pytest.mark.parametrize(
    ("text", "category", "period"),
    [
        ("Meals\nMeal expenses are limited to $300 per week.\n", "meals", Period.WEEK),
        ("Lodging\nLodging is reimbursed up to $1,200 per week.\n", "hotel", Period.WEEK),
        ("Car rental\nCar rental is limited to $350 weekly.\n", "car rental", Period.WEEK),
        ("Phone\nPhone costs are limited to $300 per quarter.\n", "phone", Period.QUARTER),
    ],
)
def test_a_weekly_or_quarterly_amount_is_that_period_s_total_not_the_category_unit(
    text: str, category: str, period: Period
) -> None:
    cap = next(c for c in read(text + PLAIN.format(c="USD"), "USD").caps if c.category == category)
    assert (cap.unit, cap.period) == (CapUnit.INVOICE, period)


GERMAN_AND_DUTCH: list[tuple[str, set[Limit], tuple[Decimal, RuleType] | None]] = [
    (
        # The cost written as one word names its kind: a taxi limit, not the previous line's hotel.
        "Reisekosten\nHotelkosten bis 95 Euro pro Nacht.\nTaxikosten bis 40 Euro pro Fahrt.\n",
        {("hotel", D(95), "night", ""), ("cab", D(40), "ride", "")},
        None,
    ),
    (
        "Reisekosten\nFür Übernachtungen ohne Beleg werden pauschal 25 Euro erstattet.\nTaxikosten bis 40 Euro pro Fahrt.\n",
        {("cab", D(40), "ride", "")},
        (D(25), RuleType.RATE),
    ),
    (
        "Reisekosten\nEin Nachweis entfällt, wenn die Übernachtungskosten 70 Euro nicht überschreiten.\n"
        "Taxikosten bis 40 Euro pro Fahrt.\n",
        {("cab", D(40), "ride", "")},
        (D(70), RuleType.APPROVAL_THRESHOLD),
    ),
]


@pytest.mark.parametrize(("text", "expected", "other"), GERMAN_AND_DUTCH)
def test_compound_cost_words_flat_allowances_and_proof_thresholds(
    text: str, expected: set[Limit], other: tuple[Decimal, RuleType] | None
) -> None:
    policy = read(text, "EUR")
    assert limits(policy) == expected
    if other is not None:
        assert any((a.amount, a.kind) == other for a in policy.amounts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lodging\nHotel rooms should not exceed $200 per night unless attending a conference at the hotel.\n",
            ("hotel", D(200), "night", ""),
        ),
        (
            "Lodging\nWhen attending a conference, hotel rooms are reimbursed up to $250 per night.\n",
            ("hotel", D(250), "night", "attending a conference"),
        ),
    ],
    ids=["an 'unless' clause is an exception", "a 'when' clause is the condition"],
)
def test_an_exception_is_no_condition_of_the_limit(text: str, expected: Limit) -> None:
    assert limits(read(text + PLAIN.format(c="USD"), "USD")) == {expected, PLAIN_LIMIT}


CATEGORY_WORDS: list[tuple[str, Limit]] = [
    ("Spese\nPasti: massimo 42 € al giorno.\n", ("meals", D(42), "day", "")),
    ("Gastos\nManutención: 40 € diarios.\n", ("meals", D(40), "day", "")),
    ("Frais\nRestauration : 20 € maximum par repas.\n", ("meals", D(20), "meal", "")),
    ("Reisekosten\nMietwagenkosten bis 60 EUR pro Tag.\n", ("car rental", D(60), "day", "")),
    ("Frais\nLocation de voiture : jusqu'à 61 € par jour.\n", ("car rental", D(61), "day", "")),
    ("Gastos\nAlquiler de coche: hasta 62 € por día.\n", ("car rental", D(62), "day", "")),
    ("Spese\nAutonoleggio: fino a 63 € al giorno.\n", ("car rental", D(63), "day", "")),
    ("Onkosten\nHuurauto: maximaal 64 EUR per dag.\n", ("car rental", D(64), "day", "")),
    ("Spese\nAlbergo: fino a 90 € per notte.\n", ("hotel", D(90), "night", "")),
]


@pytest.mark.parametrize(("text", "expected"), CATEGORY_WORDS)
def test_category_words_of_other_languages(text: str, expected: Limit) -> None:
    assert limits(read(text + PLAIN.format(c="EUR"), "EUR")) == {expected, PLAIN_LIMIT}


ROLE_SUBJECTS: list[tuple[str, set[Limit]]] = [
    (
        "Meals\nSenior managers may claim up to $100 per day for meals.\nOther employees may claim up to $70 per day.\n",
        {("meals", D(100), "day", "grade senior managers"), ("meals", D(70), "day", "grade other employees")},
    ),
    (
        "Lodging\nDirectors are entitled to hotels up to $300 per night; all other employees up to $200 per night.\n",
        {
            ("hotel", D(300), "night", "grade directors"),
            ("hotel", D(200), "night", "grade all other employees"),
        },
    ),
    (
        # No role: "employees" alone restricts nothing.
        "Meals\nEmployees may claim up to $60 per day.\n",
        {("meals", D(60), "day", "")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROLE_SUBJECTS)
def test_a_role_as_the_subject_of_its_clause_is_the_limit_s_grade(text: str, expected: set[Limit]) -> None:
    assert limits(read(text + PLAIN.format(c="USD"), "USD")) == expected | {PLAIN_LIMIT}

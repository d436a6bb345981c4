"""Limits as real policies print them beyond the labelled corpus (issue 19): fallback rows of grade
tables, city rows in French and German, "per stay", units from a heading, rates without a leading
zero, and numbers that are no limit. The texts are short synthetic paraphrases of phrasings that
several public policies and regulations share (US university travel pages, French collective
agreements' Paris/province scales, German travel-cost rules)."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest

from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import Policy, RuleType

Limit = tuple[str, Decimal, str, str, str]  # category, amount, unit, meal, condition


def read(text: str, currency: str = "USD") -> Policy:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return HeuristicPolicyInterpreter(default_currency=currency).read(Document("p.pdf", sha, text, (text,)))


def limits(policy: Policy) -> set[Limit]:
    return {
        (c.category, c.amount, c.unit.value, c.meal, c.condition.text if c.condition else "")
        for c in policy.caps
    }


D = Decimal
CASES: list[tuple[str, str, str, set[Limit]]] = [
    (
        "the last row of a grade table is the fallback for every other grade",
        "Hotel limits per night\nGrade   Domestic   International\nGrade A   $250   $400\nOther grades   $180   $300\n",
        "USD",
        {
            ("hotel", D(250), "night", "", "grade Grade A; location Domestic"),
            ("hotel", D(400), "night", "", "grade Grade A; location International"),
            ("hotel", D(180), "night", "", "grade Other grades; location Domestic"),
            ("hotel", D(300), "night", "", "grade Other grades; location International"),
        },
    ),
    (
        "a grade range's numbers are no money and 'All others' is the fallback row",
        "Hotel allowance per night\nBand 1-2   $300\nAll others   $200\n",
        "USD",
        {
            ("hotel", D(300), "night", "", "grade Band 1-2"),
            ("hotel", D(200), "night", "", "grade All others"),
        },
    ),
    (
        "role rows take the unit their heading names",
        "Meal allowance per day\nDirectors and above: $90\nAll other employees: $60\n",
        "USD",
        {
            ("meals", D(90), "day", "", "grade Directors and above"),
            ("meals", D(60), "day", "", "grade All other employees"),
        },
    ),
    (
        "per stay caps the whole stay",
        "Lodging\nHotel costs are reimbursed up to $600 per stay.\n",
        "USD",
        {("hotel", D(600), "trip", "", "")},
    ),
    (
        "French scales split Paris from the provinces",
        "Frais de déplacement\nNuitée : 110 € à Paris, 80 € en province.\nRepas : plafond de 25 € par repas.\n",
        "EUR",
        {
            ("hotel", D(110), "night", "", "location Paris"),
            ("hotel", D(80), "night", "", "location elsewhere"),
            ("meals", D(25), "meal", "", ""),
        },
    ),
    (
        "a French sentence with two rows joined by 'et'",
        "Hébergement\nL'hôtel est remboursé dans la limite de 120 € par nuit à Paris et de 90 € par nuit en "
        "province.\n",
        "EUR",
        {
            ("hotel", D(120), "night", "", "location Paris"),
            ("hotel", D(90), "night", "", "location elsewhere"),
        },
    ),
    (
        "a German sentence naming the cities of its higher row",
        "Übernachtung\nÜbernachtungskosten werden bis zu 80 Euro pro Nacht erstattet, in München und Frankfurt "
        "bis zu 120 Euro.\n",
        "EUR",
        {
            ("hotel", D(80), "night", "", ""),
            ("hotel", D(120), "night", "", "location München und Frankfurt"),
        },
    ),
    (
        "a general nightly limit and a higher one in high-cost cities",
        "Lodging\nHotels are reimbursed up to $200 per night, $300 in high-cost cities.\n",
        "USD",
        {
            ("hotel", D(200), "night", "", ""),
            ("hotel", D(300), "night", "", "location high-cost cities"),
        },
    ),
    (
        "the lower 48 states are the domestic side",
        "Hotel rates are capped at $275 per night for trips within the lower 48 states.\n"
        "International lodging may not exceed $400 per night.\n",
        "USD",
        {
            ("hotel", D(275), "night", "", "location domestic"),
            ("hotel", D(400), "night", "", "location International"),
        },
    ),
    (
        "'for each day' at the end serves every amount; 'for meals' belongs to the first",
        "Meals\nUp to $55.00 for meals and $7.00 incidentals may be reimbursed for each day of travel.\n",
        "USD",
        {("meals", D(55), "day", "", ""), ("incidentals", D(7), "day", "", "")},
    ),
    (
        "amounts written in words with the figure in brackets",
        "Meals\nMeals will be reimbursed up to eight dollars ($8.00) for breakfast, eight dollars ($8.00) for "
        "lunch, and sixteen dollars ($16.00) for dinner.\n",
        "USD",
        {
            ("meals", D(8), "meal", "breakfast", ""),
            ("meals", D(8), "meal", "lunch", ""),
            ("meals", D(16), "meal", "dinner", ""),
        },
    ),
    (
        "a receipt threshold beside limits is no limit",
        "Actual meal expenses up to $55/day + $7/day Incidentals allowance. Receipts required for expenses "
        "greater than $75.\nActual lodging of $275/night, excluding taxes.\n",
        "USD",
        {
            ("meals", D(55), "day", "", ""),
            ("incidentals", D(7), "day", "", ""),
            ("hotel", D(275), "night", "", ""),
        },
    ),
    (
        "a meal column under a per diem caption is per meal",
        "Per Diem Rates\nLocation   Breakfast   Lunch   Dinner\nDomestic   $15   $20   $35\n"
        "International   $20   $30   $50\n",
        "USD",
        {
            ("meals", D(15), "meal", "breakfast", "location Domestic"),
            ("meals", D(20), "meal", "lunch", "location Domestic"),
            ("meals", D(35), "meal", "dinner", "location Domestic"),
            ("meals", D(20), "meal", "breakfast", "location International"),
            ("meals", D(30), "meal", "lunch", "location International"),
            ("meals", D(50), "meal", "dinner", "location International"),
        },
    ),
    (
        "grade ranges in a sentence, each with its amount",
        "Employees in grades 1-5 may claim up to $150 per night for hotels; grades 6 and above up to $250 "
        "per night.\n",
        "USD",
        {
            ("hotel", D(150), "night", "", "grade grades 1-5"),
            ("hotel", D(250), "night", "", "grade grades 6 and above"),
        },
    ),
    (
        "an exception for high-cost areas after the general limit",
        "Hotel\nThe nightly limit is $180, except in high-cost areas where it is $250.\n",
        "USD",
        {("hotel", D(180), "night", "", ""), ("hotel", D(250), "night", "", "location high-cost areas")},
    ),
    (
        "'an overnight stay' in a condition is no unit",
        "Travel\nFor day trips without an overnight stay, lunch is reimbursed up to $20.\n"
        "For overnight travel, meals are reimbursed up to $60 per day.\n",
        "USD",
        {
            ("meals", D(20), "meal", "lunch", "day trips; without an overnight stay"),
            ("meals", D(60), "day", "", "overnight travel"),
        },
    ),
    (
        "the cities an exception names",
        "Hotel\nRooms should not exceed $200 per night plus taxes, except in New York City, Boston and San "
        "Francisco, where the limit is $325 per night.\n",
        "USD",
        {("hotel", D(200), "night", "", ""), ("hotel", D(325), "night", "", "location New York City")},
    ),
    (
        "a bracketed note between an amount and its scope",
        "Lodging\nThe maximum reimbursable amount is $150 per night (single occupancy) for in-state travel and "
        "$225 per night for out-of-state travel.\n",
        "USD",
        {
            ("hotel", D(150), "night", "", "location in-state"),
            ("hotel", D(225), "night", "", "location out-of-state"),
        },
    ),
    (
        "what a caption's bracket includes is not what the table caps",
        "Business meals\nMaximum rates per person by location (inclusive of tax and gratuity) are:\n"
        "Type of Meal Continental United States All Other Locations (including international)\n"
        "Breakfast $28 $35\nLunch $31 $40\nRefreshment Break $14 $20\n",
        "USD",
        {
            ("meals", D(28), "meal", "breakfast", "location United States"),
            ("meals", D(35), "meal", "breakfast", "location elsewhere / international"),
            ("meals", D(31), "meal", "lunch", "location United States"),
            ("meals", D(40), "meal", "lunch", "location elsewhere / international"),
            # A refreshment break is food, not a gratuity.
            ("meals", D(14), "meal", "", "location United States"),
            ("meals", D(20), "meal", "", "location elsewhere / international"),
        },
    ),
    (
        "places given 'such as' are examples, the amount after them is not",
        "Hotel\nLodging is reimbursed at up to $250 per night in major metropolitan areas such as Boston and "
        "New York and $175 per night in all other locations.\n",
        "USD",
        {
            ("hotel", D(250), "night", "", "location major metropolitan areas"),
            ("hotel", D(175), "night", "", "location elsewhere"),
        },
    ),
    (
        "the trip's purpose is a condition a reviewer checks",
        "Travel funds\nEach faculty member may receive up to $1,500 per fiscal year for travel to present a "
        "paper at a conference.\n",
        "USD",
        {("travel", D(1500), "year", "", "to present a paper")},
    ),
    (
        "abbreviated units and the GSA's M&IE",
        "Hotel: $150/nt.\nMeals: $45 p.d.\nM&IE: up to $64 per day.\nIncidental expenses: $5 per day.\n",
        "USD",
        {
            ("hotel", D(150), "night", "", ""),
            ("meals", D(64), "day", "", ""),
            ("incidentals", D(5), "day", "", ""),
        },
    ),
    (
        "a daily limit per person is per day",
        "Meals\nThe daily meal limit is $60 per person, including tax and tip.\n",
        "USD",
        {("meals", D(60), "day", "", "")},
    ),
    (
        "a trip's length said with 'exceeds'",
        "Meals\nMeals are reimbursed up to $40 per day when travel exceeds 12 hours.\n",
        "USD",
        {("meals", D(40), "day", "", "exceeds 12 hours")},
    ),
    (
        "a US per diem table: contiguous states, Alaska and Hawaii, foreign countries",
        "Per diem\nLocation   Meals   Lodging\nContiguous United States   $59   $110\n"
        "Alaska and Hawaii   $74   $180\nForeign countries   $90   $250\n",
        "USD",
        {
            ("meals", D(59), "day", "", "location United States"),
            ("hotel", D(110), "day", "", "location United States"),
            ("meals", D(74), "day", "", "location Alaska / Hawaii"),
            ("hotel", D(180), "day", "", "location Alaska / Hawaii"),
            ("meals", D(90), "day", "", "location international"),
            ("hotel", D(250), "day", "", "location international"),
        },
    ),
    (
        "a kind word before another modifies it: the conference hotel is a hotel",
        "Hotel\nWhen attending a conference, the conference hotel rate may be used, up to $300 per night.\n",
        "USD",
        {("hotel", D(300), "night", "", "attending a conference")},
    ),
    (
        "a star rating is no amount",
        "Hotels of up to 4-star category are allowed. Hotel stays are reimbursed up to $180 per night.\n",
        "USD",
        {("hotel", D(180), "night", "", "")},
    ),
    (
        "an approval matrix caps nothing",
        "Hotel stays are covered.\nApproval levels\nUp to $1,000 - Direct Manager - 1 business day\n"
        "$1,001 to $5,000 - Department Head - 2 business days\n",
        "USD",
        set(),
    ),
]


@pytest.mark.parametrize(("text", "currency", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_limits_read_from_real_phrasings(text: str, currency: str, expected: set[Limit]) -> None:
    assert limits(read(text, currency)) == expected


def test_a_per_diem_the_next_clause_pays_without_receipts_is_a_rate() -> None:
    policy = read("Meals\nEmployees receive a per diem of $59 per day; no receipts are required.\n")
    assert limits(policy) == set()
    assert {(a.kind, a.amount) for a in policy.amounts} == {(RuleType.RATE, D(59))}


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("Mileage\nPersonal vehicle use is reimbursed at $ .54 per mile.\n", D("0.54")),
        ("Personal cars are reimbursed at $.655/mile.\n", D("0.655")),
        ("Mileage is paid at .58 per mile for business trips.\n", D("0.58")),
    ],
)
def test_a_mileage_rate_without_its_leading_zero_is_a_rate_not_a_limit(text: str, rate: Decimal) -> None:
    policy = read(f"{text}Meals are reimbursed up to $50 per day.\n")
    rates = {a.amount for a in policy.amounts if a.kind is RuleType.RATE}
    assert rate in rates
    assert limits(policy) == {("meals", D(50), "day", "", "")}

"""HeuristicPolicyInterpreter over policies written by different companies, in different
structures, currencies and phrasings. Each expectation is read off the policy text itself."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest

from reimburse.adapters.heuristic import HeuristicPolicyInterpreter
from reimburse.adapters.heuristic.policy_interpreter import READER_VERSION
from reimburse.domain.errors import PolicyError
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import CapRule, CapUnit, Policy


async def interpret(text: str, default_currency: str = "INR") -> Policy:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return await HeuristicPolicyInterpreter(default_currency).interpret(Document("policy.pdf", sha, text))


def cap(policy: Policy, word: str) -> CapRule:
    category = policy.category(word)
    assert category is not None, f"no category matches {word!r}: {[c.name for c in policy.categories]}"
    caps = policy.caps_for(category.name)
    assert len(caps) == 1, caps
    return caps[0]


def excluded_names(policy: Policy) -> set[str]:
    return {e.name for e in policy.exclusions}


STARTUP = """Zentrix Labs - Expense Reimbursement Policy

1. Meals
Employees may claim meals up to Rs. 500 per meal. Alcoholic beverages are not
reimbursable.
2. Accommodation
Hotel stays are reimbursed at actuals subject to a ceiling of ₹3,000 per night; laundry is excluded.
3. Local Conveyance: cab, auto and taxi rides up to ₹300 per ride.
4. Travel: bus, train and flight tickets up to ₹2,000 per trip.
The following are not reimbursable:
- Tobacco products
• Minibar charges
Claims must be submitted within 30 days of the invoice date.
"""


async def test_numbered_indian_policy_with_groups_and_lead_in_list() -> None:
    policy = await interpret(STARTUP)
    assert policy.currency == "INR"
    assert (cap(policy, "restaurant").amount, cap(policy, "restaurant").unit) == (Decimal(500), CapUnit.MEAL)
    assert cap(policy, "hotel").amount == Decimal(3000)
    assert cap(policy, "hotel").unit is CapUnit.NIGHT
    assert cap(policy, "taxi").unit is CapUnit.RIDE
    travel = policy.category("train")
    assert travel is not None and travel is policy.category("flight") and travel is policy.category("bus")
    assert cap(policy, "train").amount == Decimal(2000)
    assert cap(policy, "train").unit is CapUnit.TRIP
    assert {"alcohol", "laundry", "tobacco", "minibar"} <= excluded_names(policy)
    assert policy.deadline is not None and policy.deadline.days == 30
    assert policy.deadline.rule_id == "deadline:30d"
    # Every rule keeps the words of the policy it came from.
    assert cap(policy, "hotel").clause.startswith("Hotel stays are reimbursed at actuals")
    tobacco = next(e for e in policy.exclusions if e.name == "tobacco")
    assert "Tobacco products" in tobacco.clause
    assert "cigarette" in tobacco.keywords


async def test_us_policy_with_dollars_per_diem_and_not_to_exceed() -> None:
    policy = await interpret(
        """ACME Inc. Travel Policy
Lodging: Hotel rates must not exceed $250 per night.
Meals are covered with a daily per diem of $75.
Taxi and rideshare (Uber, Lyft) fares are reimbursed, capped at $60 per ride.
Airfare: economy class only, maximum $900 per trip.
Alcohol and in-room movies will not be reimbursed.
Expense reports must be filed no later than 60 days after the trip ends.
"""
    )
    assert policy.currency == "USD"
    assert cap(policy, "hotel").amount == Decimal(250)
    assert cap(policy, "hotel").unit is CapUnit.NIGHT
    assert cap(policy, "meals").unit is CapUnit.DAY
    assert cap(policy, "meals").amount == Decimal(75)
    assert (cap(policy, "uber").amount, cap(policy, "uber").unit) == (Decimal(60), CapUnit.RIDE)
    assert cap(policy, "flight").amount == Decimal(900)
    assert {"alcohol", "entertainment"} <= excluded_names(policy)
    assert policy.deadline is not None and policy.deadline.days == 60


async def test_european_policy_with_euro_after_the_amount_and_comma_decimals() -> None:
    policy = await interpret(
        """Van Dijk Consulting B.V. - Expense guidelines
Hotel accommodation is reimbursed up to 1.500,00 € per night only for executive travel; standard
hotel stays are limited to 180,00 € per night.
Business meals: maximum of 45,50 € per person.
Train tickets (NS, Deutsche Bahn, Thalys) are reimbursed at cost.
Spirits, wine and beer are excluded.
Please submit receipts within two weeks.
"""
    )
    assert policy.currency == "EUR"
    # Two nightly caps for one category: the higher is kept, the clause tells the reviewer.
    assert cap(policy, "hotel").amount == Decimal("1500.00")
    assert cap(policy, "meals").amount == Decimal("45.50")
    assert cap(policy, "meals").unit is CapUnit.MEAL
    assert policy.category("train") is not None
    assert policy.caps_for(policy.category("train").name) == ()  # type: ignore[union-attr]
    assert "alcohol" in excluded_names(policy)
    assert policy.deadline is not None and policy.deadline.days == 14


async def test_uk_policy_with_pounds_limit_of_and_no_later_than() -> None:
    policy = await interpret(
        """Harrow & Finch LLP
Expenses policy (2024)

Accommodation
The limit is £140 a night in London and £95 elsewhere.

Subsistence
Employees travelling on business may claim a limit of £30 per day for food.

Exclusions
Tips and gratuities, personal toiletries and traffic fines are not covered.

Claims
Claims must reach Finance no later than 45 days after the expense was incurred.
"""
    )
    assert policy.currency == "GBP"
    # Issue 19: one row per place, the "elsewhere" row for every other place.
    hotel = policy.category("accommodation")
    assert hotel is not None
    rows = {
        (c.amount, c.unit, c.condition.locations if c.condition else ()) for c in policy.caps_for(hotel.name)
    }
    assert rows == {(Decimal(140), CapUnit.NIGHT, ("London",)), (Decimal(95), CapUnit.NIGHT, ("elsewhere",))}
    assert cap(policy, "food").unit is CapUnit.DAY
    assert cap(policy, "food").amount == Decimal(30)
    assert {"tips", "personal items", "fines"} <= excluded_names(policy)
    assert policy.deadline is not None and policy.deadline.days == 45


async def test_table_rows_without_cap_words() -> None:
    policy = await interpret(
        """Reimbursement limits
Category   Limit   Unit
Meals   ₹ 800   per meal
Hotel   ₹ 4,500   per night
Cab   ₹ 400   per ride
Flights   ₹ 9,000   per trip
"""
    )
    assert cap(policy, "meals").amount == Decimal(800)
    assert cap(policy, "hotel").amount == Decimal(4500)
    assert cap(policy, "cab").amount == Decimal(400)
    assert cap(policy, "flight").amount == Decimal(9000)
    assert cap(policy, "flight").unit is CapUnit.TRIP


async def test_allowance_phrasing_and_one_month_deadline() -> None:
    policy = await interpret(
        """Orbit Systems - Field staff allowances
The allowance for dinner is INR 800. The daily allowance for lodging is INR 2,500.
Fuel for own vehicles is reimbursed at actuals.
Bills must be submitted within one month of the expense.
"""
    )
    assert cap(policy, "dinner").amount == Decimal(800)
    assert cap(policy, "dinner").unit is CapUnit.MEAL
    lodging = cap(policy, "lodging")
    assert (lodging.amount, lodging.unit) == (Decimal(2500), CapUnit.DAY)
    assert policy.category("petrol") is not None  # fuel is covered, without a cap
    assert policy.deadline is not None and policy.deadline.days == 30


async def test_ceiling_phrasing_not_covered_and_calendar_days() -> None:
    policy = await interpret(
        """Policy on reimbursement of travel expenses
(a) Air travel is reimbursed at actuals subject to a ceiling of Rs. 12,500 per trip.
(b) Bus and rail journeys are reimbursed up to Rs 1,200 per journey.
(c) Cigarettes, alcohol and spa treatments are not covered.
(d) Claims older than 90 calendar days will not be accepted.
"""
    )
    assert cap(policy, "flight").amount == Decimal(12500)
    assert cap(policy, "train").amount == Decimal(1200)
    assert policy.category("train") is policy.category("bus")
    assert {"tobacco", "alcohol", "spa"} <= excluded_names(policy)
    assert policy.deadline is not None and policy.deadline.days == 90


async def test_generic_cap_applies_to_every_listed_category() -> None:
    policy = await interpret(
        """Reimbursable expense categories are meals, hotel stays and cab rides.
Any single claim is capped at ₹10,000 per invoice.
"""
    )
    names = {c.name for c in policy.categories}
    assert names == {"meals", "hotel", "cab"}
    for name in names:
        [rule] = policy.caps_for(name)
        assert (rule.amount, rule.unit) == (Decimal(10000), CapUnit.INVOICE)


async def test_thresholds_are_not_caps_but_rejected_excess_is() -> None:
    policy = await interpret(
        """Client entertainment and meals
Amounts above $75 per meal will not be reimbursed.
Expenses above $500 require approval from a Vice President.
Receipts are required for expenses over $25.
The approval threshold is $1,000.
"""
    )
    assert [(c.amount, c.unit) for c in policy.caps] == [(Decimal(75), CapUnit.MEAL)]
    assert policy.exclusions == ()


async def test_lead_in_list_with_items_the_lexicon_does_not_know() -> None:
    policy = await interpret(
        """Hotel stays are reimbursed up to ₹5,000 per night.
The following expenses are not reimbursable:
- Umbrellas
- Gym memberships
- Laundry
"""
    )
    names = excluded_names(policy)
    assert {"umbrellas", "laundry"} <= names
    # gym memberships are an expense kind, not a line item: the policy simply does not cover them
    assert policy.category("fitness") is None and policy.category("gym") is None
    item = next(e for e in policy.exclusions if e.name == "umbrellas")
    # The policy's own word, and its singular (keywords match the start of a word on a bill line).
    assert item.keywords == ("umbrellas", "umbrella")
    assert item.rule_id == "exclude:umbrellas"


async def test_sentence_case_headings_give_context_to_caps() -> None:
    policy = await interpret(
        """3. Accommodation
The nightly limit is INR 5,000 in metro cities.
4. Local conveyance
Auto-rickshaw and app cab fares are reimbursed up to INR 350 per ride.
5. Submission of claims
Employees must submit claims within 15 days.
"""
    )
    assert cap(policy, "hotel").amount == Decimal(5000)
    assert cap(policy, "hotel").unit is CapUnit.NIGHT
    assert cap(policy, "taxi").amount == Decimal(350)
    assert policy.deadline is not None and policy.deadline.days == 15


async def test_caps_in_two_currencies_for_one_category() -> None:
    policy = await interpret(
        "Hotel stays: up to ₹3,000 per night in India and up to USD 150 per night abroad.\n"
        "Meals up to ₹600 per meal.\n"
    )
    assert policy.currency == "INR"
    hotel = policy.caps_for("hotel")
    assert {(c.amount, c.currency) for c in hotel} == {(Decimal(3000), "INR"), (Decimal(150), "USD")}
    assert len({c.rule_id for c in policy.caps}) == len(policy.caps)


async def test_dutch_policy() -> None:
    policy = await interpret(
        """Declaratiebeleid
Maaltijden worden vergoed tot een maximum van € 25 per maaltijd.
Alcohol wordt niet vergoed.
Declaraties moeten binnen 30 dagen worden ingediend.
"""
    )
    assert policy.currency == "EUR"
    assert (cap(policy, "meals").amount, cap(policy, "meals").unit) == (Decimal(25), CapUnit.MEAL)
    assert "alcohol" in excluded_names(policy)
    assert policy.deadline is not None and policy.deadline.days == 30


async def test_german_policy() -> None:
    policy = await interpret(
        """Reisekostenrichtlinie
Übernachtungen werden bis zu 120 € pro Nacht erstattet.
Alkoholische Getränke werden nicht erstattet.
Belege sind innerhalb von 4 Wochen einzureichen.
"""
    )
    hotel = cap(policy, "hotel")
    assert (hotel.amount, hotel.currency, hotel.unit) == (Decimal(120), "EUR", CapUnit.NIGHT)
    assert "alcohol" in excluded_names(policy)
    assert policy.deadline is not None and policy.deadline.days == 28


async def test_caps_in_one_sentence_go_to_their_own_categories() -> None:
    policy = await interpret("Meals are capped at ₹500 per meal and cab rides at ₹300 per ride.")
    assert (cap(policy, "meals").amount, cap(policy, "cab").amount) == (Decimal(500), Decimal(300))


async def test_payout_time_and_record_keeping_are_not_deadlines() -> None:
    policy = await interpret(
        """Meals up to ₹400 per meal.
Approved claims are paid within 15 days of approval.
Finance keeps invoices for eight years.
"""
    )
    assert policy.deadline is None


async def test_ids_and_provenance() -> None:
    text = "Meals up to ₹400 per meal. Alcohol is not reimbursable."
    policy = await interpret(text)
    sha = hashlib.sha256(text.encode()).hexdigest()
    assert policy.policy_id == f"pol_{sha[:16]}"
    assert policy.source_sha256 == sha
    assert policy.interpreter == f"heuristic/{READER_VERSION}"
    assert [c.rule_id for c in policy.caps] == ["cap:meals:meal"]
    assert [e.rule_id for e in policy.exclusions] == ["exclude:alcohol"]


async def test_currency_falls_back_to_the_configured_default() -> None:
    policy = await interpret("Hotel 3000 per night", default_currency="EUR")
    assert policy.currency == "EUR"
    assert cap(policy, "hotel").currency == "EUR"


@pytest.mark.parametrize(
    "text",
    [
        "Welcome to the team! The office opens at 9 am and the canteen serves tea.",
        "",
        "Minutes of the board meeting held on 3 March 2024.",
    ],
)
async def test_a_document_without_rules_raises_policy_error(text: str) -> None:
    with pytest.raises(PolicyError):
        await interpret(text)

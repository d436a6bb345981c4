"""The offline policy reader on the phrasings real policies use (issue 19): what a number is,
conditions by grade and location, currencies, exclusions that are objects and list items."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal

from reimburse.adapters.heuristic.policy_currency import policy_currency
from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.domain.verdict.decide import Claim, decide
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.invoice import Invoice, LineItem
from reimburse.domain.verdict.policy import CapUnit, Policy, RuleType
from reimburse.domain.verdict.verdict import FlagCode, Status


def read(text: str) -> Policy:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return HeuristicPolicyInterpreter(default_currency="USD").read(Document("p.pdf", sha, text, (text,)))


def amounts_of(policy: Policy, kind: RuleType) -> set[Decimal]:
    return {a.amount for a in policy.amounts if a.kind is kind}


def test_an_approval_matrix_row_is_a_threshold_not_a_travel_cap() -> None:
    policy = read(
        "Travel expenses are reimbursed.\n"
        "Approval levels:\n"
        "Up to $1,000 - Direct Manager - 1 business day\n"
        "Up to $5,000 - Department Head - 3 business days\n"
    )
    assert not policy.caps
    assert {Decimal(1000), Decimal(5000)} <= amounts_of(policy, RuleType.APPROVAL_THRESHOLD)


def test_a_mileage_rate_is_a_rate_not_a_meal_cap() -> None:
    policy = read(
        "Meals are reimbursed up to $50 per day.\n"
        "Personal car use is reimbursed at $0.67/mile for business travel.\n"
    )
    assert [(c.category, c.amount) for c in policy.caps] == [("meals", Decimal(50))]
    rate = next(a for a in policy.amounts if a.kind is RuleType.RATE)
    assert (rate.amount, rate.unit, rate.category) == (Decimal("0.67"), CapUnit.MILE, "mileage")


def test_references_are_not_caps() -> None:
    policy = read(
        "Hotels are reimbursed up to $200 per night. Hotels rated above 4-star are not allowed.\n"
        "Meals are reimbursed up to $60 per day.\n"
        "Official copy at http://example.org/policy/ Page 3 of 9 614257/. Meals policy revised 2024.\n"
    )
    assert sorted(c.amount for c in policy.caps) == [Decimal(60), Decimal(200)]


def test_several_amounts_on_a_line_are_several_limits_by_region() -> None:
    policy = read(
        "Meal and Daily Expense Limits\n"
        "Standard daily limits: Europe: EUR 65 per day United States and Canada: USD 85 per day "
        "Asia-Pacific: USD 75 per day\n"
    )
    rows = {(c.amount, c.currency, c.unit, c.condition.locations if c.condition else ()) for c in policy.caps}
    assert rows == {
        (Decimal(65), "EUR", CapUnit.DAY, ("Europe",)),
        (Decimal(85), "USD", CapUnit.DAY, ("United States", "Canada")),
        (Decimal(75), "USD", CapUnit.DAY, ("Asia-Pacific",)),
    }
    assert {c.category for c in policy.caps} == {"meals"}


def test_a_verdict_uses_the_row_of_the_claims_location_and_reviews_without_it() -> None:
    policy = read("Meals\nDaily meal limits: Europe: EUR 65 per day; Asia-Pacific: EUR 75 per day.\n")
    bill = Invoice(total=Decimal(70), currency="EUR", category="meals", invoice_date=date(2024, 5, 2))
    europe = decide(policy, bill, Claim("Rani", date(2024, 5, 3), location="Europe"))
    assert (europe.status, europe.reimbursable) == (Status.PARTIALLY_REIMBURSED, Decimal("65.00"))
    unknown = decide(policy, bill, Claim("Rani", date(2024, 5, 3)))
    assert any(f.code == FlagCode.MISSING_FACT and "location" in f.message for f in unknown.flags)
    assert unknown.reimbursable <= Decimal(65)


def test_currency_symbols_come_from_cldr_and_the_country_breaks_ties() -> None:
    assert policy_currency("Hotel up to ₪ 450 per night; meals ₪120 per day.") == "ILS"
    assert policy_currency("Meals Rs 500, hotel Rs 3,000 per night, visa fee $50.") == "INR"
    assert policy_currency("Meals ≤ 40 per day.") is None
    assert policy_currency("Toronto office, Canada. Meals $40, hotel $200.") == "CAD"
    assert policy_currency("All amounts are in ILS. Conference fee US$ 300 and $ 200.") == "ILS"


def test_canadian_dollar_caps_are_cad() -> None:
    policy = read("All amounts are in Canadian dollars.\nHotels are reimbursed up to $180 per night.\n")
    assert policy.currency == "CAD"
    assert [(c.amount, c.currency) for c in policy.caps] == [(Decimal(180), "CAD")]


def test_exclusion_keywords_come_from_objects_and_list_items_never_subjects() -> None:
    policy = read(
        "Meals are reimbursed up to $60 per day.\n"
        "New Path does not reimburse alcoholic beverages.\n"
        "Service charges will not be reimbursed.\n"
        "The expenses listed below are unallowable for reimbursement.\n"
        "\n"
        "• Pet care\n"
        "• Shoe shines\n"
        "• Uber rides paid for with vouchers\n"
    )
    keywords = {k for e in policy.exclusions for k in e.keywords}
    assert {"alcohol", "pet care", "shoe shine"} <= keywords
    assert not keywords & {"new path", "service", "uber", "uber rides"}


def test_a_restaurant_bill_under_a_costume_policy_is_declined_as_not_covered() -> None:
    policy = read(
        "Costumes and make-up for performances are reimbursed up to $300 per event.\n"
        "Taxi fares to the venue are reimbursed.\n"
    )
    bill = Invoice(
        total=Decimal(80),
        currency="USD",
        category="meals",
        invoice_date=date(2024, 5, 2),
        line_items=(LineItem("Whisky", Decimal(30)), LineItem("Dinner", Decimal(50))),
    )
    v = decide(policy, bill, Claim("Rani", date(2024, 5, 3)))
    assert v.status is Status.DECLINED and "not covered" in v.reason


def test_rates_in_cents_and_percentages_are_rates() -> None:
    policy = read(
        "Meals are reimbursed up to $50 per day.\n"
        "Mileage is reimbursed at 54.5 cents per mile.\n"
        "Tips should not exceed 20% of the bill.\n"
    )
    rates = {(a.amount, a.unit, a.category, a.currency) for a in policy.amounts if a.kind is RuleType.RATE}
    assert rates == {
        (Decimal("0.545"), CapUnit.MILE, "mileage", "USD"),
        (Decimal(20), None, "tips", "%"),
    }
    assert [c.amount for c in policy.caps] == [Decimal(50)]


def test_process_rules_are_listed_with_whether_the_engine_checks_them() -> None:
    policy = read(
        "Meals are reimbursed up to $50 per day.\n"
        "Duplicate claims will not be reimbursed.\n"
        "Receipts must be in the employee's own name.\n"
        "Expenses incurred on weekends must be justified by the manager.\n"
    )
    rules = {r.name: r.checked for r in policy.process_rules}
    assert rules == {
        "duplicate claims": True,
        "receipts in the claimant's name": True,
        "weekend expenses": False,
    }


def test_domestic_and_international_limits_in_one_sentence() -> None:
    policy = read(
        "Meal reimbursement is limited to $50 per day for domestic travel and $75 per day for "
        "international travel.\n"
    )
    rows = {(c.category, c.amount, c.condition.locations if c.condition else ()) for c in policy.caps}
    assert rows == {("meals", Decimal(50), ("domestic",)), ("meals", Decimal(75), ("international",))}


def test_meal_times_printed_as_labels_are_limits_per_meal() -> None:
    policy = read("Meals\nDomestic meals: Breakfast $10, Lunch $15, Dinner $25.\n")
    # The meal says what is capped, not when: no condition (labels count "Breakfast: $30" as one).
    rows = {(c.amount, c.unit, c.meal, c.condition) for c in policy.caps}
    assert rows == {
        (Decimal(10), CapUnit.MEAL, "breakfast", None),
        (Decimal(15), CapUnit.MEAL, "lunch", None),
        (Decimal(25), CapUnit.MEAL, "dinner", None),
    }


def test_a_rate_below_one_dollar_is_not_read_as_thousands() -> None:
    policy = read("Meals up to $40 per day.\nMileage is paid at the IRS rate (currently $0.655 per mile).\n")
    assert amounts_of(policy, RuleType.RATE) == {Decimal("0.655")}


def test_an_elsewhere_amount_is_the_row_for_every_other_place() -> None:
    policy = read(
        "Hotels\nHotel stays are reimbursed up to $250 per night in major cities ($150 elsewhere).\n"
    )
    rows = {(c.amount, c.condition.locations if c.condition else ()) for c in policy.caps}
    assert rows == {(Decimal(250), ("major cities",)), (Decimal(150), ("elsewhere",))}

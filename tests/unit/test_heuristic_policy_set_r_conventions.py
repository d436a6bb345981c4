"""Writing conventions met in policy set R (US private research universities, issue 19): the
purpose after an amount and its unit ("$5 per day for incidentals"), an estimate is no limit
("approximately $350 per year"), a bracketed supposed case ("(i.e. ... does not become $35 if
...)"), a lead-in naming whose trip it is ("If your student group ...,"), "/pp" for per person,
"when receipts are not available" as a way of claiming, and a gift to the host one lodges with is
no lodging limit. Synthetic paraphrases, not the pages."""

from __future__ import annotations

import hashlib
from decimal import Decimal

from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import Policy

D = Decimal


def read(text: str) -> Policy:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return HeuristicPolicyInterpreter(default_currency="USD").read(Document("p.pdf", sha, text, (text,)))


def limits(policy: Policy) -> set[tuple[str, Decimal, str]]:
    return {(c.category, c.amount, c.unit.value) for c in policy.caps}


def test_the_purpose_after_amount_and_unit_names_what_it_pays() -> None:
    policy = read("Travel meals\nOur per diem rates for domestic trips carry $6 per day for incidentals.\n")
    assert limits(policy) == {("incidentals", D(6), "day")}


def test_a_purpose_after_the_amount_that_names_the_trip_changes_nothing() -> None:
    policy = read("Meals\nMeal costs are repaid up to $60 per day for travel within the state.\n")
    assert limits(policy) == {("meals", D(60), "day")}


def test_who_the_amount_is_for_is_no_purpose() -> None:
    policy = read("Meals\nMeals are reimbursed up to $55 per day for conference attendees.\n")
    assert limits(policy) == {("meals", D(55), "day")}


def test_an_estimated_amount_is_no_limit() -> None:
    policy = read(
        "Meal benefit\nResidents are given approximately $300 per year to spend in the hospital canteen.\n"
        "Team lunches are reimbursed up to $20 per person.\n"
    )
    assert limits(policy) == {("meals", D(20), "meal")}


def test_a_bracketed_supposed_case_is_an_example() -> None:
    policy = read(
        "Meals\nMembers are repaid up to $18 for dinner. Allowances are not pooled (i.e. the dinner "
        "allowance does not grow to $40 if breakfast is skipped).\n"
    )
    assert limits(policy) == {("meals", D(18), "meal")}


def test_a_bracket_that_restates_the_limit_still_caps() -> None:
    policy = read("Meals\nDinner is repaid at the standard rate (i.e. up to $45 per person).\n")
    assert limits(policy) == {("meals", D(45), "meal")}


def test_a_lead_in_with_a_possessive_holds_for_every_amount() -> None:
    policy = read(
        "Dining\nIf your student club repays meals, allowances are $9 for breakfast, $14 for lunch, "
        "and $22 for dinner.\n"
    )
    conditions = {c.amount: c.condition.text if c.condition else "" for c in policy.caps}
    assert set(conditions) == {D(9), D(14), D(22)}
    assert all("student" in text for text in conditions.values())


def test_pp_is_per_person() -> None:
    policy = read(
        "Business meals\nThe cost per attendee, alcohol included, is:\n$30/pp for breakfast and lunch\n$75/pp for dinner\n"
    )
    assert {(c.amount, c.unit.value) for c in policy.caps} == {(D(30), "meal"), (D(75), "meal")}


def test_receipts_not_available_is_a_way_of_claiming() -> None:
    policy = read("Meals\nWhen receipts are not available, dinner is reimbursed up to $25.\n")
    (cap,) = policy.caps
    assert cap.amount == D(25)
    assert cap.condition is not None and "receipts" in cap.condition.text


def test_a_gift_to_the_host_is_no_lodging_limit() -> None:
    policy = read(
        "Limits\nHotel - $250 per night, taxes included.\nGift in lieu of lodging - $60 per stay.\n"
        "Lodging Hospitality $90.00 Host/hostess gift allowance\n"
    )
    assert limits(policy) == {("hotel", D(250), "night")}


def test_each_amount_of_a_granted_list_names_its_meal_after_for() -> None:
    policy = read("Meals\nMembers are allowed $11 for breakfast, $17 for lunch, and $26 for dinner.\n")
    assert {(c.amount, c.meal) for c in policy.caps} == {
        (D(11), "breakfast"),
        (D(17), "lunch"),
        (D(26), "dinner"),
    }


def test_a_price_named_for_a_meal_is_no_limit() -> None:
    policy = read(
        "Hotel\nBreakfast is not included; the hotel charges $12 for breakfast.\nRooms up to $150 per night.\n"
    )
    assert limits(policy) == {("hotel", D(150), "night")}

"""Limits stated in sentences by US public bodies (set P, issue 19).

- "authorized travel" names official business, not an approval: the amount in the sentence is no
  approval threshold (a county's meal rule; "authorized traveler" in a university's lodging rule).
- "<kind> ... shall be $X": a statute or board policy sets the kind's amount (a city's meal rule, a
  university's lodging schedule); meals need a printed unit, as a day's and a meal's figure differ.
- "Employee and student meals": the students joined with the employees are no traveller condition.
"""

from __future__ import annotations

from decimal import Decimal

from reimburse.adapters.heuristic.caps import find_caps
from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import CapUnit, RuleType


def _read(text: str):  # type: ignore[no-untyped-def]
    return HeuristicPolicyInterpreter().read(Document("p.pdf", "ab" * 32, text, (text,)))


def test_authorized_travel_is_no_approval_threshold() -> None:
    sentence = (
        "The daily meal allowance on whole days of authorized travel shall be ten dollars ($10) per day."
    )
    [found] = find_caps(sentence, money_text=True)
    assert (found.kind, found.unit) == (RuleType.LIMIT, CapUnit.DAY)


def test_an_authorized_traveler_is_no_approver() -> None:
    [found] = find_caps("An authorized traveler is paid for lodging up to $90.", money_text=True)
    assert found.kind is RuleType.LIMIT


def test_authorization_of_an_amount_stays_a_threshold() -> None:
    [found] = find_caps("Hotel stays over $150 must be authorized by the department head.", money_text=True)
    assert found.kind is RuleType.APPROVAL_THRESHOLD


def test_a_kind_that_shall_be_an_amount_is_limited_by_it() -> None:
    policy = _read("Travel schedule\nHotel rooms for travel out of state shall be $140.00 a night.")
    [cap] = policy.caps
    assert (cap.category, cap.amount, cap.unit) == ("hotel", Decimal(140), CapUnit.NIGHT)


def test_lodging_that_shall_be_an_amount_without_a_unit_is_per_night() -> None:
    policy = _read("Travel schedule\nLodging in state shall be $95.00 plus taxes.")
    [cap] = policy.caps
    assert (cap.category, cap.amount, cap.unit) == ("hotel", Decimal(95), CapUnit.NIGHT)


def test_meals_that_shall_be_an_amount_need_a_unit() -> None:
    # A day's figure or a meal's: without a printed unit, no limit is guessed.
    assert find_caps("Meal expenses in large cities shall be $60.00.", money_text=True) == []


def test_shall_be_without_a_kind_sets_no_limit() -> None:
    assert find_caps("The fee for the course shall be $60.00.", money_text=True) == []


# "Employee and student meals": a group joined with the employees names everyone (set K's university
# meal rule), as both scopes joined are no scope; a group named alone stays a condition.
def test_students_joined_with_employees_are_no_condition() -> None:
    policy = _read("Meals\nStaff and student meals may not exceed $12 for breakfast.")
    [cap] = policy.caps
    assert (cap.amount, cap.condition) == (Decimal(12), None)


def test_students_alone_stay_a_condition() -> None:
    policy = _read("Meals\nStudent meals may not exceed $12 for breakfast.")
    [cap] = policy.caps
    assert cap.condition is not None and "student" in cap.condition.text.lower()

"""Exclusion keywords name excluded things only (issue 19): never a rule about conduct, an item
paid within another one, something allowed with an approval, or two list lines run together."""

from __future__ import annotations

from tests.policy_text import keywords, read


def test_a_rule_of_conduct_that_names_no_expense_is_no_exclusion() -> None:
    assert not read("USB storage devices from external parties are prohibited.\n").exclusions
    assert not read("Weapons are not permitted on company premises.\n").exclusions
    # ...while a prohibited expense still is one.
    assert "luxury hotels" in keywords(read("Five-star and luxury hotels are not permitted.\n"))


def test_an_item_paid_within_another_is_not_excluded() -> None:
    policy = read("Meal gratuities cannot be claimed as a separate incidental reimbursement.\n")
    assert not policy.exclusions
    policy = read("Porterage is not reimbursed separately.\n")
    assert not policy.exclusions
    assert keywords(read("Gratuities cannot be claimed.\n"))  # the bare sentence still excludes


def test_an_item_allowed_with_prior_authorization_is_not_a_keyword() -> None:
    policy = read(
        "Non-commercial air travel is prohibited without prior authorization from Risk Management.\n"
    )
    assert not policy.exclusions


def test_list_lines_run_together_give_no_keyword_across_them() -> None:
    policy = read(
        "Permitted transportation: Public transportation Standard taxi services Ride-sharing services "
        "approved by Procurement Economy rental vehicles Luxury vehicles, limousine services, and premium "
        "rideshare categories are not reimbursable.\n"
    )
    # The subject is the last line's: the earlier lines are what is permitted.
    assert {"luxury vehicles", "limousine services"} <= keywords(policy)
    assert not [k for k in keywords(policy) if "economy" in k or "taxi" in k or "public" in k]
    policy = read(
        "Client entertainment expenses must: Have a documented business purpose Include attendee names "
        "and organizations Comply with anti-bribery policies Remain moderate in cost.\n"
        "Gift cards are not reimbursable.\n"
    )
    assert not [k for k in keywords(policy) if "comply" in k or "remain" in k]


def test_an_enumeration_narrowed_by_a_qualifier_excludes_nothing_outright() -> None:
    # Ordinary entertainment and gifts are not excluded by a rule about illegal ones.
    policy = read(
        "Entertainment is reimbursed.\n"
        "Cash gifts, personal gifts, or entertainment involving illegal or unethical activities are "
        "strictly prohibited.\n"
    )
    assert not policy.exclusions
    assert {e.name for e in read("Gifts and entertainment are not reimbursable.\n").exclusions} == {
        "gifts",
        "entertainment",
    }


def test_list_items_name_what_expenses_are_of_and_short_enumerations() -> None:
    policy = read(
        "The following expenses are not reimbursable:\n"
        "• Airline or VIP club membership dues or one-day admission fees\n"
        "• Expenses related to personal days taken before or after the business portion of the trip\n"
        "• Expenses of a spouse or family member\n"
    )
    words = keywords(policy)
    assert {"membership", "one-day admission", "spouse", "family member"} <= words
    # Personal days are a time, not a thing a bill could name.
    assert "personal days" not in words
    assert not words & {"expenses", "airline", "dues"}


def test_a_list_item_excepted_by_an_approval_stays_excluded() -> None:
    policy = read(
        "Non-Reimbursable Expenses:\n"
        "• Memberships to social clubs (e.g., golf or health clubs) unless approved by an Executive Vice President\n"
    )
    assert "membership" in keywords(policy)

"""A heading that names both sides ("Reimbursable / Non-Reimbursable Expenses") heads a mixed list:
its items are not refused for the heading's sake; and "not paid in advance" says when an amount is
paid, not that it is refused. Seen in the fresh external set (a Canadian university's Y/N table of
expenses, an Australian university's single-day meal rule); texts written for these tests."""

from __future__ import annotations

from tests.policy_text import keywords, names, read


def test_items_under_a_reimbursable_and_non_reimbursable_heading_are_not_excluded() -> None:
    policy = read("Reimbursable / Non-Reimbursable Expenses\n- Laundry on trips over five days\n- Gym fees\n")
    assert not policy.exclusions


def test_allowable_and_unallowable_heading_is_no_refusal_either() -> None:
    policy = read("Allowable and unallowable costs\n- Minibar\n- Movies\n")
    assert not policy.exclusions


def test_not_paid_in_advance_is_no_exclusion() -> None:
    policy = read("Single day meal costs are not paid in advance; claim them afterwards with a receipt.\n")
    assert not policy.exclusions


def test_a_non_reimbursable_heading_still_excludes_its_items() -> None:
    assert "fitness" in names(read("Non-Reimbursable Expenses\n- Gym fees\n- Minibar\n"))


def test_a_remarks_cell_saying_considered_personal_does_not_refuse_the_next_row() -> None:
    # A Y/N table flattened to lines: the visa row's remark stands above the next row's item.
    policy = read(
        "Work permits for guests\nNo\nConsidered personal expenses \nGas for commercial rental vehicles\nYes\n"
    )
    assert not any("gas" in k for e in policy.exclusions for k in e.keywords)


def test_items_considered_personal_after_their_subject_are_still_excluded() -> None:
    assert "entertainment" in keywords(read("In-room movies are considered personal expenses.\n"))

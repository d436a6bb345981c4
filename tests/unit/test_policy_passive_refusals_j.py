"""The passive refusal "Reimbursement is not made / will not be allowed for X" names what is refused
after "for", as "will not reimburse X" does; in a list, a tip past its limit is a cap and a pointer
to exceptions elsewhere keeps the items refused (set J: St. Charles CC, Pratt CC)."""

from __future__ import annotations

from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.domain.verdict.document import Document


def _excluded(text: str) -> set[str]:
    policy = HeuristicPolicyInterpreter().read(Document("p.pdf", "1b" * 32, text, (text,)))
    return {e.name for e in policy.exclusions}


def test_reimbursement_is_not_made_for_its_object() -> None:
    text = "Travel\nThe College pays for lodging and meals. Reimbursement is not made for alcoholic drinks."
    assert "alcohol" in _excluded(text)


def test_a_list_after_will_not_be_allowed_for_keeps_its_plain_items() -> None:
    text = (
        "Travel costs\n"
        "Reimbursement will not be allowed for liquor, gratuities in excess of 18 percent, "
        "in-room movies, or room service except as noted elsewhere in this policy."
    )
    found = _excluded(text)
    assert {"alcohol", "room service"} <= found
    assert "tips" not in found  # the tip past 18 percent is a cap on tips, not a refusal of tips


def test_a_list_with_a_narrowed_item_is_no_plain_refusal() -> None:
    # One item is refused only in part ("parking that is not on business"): the list falls back to
    # the whole sentence's reading, which refuses no plain parking.
    text = (
        "Travel costs\n"
        "Reimbursement will not be allowed for newspapers, parking that is not on business, or movies.\n"
        "Claims are due within 30 days of the trip."
    )
    policy = HeuristicPolicyInterpreter().read(Document("p.pdf", "1b" * 32, text, (text,)))
    assert not any("parking" in e.keywords and not e.condition for e in policy.exclusions)


def test_no_x_are_reimbursed_refuses_x() -> None:
    # The present tense of "No X will be reimbursed" (set J: St. Charles CC).
    text = "Meals\nBreakfast is paid up to $9.\nNo alcoholic drinks are reimbursed."
    assert "alcohol" in _excluded(text)

"""British policies refuse with "reclaim": "You are not able to reclaim the costs of ...", "this
cannot be reclaimed through expenses"; and "Employees cannot claim any reimbursement for X". Seen in
the fresh external set (a UK company's expenses policy; an Indian company's key notes); the texts
are written for these tests."""

from __future__ import annotations

from tests.policy_text import keywords, read


def test_not_able_to_reclaim_the_costs_of_items_excludes_them() -> None:
    found = keywords(
        read("You are not able to reclaim the cost of toiletries or clothing through expenses.\n")
    )
    assert {"toiletries", "clothing"} <= found


def test_cannot_reclaim_an_item_excludes_it() -> None:
    assert "alcohol" in keywords(read("Staff cannot reclaim alcohol through expenses.\n"))


def test_cannot_claim_any_reimbursement_for_an_item_excludes_it() -> None:
    assert "minibar" in keywords(read("Employees can't claim any reimbursement for minibar items.\n"))


def test_what_can_be_reclaimed_is_no_exclusion() -> None:
    policy = read("VAT on hotel bills can be reclaimed by the finance team; keep the receipts.\n")
    assert not policy.exclusions

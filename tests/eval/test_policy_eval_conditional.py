"""The corpus scorer counts a conditional exclusion as it counts any other (issue 19): found when a
keyword of it occurs in the labelled clause, junk when none does."""

from __future__ import annotations

from typing import Any

from reimburse.domain.verdict.policy import ExclusionRule, Policy
from tests.eval.policy_eval import score_policy

LABEL: dict[str, Any] = {
    "file": "x.pdf",
    "currency": "EUR",
    "caps": [],
    "exclusions": [{"what": "laundry on short trips", "clause": "Laundry, if the trip is under five days"}],
}


def _score(*exclusions: ExclusionRule) -> Any:
    return score_policy(Policy("p", "EUR", exclusions=exclusions), LABEL, held_out=False)


def test_a_conditional_exclusion_counts_as_found_like_an_outright_one() -> None:
    outright = ExclusionRule("exclude:laundry", "laundry", ("laundry",), "c")
    conditional = ExclusionRule(
        "exclude:laundry", "laundry", ("laundry",), "c", condition="if the trip is short"
    )
    assert _score(outright).exclusions_found == _score(conditional).exclusions_found == 1
    assert not _score(conditional).junk


def test_a_conditional_exclusion_naming_nothing_labelled_is_junk() -> None:
    stray = ExclusionRule("exclude:vans", "vans", ("vans",), "c", condition="if the trip is short")
    score = _score(stray)
    assert (score.exclusions_found, len(score.junk)) == (0, 1)

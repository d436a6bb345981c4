"""An allowance granted by an approver is still the amount paid (set J: "the approving authority
may authorize a $15 day trip meal allowance"); the kind in the allowance's own name is what it pays,
not the travel the sentence opens with."""

from __future__ import annotations

from decimal import Decimal

from reimburse.adapters.heuristic.caps import find_caps
from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import RuleType

GRANTED = "Should day travel require buying a meal, a dean may approve a $12 day trip meal allowance."


def _read(text: str):  # type: ignore[no-untyped-def]
    return HeuristicPolicyInterpreter().read(Document("p.pdf", "ef" * 32, text, (text,)))


def test_an_allowance_an_approver_grants_is_a_limit() -> None:
    [found] = find_caps(GRANTED, money_text=True)
    assert found.kind is RuleType.LIMIT


def test_the_allowance_pays_the_kind_its_name_gives() -> None:
    policy = _read(f"Travel rules\n{GRANTED}")
    [cap] = policy.caps
    assert (cap.category, cap.amount) == ("meals", Decimal(12))


def test_an_approval_over_an_amount_stays_a_threshold() -> None:
    [found] = find_caps("Your dean must approve any dinner over $60.", money_text=True)
    assert found.kind is RuleType.APPROVAL_THRESHOLD

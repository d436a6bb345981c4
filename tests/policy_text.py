"""Synthetic policy texts through the offline policy reader, for the tests of which exclusions,
limits and periods it reads. Each text follows a sentence that covers meals and hotels, so that the
policy has categories and its exclusions stand beside them."""

from __future__ import annotations

import hashlib

from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.domain.verdict.document import Document
from reimburse.domain.verdict.policy import Policy

BASE = "Meals and hotel stays are reimbursed.\n"


def read(text: str) -> Policy:
    """The policy the offline reader makes of BASE + text (amounts in USD unless it says)."""
    text = BASE + text
    sha = hashlib.sha256(text.encode()).hexdigest()
    return HeuristicPolicyInterpreter(default_currency="USD").read(Document("p.pdf", sha, text, (text,)))


def names(policy: Policy) -> set[str]:
    """The excluded kinds' names."""
    return {e.name for e in policy.exclusions}


def keywords(policy: Policy) -> set[str]:
    """Every exclusion keyword, lower case."""
    return {k.lower() for e in policy.exclusions for k in e.keywords}

"""Policy-as-data TOML for tests: its head, and the policy read from it the way an admin's upload is."""

from __future__ import annotations

from reimburse.application.policy_data import parse_policy_data, policy_from_data
from reimburse.domain.verdict.policy import Policy


def toml_head(currency: str, *categories: str) -> bytes:
    """The `currency` line and one `[[categories]]` table a name; rules follow it."""
    lines = [f'currency = "{currency}"'] + [f'[[categories]]\nname = "{name}"' for name in categories]
    return ("\n" + "\n".join(lines) + "\n").encode()


def policy_from_toml(data: bytes, policy_id: str = "pol_x") -> Policy:
    """Parse `data` and build its policy; rules are not checked (tests call check_rules to see refusals)."""
    return policy_from_data(parse_policy_data(data), policy_id)

from __future__ import annotations

from typing import Protocol

import msgspec

from reimburse.domain.verdict.policy import Policy


class ClauseHit(msgspec.Struct, frozen=True):
    policy_id: str
    rule_id: str
    clause: str
    score: float


class PolicyStore(Protocol):
    """Interpreted policies, keyed by policy_id (derived from the file's SHA-256), and their clauses."""

    async def save(self, policy: Policy) -> None: ...

    async def get(self, policy_id: str) -> Policy | None: ...

    async def search_clauses(self, text: str, policy_id: str | None, limit: int) -> list[ClauseHit]: ...

    async def latest(self) -> Policy | None:
        """The most recently saved policy (chat answers policy questions from it)."""
        ...

    async def close(self) -> None: ...

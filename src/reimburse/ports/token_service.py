from __future__ import annotations

from datetime import timedelta
from typing import Protocol

from reimburse.domain.access import Role, Viewer


class TokenService(Protocol):
    """Issues and verifies the bearer tokens that say who is calling."""

    def mint(self, subject: str, role: Role, ttl: timedelta) -> str: ...

    def verify(self, token: str) -> Viewer:
        """The token's viewer. Raises InvalidToken when it is expired, forged or malformed."""
        ...

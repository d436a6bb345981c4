"""Bearer tokens: HS256 JWTs signed with SECRET_KEY. Roles: employee (sub = employee name), reviewer, admin."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import jwt

from reimburse.domain.access import InvalidToken, Role, Viewer

ALGORITHM = "HS256"


class JwtTokenService:
    def __init__(self, secret_key: str) -> None:
        self._secret = secret_key

    def mint(self, subject: str, role: Role, ttl: timedelta) -> str:
        now = datetime.now(UTC)
        claims = {"sub": subject, "role": role.value, "iat": now, "exp": now + ttl}
        return jwt.encode(claims, self._secret, algorithm=ALGORITHM)

    def verify(self, token: str) -> Viewer:
        try:
            # algorithms is pinned: "none" and RS/HS confusion are refused by construction
            claims = jwt.decode(
                token, self._secret, algorithms=[ALGORITHM], options={"require": ["sub", "role", "exp"]}
            )
            return Viewer(str(claims["sub"]), Role(claims["role"]))
        except jwt.ExpiredSignatureError:
            raise InvalidToken("the token has expired") from None
        except (jwt.InvalidTokenError, ValueError):
            raise InvalidToken("the token is not valid") from None

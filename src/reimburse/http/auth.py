"""Bearer tokens: HS256 JWTs signed with SECRET_KEY. Roles: employee (sub = employee name), reviewer, admin."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
from litestar import Request
from litestar.di import NamedDependency

from reimburse.config import Settings
from reimburse.domain.access import Role, Viewer
from reimburse.http.errors import ApiError

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
            raise _unauthorized("the token has expired") from None
        except (jwt.InvalidTokenError, ValueError):
            raise _unauthorized("the token is not valid") from None


def _unauthorized(message: str) -> ApiError:
    error = ApiError(401, message)
    error.headers = {"WWW-Authenticate": 'Bearer realm="reimburse"'}
    return error


def viewer_from_request(
    request: Request[Any, Any, Any],
    settings: NamedDependency[Settings],
    tokens: NamedDependency[JwtTokenService],
) -> Viewer:
    if not settings.auth_required:
        return Viewer.anonymous_admin()
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise _unauthorized("a bearer token is required")
    return tokens.verify(token.strip())

"""Who is calling: the bearer token, verified by the TokenService port. Its failures are 401s."""

from __future__ import annotations

from typing import Any

from litestar import Request
from litestar.di import NamedDependency
from litestar.params import SkipValidation

from reimburse.config import Settings
from reimburse.domain.access import InvalidToken, Viewer
from reimburse.http.errors import ApiError
from reimburse.ports.token_service import TokenService


def _unauthorized(message: str) -> ApiError:
    error = ApiError(401, message)
    error.headers = {"WWW-Authenticate": 'Bearer realm="reimburse"'}
    return error


def viewer_from_request(
    request: Request[Any, Any, Any],
    settings: NamedDependency[Settings],
    # our own container's object: nothing to validate, and a Protocol cannot be isinstance-checked
    tokens: NamedDependency[SkipValidation[TokenService]],
) -> Viewer:
    if not settings.auth_required:
        return Viewer.anonymous_admin()
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise _unauthorized("a bearer token is required")
    try:
        return tokens.verify(token.strip())
    except InvalidToken as exc:
        raise _unauthorized(str(exc)) from None

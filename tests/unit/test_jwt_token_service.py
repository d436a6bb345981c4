"""The JWT adapter behind the TokenService port: what it mints it verifies; anything else is InvalidToken."""

from __future__ import annotations

from datetime import timedelta

import jwt
import pytest

from reimburse.adapters.jwt.token_service import JwtTokenService
from reimburse.cli import main
from reimburse.domain.access import InvalidToken, Role, Viewer
from reimburse.ports.token_service import TokenService

SECRET = "s" * 48


def service(secret: str = SECRET) -> TokenService:
    return JwtTokenService(secret)  # mypy checks that the adapter fits the port


def test_a_minted_token_verifies_as_its_viewer() -> None:
    tokens = service()
    token = tokens.mint("Rani Sharma", Role.EMPLOYEE, timedelta(minutes=5))
    assert tokens.verify(token) == Viewer("Rani Sharma", Role.EMPLOYEE)


@pytest.mark.parametrize(
    ("token", "message"),
    [
        (service().mint("x", Role.ADMIN, timedelta(seconds=-5)), "expired"),
        (service("o" * 48).mint("x", Role.ADMIN, timedelta(minutes=5)), "not valid"),
        (jwt.encode({"sub": "x", "role": "root", "exp": 4102444800}, SECRET), "not valid"),
        (jwt.encode({"sub": "x", "role": "admin"}, SECRET), "not valid"),  # no expiry
        ("not-a-token", "not valid"),
    ],
    ids=["expired", "other-secret", "unknown-role", "no-exp", "garbage"],
)
def test_anything_else_is_an_invalid_token(token: str, message: str) -> None:
    with pytest.raises(InvalidToken, match=message):
        service().verify(token)


def test_the_cli_mints_through_the_container(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SECRET_KEY", SECRET)
    assert main(["token", "--sub", "hr-1", "--role", "reviewer", "--ttl", "1h"]) == 0
    assert service().verify(capsys.readouterr().out.strip()) == Viewer("hr-1", Role.REVIEWER)

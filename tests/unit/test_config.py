"""Configuration layers: default.toml < {ENVIRONMENT}.toml < .env < environment; production safety."""

from __future__ import annotations

import hashlib
from pathlib import Path

import msgspec
import pytest
from dependency_injector import providers

from reimburse.adapters.heuristic.policy_interpreter import HeuristicPolicyInterpreter
from reimburse.config import load_settings
from reimburse.container import build_container
from reimburse.domain.verdict.document import Document
from reimburse.http.startup import UnsafeConfiguration, check_startup, unsafe_reasons

GOOD_SECRET = "s" * 40


def _config_dir(tmp_path: Path) -> Path:
    d = tmp_path / "config"
    d.mkdir()
    (d / "default.toml").write_text('log_level = "INFO"\nmax_pages = 10\nrate_limit_per_minute = 5\n')
    (d / "staging.toml").write_text("max_pages = 20\nrate_limit_per_minute = 6\n")
    return d


def test_each_layer_overrides_the_one_before(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("RATE_LIMIT_PER_MINUTE=7\nLOG_LEVEL='DEBUG'\n# comment\n")
    s = load_settings(
        environ={"ENVIRONMENT": "staging", "LOG_LEVEL": "WARNING"},
        config_dir=_config_dir(tmp_path),
        env_file=env_file,
    )
    assert s.environment == "staging"
    assert s.max_pages == 20  # staging.toml over default.toml
    assert s.rate_limit_per_minute == 7  # .env over staging.toml
    assert s.log_level == "WARNING"  # environment over .env


def test_lists_and_booleans_come_from_strings(tmp_path: Path) -> None:
    s = load_settings(
        environ={
            "ALLOWED_HOSTS": "https://a.example, https://b.example",
            "AUTH_ENABLED": "yes",
            "DEBUG": "0",
        },
        env_file=tmp_path / "none",
    )
    assert s.allowed_hosts == ("https://a.example", "https://b.example")
    assert s.auth_required is True
    assert s.debug is False


def test_auth_defaults_on_in_production_only(tmp_path: Path) -> None:
    assert not load_settings(environ={}, env_file=tmp_path / "n").auth_required
    assert load_settings(environ={"ENVIRONMENT": "production"}, env_file=tmp_path / "n").auth_required


@pytest.mark.parametrize(
    ("env", "key"),
    [
        ({"SECRET_KEY": ""}, "SECRET_KEY"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY"),
        ({"DEBUG": "true"}, "DEBUG"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS"),
        ({"ALLOWED_HOSTS": "*"}, "ALLOWED_HOSTS"),
        ({"AUTH_ENABLED": "false"}, "AUTH_ENABLED"),
    ],
)
def test_production_refuses_unsafe_settings_naming_the_key(
    tmp_path: Path, env: dict[str, str], key: str
) -> None:
    base = {"ENVIRONMENT": "production", "SECRET_KEY": GOOD_SECRET, "ALLOWED_HOSTS": "https://hr.example"}
    settings = load_settings(environ={**base, **env}, env_file=tmp_path / "n")
    reasons = unsafe_reasons(settings)
    assert len(reasons) == 1 and key in reasons[0]
    with pytest.raises(UnsafeConfiguration, match=key):
        check_startup(settings)


def test_a_safe_production_configuration_starts(tmp_path: Path) -> None:
    env = {"ENVIRONMENT": "production", "SECRET_KEY": GOOD_SECRET, "ALLOWED_HOSTS": "https://hr.example"}
    check_startup(load_settings(environ=env, env_file=tmp_path / "n"))


def test_the_policy_default_currency_is_an_iso_code(tmp_path: Path) -> None:
    s = load_settings(environ={"POLICY_DEFAULT_CURRENCY": "USD"}, config_dir=tmp_path)
    assert s.policy_default_currency == "USD"
    assert load_settings(environ={}, config_dir=tmp_path).policy_default_currency == "INR"
    with pytest.raises(msgspec.ValidationError):
        load_settings(environ={"POLICY_DEFAULT_CURRENCY": "US$"}, config_dir=tmp_path)


async def test_a_policy_without_money_takes_the_configured_default_currency(tmp_path: Path) -> None:
    """The composition root hands the setting to the offline reader; a reading under another default
    carries another reader name, so a policy stored under the old default is read again."""
    text = "Travel policy\n\nMeals and hotel stays on business trips are reimbursed at cost.\n"
    document = Document("p.pdf", hashlib.sha256(text.encode()).hexdigest(), text, (text,))
    container = build_container(
        load_settings(environ={"POLICY_DEFAULT_CURRENCY": "USD"}, config_dir=tmp_path)
    )
    container.executor.override(providers.Object(None))
    usd = container.interpreter()
    assert (await usd.interpret(document)).currency == "USD"
    assert (await HeuristicPolicyInterpreter().interpret(document)).currency == "INR"
    assert usd.name != HeuristicPolicyInterpreter.name

"""compose.yaml cannot be run here (no container engine), so it is checked by reading it."""

from __future__ import annotations

import re
from pathlib import Path

import msgspec
import yaml

from reimburse.config import Settings

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text())
SETTING_KEYS = {f.name.upper() for f in msgspec.structs.fields(Settings)}


def test_services_and_dependencies() -> None:
    services = COMPOSE["services"]
    assert set(services) == {"api", "qdrant"}
    assert services["api"]["depends_on"]["qdrant"]["condition"] == "service_healthy"
    for service in services.values():
        assert "healthcheck" in service
        assert service["volumes"], "data must live in named volumes"
    named = set(COMPOSE["volumes"])
    for service in services.values():
        for mount in service["volumes"]:
            assert mount.split(":")[0] in named


def test_api_environment_uses_only_real_configuration_keys() -> None:
    env = COMPOSE["services"]["api"]["environment"]
    unknown = set(env) - SETTING_KEYS
    assert not unknown, f"compose sets keys the service does not read: {unknown}"
    assert env["QDRANT_URL"].startswith("http://qdrant:")
    assert env["DATA_DIR"] == "/data"


def test_ports_match_the_configured_port() -> None:
    env = COMPOSE["services"]["api"]["environment"]
    (mapping,) = COMPOSE["services"]["api"]["ports"]
    assert mapping.split(":")[-1] == env["PORT"] == str(Settings().port)
    qdrant_port = re.search(r":(\d+)$", env["QDRANT_URL"])
    assert qdrant_port and any(
        p.endswith(f":{qdrant_port.group(1)}") for p in COMPOSE["services"]["qdrant"]["ports"]
    )


def test_env_templates_use_only_real_keys() -> None:
    for template in (".env.example", ".env.production"):
        keys = {
            line.lstrip("# ").split("=")[0]
            for line in (ROOT / template).read_text().splitlines()
            if "=" in line and re.match(r"^#?\s?[A-Z_]+=", line)
        }
        assert keys and keys <= SETTING_KEYS | {"ENV_FILE"}, keys - SETTING_KEYS


def test_containerfile_runs_unprivileged_with_a_healthcheck() -> None:
    text = (ROOT / "Containerfile").read_text()
    assert text.count("FROM ") >= 2
    assert "USER app" in text and "HEALTHCHECK" in text
    assert "uv sync --frozen" in text


def test_stop_timeout_leaves_room_for_the_graceful_shutdown() -> None:
    grace = COMPOSE["services"]["api"]["stop_grace_period"]
    assert grace.endswith("s") and int(grace[:-1]) >= Settings().shutdown_grace_seconds + 10

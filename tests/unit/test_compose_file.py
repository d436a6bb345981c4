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


SERVICES = COMPOSE["services"]
APIS = [name for name in SERVICES if name.startswith("api-")]
NGINX = (ROOT / "deploy" / "nginx.conf").read_text()


def test_services_and_dependencies() -> None:
    assert set(SERVICES) == {"api-1", "api-2", "nginx", "qdrant", "redis"}
    for name in APIS:
        needs = SERVICES[name]["depends_on"]
        assert needs["qdrant"]["condition"] == needs["redis"]["condition"] == "service_healthy"
    assert {n: c["condition"] for n, c in SERVICES["nginx"]["depends_on"].items()} == dict.fromkeys(
        APIS, "service_healthy"
    )
    for service in SERVICES.values():
        assert "healthcheck" in service
        assert service["volumes"], "data must live in volumes"
    named = set(COMPOSE["volumes"])
    for name, service in SERVICES.items():
        for mount in service["volumes"]:
            source = mount.split(":")[0]
            assert source in named or (name == "nginx" and (ROOT / source).is_file()), mount
    # each replica has its own volumes: nothing on disk is shared between processes
    mounts = [m.split(":")[0] for name in APIS for m in SERVICES[name]["volumes"]]
    assert len(mounts) == len(set(mounts))


def test_replicas_share_qdrant_and_redis_and_nothing_else() -> None:
    envs = [SERVICES[name]["environment"] for name in APIS]
    assert len(envs) == 2 and envs[0] == envs[1]
    for env in envs:
        unknown = set(env) - SETTING_KEYS
        assert not unknown, f"compose sets keys the service does not read: {unknown}"
        assert env["QDRANT_URL"].startswith("http://qdrant:")
        assert env["REDIS_URL"].startswith("redis://redis:")
        assert env["DATA_DIR"] == "/data"


def test_only_nginx_is_published_and_it_reaches_every_replica() -> None:
    assert all("ports" not in SERVICES[name] for name in APIS)
    (mapping,) = SERVICES["nginx"]["ports"]
    listen = re.search(r"listen (\d+);", NGINX)
    assert listen and mapping.split(":")[-1] == listen.group(1)
    port = SERVICES["api-1"]["environment"]["PORT"]
    assert port == str(Settings().port)
    upstreams = set(re.findall(r"server (api-\d+):(\d+)", NGINX))
    assert upstreams == {(name, port) for name in APIS}
    qdrant_port = re.search(r":(\d+)$", SERVICES["api-1"]["environment"]["QDRANT_URL"])
    assert qdrant_port and any(p.endswith(f":{qdrant_port.group(1)}") for p in SERVICES["qdrant"]["ports"])


def test_nginx_streams_server_sent_events() -> None:
    sse = NGINX[NGINX.index("analyze-invoices-stream") :]
    assert "proxy_buffering off;" in sse and "chat/stream" in NGINX
    assert "proxy_request_buffering off;" in NGINX and "X-Forwarded-For" in NGINX


def test_the_api_believes_forwarded_addresses_from_the_backend_network_only() -> None:
    (subnet,) = [c["subnet"] for c in COMPOSE["networks"]["backend"]["ipam"]["config"]]
    for name in APIS:
        assert SERVICES[name]["environment"]["TRUSTED_PROXIES"] == subnet
    for service in SERVICES.values():
        assert service["networks"] == ["backend"]


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
    for name in APIS:
        grace = SERVICES[name]["stop_grace_period"]
        assert grace.endswith("s") and int(grace[:-1]) >= Settings().shutdown_grace_seconds + 10

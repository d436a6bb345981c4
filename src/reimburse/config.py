"""Settings: config/default.toml < config/{ENVIRONMENT}.toml < .env < environment variables.

Keys are the upper-case environment names lower-cased (GEMINI_MODEL -> gemini_model).
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Annotated, Any

import msgspec

PROJECT_ROOT = Path(__file__).resolve().parents[2]


class Settings(msgspec.Struct, frozen=True, kw_only=True):
    environment: str = "development"
    debug: bool = False
    host: str = "127.0.0.1"
    port: int = 8000
    secret_key: str = ""
    allowed_hosts: tuple[str, ...] = ("http://localhost", "http://127.0.0.1")
    auth_enabled: bool | None = None  # None: on in production, off elsewhere
    rate_limit_per_minute: int = 120
    trusted_proxies: tuple[str, ...] = ()
    # sizes in bytes
    max_file_size: int = 20 * 1024 * 1024
    max_zip_size: int = 200 * 1024 * 1024
    max_invoices: int = 1000
    max_uncompressed_size: int = 2 * 1024 * 1024 * 1024
    max_compression_ratio: int = 200
    max_pages: int = 50
    max_document_seconds: float = 120.0  # reading one document (PDF, image, XML); beyond: TooSlow
    allowed_extensions: tuple[str, ...] = (
        ".pdf",
        ".xml",
        *(".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".heic", ".heif"),  # photos and scans: OCR
    )
    workers: int = 0  # process-pool size for PDF reading; 0 = number of cores
    data_dir: str = "./data"
    log_dir: str = "./logs"
    log_level: str = "INFO"
    qdrant_url: str = ""
    qdrant_api_key: str = ""
    redis_url: str = ""  # shared state of API replicas (the rate limit); empty: per process
    google_api_key: str = ""
    gemini_model: str = "gemini-2.5-flash"
    gemini_embedding_model: str = "gemini-embedding-001"
    gemini_base_url: str = ""
    gemini_concurrency: int = 8
    gemini_timeout_seconds: float = 60.0
    gemini_max_retries: int = 4
    gemini_retry_budget_seconds: float = 120.0
    gemini_fallback_to_heuristic: bool = True
    gemini_embeddings: bool = False
    sse_ping_seconds: float = 15.0
    shutdown_grace_seconds: int = 20  # on SIGTERM, how long analyses in flight may finish
    chat_max_query_length: int = 2000
    retention_days: int = 0  # 0: keep records forever; else remove those older, on a schedule
    retention_interval_seconds: float = 86400.0
    # original documents: empty = DATA_DIR/documents; s3://bucket/prefix = S3-compatible storage
    documents_url: str = ""
    documents_endpoint: str = ""  # S3-compatible endpoint (MinIO, Ceph, R2); empty = AWS
    # dated exchange rates for caps in another currency; empty = config/fx_rates.toml when present
    fx_rates_file: str = ""
    # the currency of a policy that prints no money and names none (the offline reader)
    policy_default_currency: Annotated[str, msgspec.Meta(pattern="^[A-Z]{3}$")] = "INR"

    @property
    def is_production(self) -> bool:
        return self.environment == "production"

    @property
    def auth_required(self) -> bool:
        return self.is_production if self.auth_enabled is None else self.auth_enabled

    @property
    def uses_gemini(self) -> bool:
        return bool(self.google_api_key)


_FIELDS = {f.name: f for f in msgspec.structs.fields(Settings)}


def _parse_env_file(path: Path) -> dict[str, str]:
    values: dict[str, str] = {}
    if not path.is_file():
        return values
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        key = key.strip().removeprefix("export ").strip()
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[key] = value
    return values


def _coerce(name: str, value: str) -> Any:
    """Environment strings -> the field's type; msgspec.convert finishes the validation."""
    field_type = str(_FIELDS[name].type)
    if "tuple" in field_type:
        return [v.strip() for v in value.split(",") if v.strip()]
    if "bool" in field_type:
        if value.strip() == "" and "None" in field_type:
            return None
        return value.strip().lower() in {"1", "true", "yes", "on"}
    if field_type.startswith("int"):
        return int(value)
    if field_type.startswith("float"):
        return float(value)
    return value


def load_settings(
    environ: dict[str, str] | None = None,
    config_dir: Path | None = None,
    env_file: Path | None = None,
    **overrides: Any,
) -> Settings:
    env = dict(os.environ if environ is None else environ)
    config_dir = config_dir or PROJECT_ROOT / "config"
    dotenv = _parse_env_file(env_file or Path(env.get("ENV_FILE", ".env")))
    environment = env.get("ENVIRONMENT") or dotenv.get("ENVIRONMENT") or "development"
    merged: dict[str, Any] = {}
    for name in ("default.toml", f"{environment}.toml"):
        path = config_dir / name
        if path.is_file():
            merged.update({k.lower(): v for k, v in tomllib.loads(path.read_text("utf-8")).items()})
    for source in (dotenv, env):
        for key, value in source.items():
            name = key.lower()
            if name in _FIELDS:
                merged[name] = _coerce(name, value)
    merged["environment"] = environment
    merged.update(overrides)
    return msgspec.convert(merged, Settings, strict=False)

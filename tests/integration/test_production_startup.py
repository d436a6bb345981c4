"""The real command refuses to start in production without SECRET_KEY, and says which key."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_serve_refuses_production_without_secret_key(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "AUTH_ENABLED"}}
    env.update(
        ENVIRONMENT="production",
        ALLOWED_HOSTS="https://hr.example",
        DATA_DIR=str(tmp_path / "data"),
        LOG_DIR=str(tmp_path / "logs"),
        ENV_FILE=str(tmp_path / "none.env"),
    )
    done = subprocess.run(
        [sys.executable, "-m", "reimburse.cli", "serve", "--port", "1"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert "SECRET_KEY" in done.stderr + done.stdout
    assert not (tmp_path / "data").exists()  # refused before touching any data

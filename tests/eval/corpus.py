"""Where the real corpus lives, and the fixed rule that sets a third of it aside.

The held-out rule is decided before looking at any document: a file is held out when the
SHA-256 of its path inside the corpus (e.g. ``pdf/ferd_2_teilrechnung.pdf``), read as an
integer, is divisible by 3. Held-out files are never opened while developing readers; their
figures are reported separately as the honest estimate on unseen documents.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

ENV = "REIMBURSE_CORPUS"
DEFAULT = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def corpus_dir() -> Path:
    """`REIMBURSE_CORPUS` when set, else `../shared/corpus` beside the project."""
    return Path(os.environ.get(ENV) or DEFAULT)


def is_held_out(relative_path: str) -> bool:
    return int(hashlib.sha256(relative_path.encode()).hexdigest(), 16) % 3 == 0


def split_name(relative_path: str) -> str:
    return "held-out" if is_held_out(relative_path) else "development"


def load_labels(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of labelled files")
    return data

"""The dependency direction is declared as import-linter contracts in pyproject.toml and checked by
`lint-imports` (make test). This test keeps the third-party list of those contracts complete: a new
dependency is forbidden to the domain, ports and application until someone decides otherwise."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib
from pathlib import Path

PYPROJECT = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text("utf-8"))
ALLOWED_IN_THE_CORE = {"msgspec"}
CORE_CONTRACT = "Domain, ports and application use only the standard library and msgspec"


def _import_names(requirement: str) -> set[str]:
    """The top-level modules a requirement installs ("pyjwt>=2.8" -> {"jwt"})."""
    name = re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0]
    wanted = re.sub(r"[-_.]+", "-", name).lower()
    return {
        module
        for module, dists in importlib.metadata.packages_distributions().items()
        if not module.startswith("_") and any(re.sub(r"[-_.]+", "-", d).lower() == wanted for d in dists)
    }


def test_every_dependency_is_forbidden_to_the_core() -> None:
    contract = next(c for c in PYPROJECT["tool"]["importlinter"]["contracts"] if c["name"] == CORE_CONTRACT)
    forbidden = set(contract["forbidden_modules"])
    missing = {
        module
        for requirement in PYPROJECT["project"]["dependencies"]
        for module in _import_names(requirement)
        if module not in ALLOWED_IN_THE_CORE
    } - forbidden
    assert not missing, f"add to the import-linter contract {CORE_CONTRACT!r}: {sorted(missing)}"


def test_the_dependency_names_resolve() -> None:
    # guards the test above against passing because no name resolved at all
    assert _import_names("pyjwt>=2.8") == {"jwt"}
    assert _import_names("qdrant-edge-py>=0.9") == {"qdrant_edge"}

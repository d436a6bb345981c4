"""The dependency direction is a rule, not a hope: domain <- ports <- application <- adapters/http."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "reimburse"
STDLIB = set(sys.stdlib_module_names)

# layer -> the reimburse layers it may import
ALLOWED = {
    "domain": {"domain"},
    "ports": {"domain", "ports"},
    "application": {"domain", "ports", "application"},
}
THIRD_PARTY = {"domain": {"msgspec"}, "ports": {"msgspec"}, "application": {"msgspec"}}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def _modules(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layer_imports_only_inner_layers(layer: str) -> None:
    assert _modules(layer), f"no modules found in {layer}"
    violations = []
    for path in _modules(layer):
        for name in _imports(path):
            top = name.split(".")[0]
            if top == "reimburse":
                inner = name.split(".")[1] if "." in name else ""
                if inner not in ALLOWED[layer]:
                    violations.append(f"{path.name}: {name}")
            elif top not in STDLIB and top != "__future__" and top not in THIRD_PARTY[layer]:
                violations.append(f"{path.name}: {name}")
    assert not violations, f"{layer} imports outside its layer: {violations}"


def test_only_the_container_picks_adapters() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] in {"adapters"} or rel.name in {"container.py"}:
            continue
        for name in _imports(path):
            if name.startswith("reimburse.adapters"):
                offenders.append(f"{rel}: {name}")
    assert not offenders, offenders


def test_checker_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import litestar\nfrom reimburse.adapters.pdf import x\n")
    assert _imports(bad) == ["litestar", "reimburse.adapters.pdf"]

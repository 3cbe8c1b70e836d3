"""The rooms of docs/architecture.md: data flows read -> model -> measure/check -> render, one way.

Every import statement of every module is read (those inside functions too), so a lazy import cannot
hide a forbidden arrow.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "sqtool"

# room -> modules it must never import (prefix match on dotted names)
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "chat": ("sqtool.audit", "sqtool.rules", "sqtool.render", "sqtool.commands", "sqtool.cli", "typer", "rich"),
    "plan": ("sqtool.audit", "sqtool.rules", "sqtool.render", "sqtool.commands", "sqtool.cli", "typer", "rich"),
    "schedule": ("sqtool.audit", "sqtool.rules", "sqtool.render", "sqtool.commands", "sqtool.cli", "typer", "rich"),
    "rules": ("sqtool.audit", "sqtool.render", "sqtool.commands", "sqtool.cli", "typer", "rich"),
    "audit": ("sqtool.render", "sqtool.commands", "sqtool.cli", "typer", "rich"),
    "portfolio": ("sqtool.render", "sqtool.commands", "sqtool.cli", "typer", "rich"),
    "render": ("sqtool.commands", "sqtool.cli", "typer"),
    "reporters": ("sqtool.commands", "sqtool.cli", "typer", "rich"),
}


def imported_names(path: Path) -> list[tuple[int, str]]:
    """(line, dotted module name) of every import in ``path``; relative imports are resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return found


def violations(room: str) -> list[str]:
    bad = []
    for path in sorted((PACKAGE / room).rglob("*.py")):
        for line, name in imported_names(path):
            if any(name == banned or name.startswith(banned + ".") for banned in FORBIDDEN[room]):
                bad.append(f"{path.relative_to(PACKAGE)}:{line} imports {name}")
    return bad


@pytest.mark.parametrize("room", sorted(FORBIDDEN))
def test_room_imports_only_what_comes_before_it(room: str) -> None:
    assert (PACKAGE / room).is_dir(), room
    assert violations(room) == []


def test_the_walk_sees_lazy_and_relative_imports(tmp_path: Path) -> None:
    module = PACKAGE / "audit" / "engine.py"
    names = {name for _, name in imported_names(module)}
    assert "sqtool.audit.aggregate.Aggregate" in names or any(n.startswith("sqtool.audit.") for n in names)
    probe = PACKAGE / "render" / "audit.py"
    assert any(name.startswith("rich.console") for _, name in imported_names(probe))  # imported inside a function

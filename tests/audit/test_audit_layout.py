"""The audit package's layering: the edge packing stays inside the Aggregate and the fast pass, the
reference pass stays independent of the fast one, and the engine needs no rendering or CLI code."""

from __future__ import annotations

import ast
from pathlib import Path

AUDIT = Path(__file__).parents[2] / "src" / "sqtool" / "audit"
PACKING = {"_MEMBER_BITS", "_MEMBER_MASK", "_DAY_SHIFT", "_edge", "_unpack_edge", "MEMBER_BITS", "MEMBER_MASK"}
PACKING |= {"edge", "unpack_edge"}


def _imports(path: Path) -> list[tuple[str, str]]:
    """(module, name) of every `from module import name` and (module, "") of every `import module`."""
    found: list[tuple[str, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.extend((node.module, alias.name) for alias in node.names)
        elif isinstance(node, ast.Import):
            found.extend((alias.name, "") for alias in node.names)
    return found


def _python_files() -> list[Path]:
    root = AUDIT.parents[2]
    return sorted(p for folder in ("src", "tests", "benchmarks") for p in (root / folder).rglob("*.py"))


def test_only_the_aggregate_and_the_fast_pass_know_the_edge_packing() -> None:
    leaks = [
        (str(path), name)
        for path in _python_files()
        if not (path.parent == AUDIT and path.name in ("aggregate.py", "fastpass.py"))
        for module, name in _imports(path)
        if module.endswith("aggregate") and name in PACKING
    ]
    assert leaks == []


def test_the_reference_pass_does_not_use_the_fast_pass() -> None:
    reference = Path(__file__).with_name("reference_pass.py")
    assert not [module for module, _name in _imports(reference) if "fastpass" in module]


def test_the_audit_needs_no_rendering_or_cli_code() -> None:
    found = [
        (path.name, module)
        for path in sorted(AUDIT.glob("*.py"))
        for module, _name in _imports(path)
        if module.split(".")[0] in ("typer", "rich") or module.startswith(("sqtool.render", "sqtool.commands"))
    ]
    assert found == []

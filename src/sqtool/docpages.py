"""The command line of the generated documentation pages (docs/plan-reference.md, docs/rules.md): write
the page, or with ``--check`` say whether the page on disk is out of date (a test runs the check)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path


def page_main(argv: list[str] | None, default: Path, render: Callable[[], str], module: str) -> int:
    """Write ``render()`` to the path given (else ``default``); with ``--check`` exit 1 when the file
    differs, naming ``python -m module`` as the way to refresh it."""
    args = list(sys.argv[1:] if argv is None else argv)
    check = "--check" in args
    paths = [arg for arg in args if arg != "--check"]
    path = Path(paths[0]) if paths else default
    content = render()
    if check:
        current = path.read_text(encoding="utf-8") if path.is_file() else ""
        if current != content:
            print(f"{path} is out of date: run python -m {module}", file=sys.stderr)
            return 1
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8", newline="\n")
    return 0

"""`sqtool schema`: the plan JSON Schema exactly as shipped, for editors."""

from __future__ import annotations

from pathlib import Path

from sqtool.commands import EXIT_CLEAN
from sqtool.settings import Settings


def run_schema(settings: Settings, *, output: Path | None = None, force: bool = False) -> int:
    """Print the plan JSON Schema exactly as shipped, or write it to ``output``."""
    from sqtool.console import emit
    from sqtool.resources import schema_path

    text = schema_path("community-plan").read_text(encoding="utf-8")
    emit(text, output, force=force, settings=settings, written_key="plan.schema_written")
    return EXIT_CLEAN

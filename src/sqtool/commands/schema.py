"""`sqtool schema`: the plan JSON Schema exactly as shipped, for editors."""

from __future__ import annotations

from pathlib import Path

from sqtool.commands import EXIT_CLEAN
from sqtool.settings import Settings


def run_schema(settings: Settings, *, output: Path | None = None, force: bool = False) -> int:
    """Print the plan JSON Schema exactly as shipped, or write it to ``output``."""
    from sqtool.console import emit
    from sqtool.generated import refuse_existing
    from sqtool.resources import schema_path

    refuse_existing(output, force)  # an earlier `sqtool schema -o` may be replaced, a file of the user's not

    text = schema_path("community-plan").read_text(encoding="utf-8")
    emit(text, output, force=force, settings=settings, written_key="plan.schema_written")
    return EXIT_CLEAN

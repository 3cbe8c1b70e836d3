"""Rich consoles configured from Settings: colour only where asked or on a terminal."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from sqtool.settings import Settings

if TYPE_CHECKING:
    from rich.console import Console


def make_console(settings: Settings, *, stderr: bool = False, file=None) -> Console:
    """A console that honours ``--color`` and ``NO_COLOR``; never wraps long lines mid-path."""
    from rich.console import Console

    if settings.color == "always":
        return Console(stderr=stderr, file=file, force_terminal=True, highlight=False, soft_wrap=True)
    if settings.color == "never" or os.environ.get("NO_COLOR"):
        return Console(stderr=stderr, file=file, color_system=None, no_color=True, highlight=False, soft_wrap=True)
    return Console(stderr=stderr, file=file, highlight=False, soft_wrap=True)

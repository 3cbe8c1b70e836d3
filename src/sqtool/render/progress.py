"""A progress bar on stderr for long reads, shown only on a terminal and never with --quiet."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqtool.settings import Settings

ProgressCallback = Callable[[int, int], None]


@contextmanager
def progress_bar(settings: Settings, label: str) -> Iterator[ProgressCallback | None]:
    """Yield a ``(done, total)`` callback that draws a bar, or None when no bar should show."""
    if settings.quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

    from sqtool.console import make_console

    columns = ("[progress.description]{task.description}", BarColumn(), DownloadColumn(), TimeRemainingColumn())
    with Progress(*columns, console=make_console(settings, stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)

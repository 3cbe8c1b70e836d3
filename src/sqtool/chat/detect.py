"""Which part of a zip is the export, and its format when the layout tells; a file's format is told by the readers."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from sqtool.chat.source import ZIP_ERRORS, Source, damaged_zip


def zip_source(path: Path, display: str) -> tuple[Source, str | None]:
    """The part of a zip to read, and its format when the layout tells: Slack workspace or WhatsApp chat."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = [info.filename for info in archive.infolist() if not info.is_dir()]
    except ZIP_ERRORS as error:
        # a file named .zip that is not one (or is cut short) must not be read as text
        raise damaged_zip(display, None, error) from error
    basenames = {name.rsplit("/", 1)[-1] for name in names}
    if {"channels.json", "users.json"} & basenames and any(_is_day_file(name) for name in names):
        return Source(path, display), "slack"
    texts = [name for name in names if name.lower().endswith(".txt") and not name.startswith("__MACOSX/")]
    chosen = next((name for name in texts if name.rsplit("/", 1)[-1] == "_chat.txt"), texts[0] if texts else None)
    if chosen is not None:
        return Source(path, f"{display}!{chosen}", member=chosen), None
    return Source(path, display), None


def _is_day_file(name: str) -> bool:
    return re.search(r"(^|/)[^/]+/\d{4}-\d{2}-\d{2}\.json$", name) is not None
